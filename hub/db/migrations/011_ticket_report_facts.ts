// Each ticket's report facts kept at write time: a year's report read four instants, looked up the last
// staff action and checked for a transfer per ticket on every report. Triggers keep the facts in the
// ticket's own row, in the same transaction as the change (as 009 keeps queue lengths), with the same
// expressions the report used (docs/reports.md): a rolled-back change leaves them untouched.
//   wait_ms               issue → (last) call, for a ticket ever called
//   service_ms            (last) start → finish, for a visit finished (done)
//   transferred           1 once a ticket.transfer event is logged for it
//   last_staff_user_id    officer of the last staff action on the ticket (its issue is not one)
//   last_staff_counter_id counter of that action (none for an officer who cancelled a waiting ticket)
// The report index holds these instead of the instants, so a period's figures read the index alone; the
// instants changed on every call as the facts do, so a ticket write touches as many pages as before.
export const WAIT = `CASE WHEN NEW.called_at IS NOT NULL THEN CAST(round((julianday(NEW.called_at) - julianday(NEW.issued_at)) * 86400000) AS INTEGER) END`;
export const SERVICE = `CASE WHEN NEW.status = 'done' THEN CAST(round((julianday(NEW.finished_at) - julianday(NEW.serving_at)) * 86400000) AS INTEGER) END`;
/** Events that are a staff action on a ticket, `e` being the event. */
const STAFF_ACTION = (e: string) => `${e}.ticket_id IS NOT NULL AND ${e}.user_id IS NOT NULL AND ${e}.type GLOB 'ticket.*' AND ${e}.type <> 'ticket.issue'`;

export default /* sql */ `
ALTER TABLE tickets ADD COLUMN wait_ms INTEGER;
ALTER TABLE tickets ADD COLUMN service_ms INTEGER;
ALTER TABLE tickets ADD COLUMN transferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN last_staff_user_id INTEGER;
ALTER TABLE tickets ADD COLUMN last_staff_counter_id INTEGER;

UPDATE tickets SET
  wait_ms = ${WAIT.replaceAll('NEW.', '')},
  service_ms = ${SERVICE.replaceAll('NEW.', '')},
  transferred = id IN (SELECT x.ticket_id FROM events x WHERE x.type = 'ticket.transfer'),
  (last_staff_user_id, last_staff_counter_id) = (SELECT e.user_id, e.counter_id FROM events e INDEXED BY events_ticket_staff
    WHERE e.ticket_id = tickets.id AND ${STAFF_ACTION('e')} ORDER BY e.id DESC LIMIT 1);

CREATE TRIGGER ticket_report_times_issue AFTER INSERT ON tickets BEGIN
  UPDATE tickets SET wait_ms = ${WAIT}, service_ms = ${SERVICE} WHERE id = NEW.id;
END;

CREATE TRIGGER ticket_report_times AFTER UPDATE OF issued_at, called_at, serving_at, finished_at, status ON tickets BEGIN
  UPDATE tickets SET wait_ms = ${WAIT}, service_ms = ${SERVICE} WHERE id = NEW.id;
END;

CREATE TRIGGER ticket_report_staff_action AFTER INSERT ON events WHEN ${STAFF_ACTION('NEW')} BEGIN
  UPDATE tickets SET last_staff_user_id = NEW.user_id, last_staff_counter_id = NEW.counter_id,
    transferred = transferred OR NEW.type = 'ticket.transfer' WHERE id = NEW.ticket_id;
END;

CREATE TRIGGER ticket_report_transfer AFTER INSERT ON events WHEN NEW.ticket_id IS NOT NULL AND NEW.type = 'ticket.transfer'
  AND NEW.user_id IS NULL BEGIN
  UPDATE tickets SET transferred = 1 WHERE id = NEW.ticket_id;
END;

-- The report no longer looks up staff actions per ticket: one page less per event written.
DROP INDEX events_ticket_staff;
DROP INDEX tickets_report;
CREATE INDEX tickets_report ON tickets (office_day, service_code, status, last_staff_counter_id, last_staff_user_id, transferred,
  wait_ms, service_ms, issued_at);
`;
