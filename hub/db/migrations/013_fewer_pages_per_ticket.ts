// Fewer pages written per ticket (docs/benchmarks.md): every page a commit writes costs time on the disk
// wait each ack stands behind (`synchronous=FULL`).
// - A ticket is issued waiting, never called nor done: its report times are empty already, so the insert
//   trigger need not rewrite the row it has just written (the tickets migrated in by hand, already called
//   or done, still get theirs).
// - Ticket events carry no case and a waiting ticket no counter: indexes that leave the empty value out cost
//   no page when a ticket is issued, and still answer every lookup by a case or a counter (`= ?` implies
//   `IS NOT NULL`, so SQLite uses the partial index).
import { SERVICE, WAIT } from './011_ticket_report_facts';

export default /* sql */ `
DROP TRIGGER ticket_report_times_issue;
CREATE TRIGGER ticket_report_times_issue AFTER INSERT ON tickets WHEN NEW.called_at IS NOT NULL OR NEW.status = 'done' BEGIN
  UPDATE tickets SET wait_ms = ${WAIT}, service_ms = ${SERVICE} WHERE id = NEW.id;
END;

DROP INDEX events_case;
CREATE INDEX events_case ON events (case_id) WHERE case_id IS NOT NULL;
DROP INDEX tickets_counter;
CREATE INDEX tickets_counter ON tickets (counter_id, status) WHERE counter_id IS NOT NULL;
`;
