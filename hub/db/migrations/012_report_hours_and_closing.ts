// A year's report sorted every ticket of the period by its hour of issue (a time parsed per ticket), and
// looked up each closed case's closing event and parsed two instants per case. Now:
//   tickets.issued_quarter  the quarter hour of the day (UTC, 0–95) of the issue: a virtual column, computed
//                           from issued_at, never stored in the row. Second in tickets_report, so a period's
//                           tickets come grouped by day and quarter hour straight from the index, without a
//                           sort; the report turns quarter hours into the office zone's hours (every zone's
//                           offset is a whole number of quarter hours). The entry of a ticket stays where it
//                           was in the index: its issue never changes, so a ticket write touches no more pages.
//   cases.close_ms          opening → last closing of a case, kept by a trigger when a case.close event is
//                           written, with the expression the report used: the case row is written in that
//                           transaction anyway (its status), so no page more. cases_status covers what the
//                           report reads of the closed cases.
// Both are filled for the existing rows.
const CLOSE_MS = (caseId: string) => `CAST(round((julianday((SELECT max(e.at) FROM events e WHERE e.case_id = ${caseId} AND e.type = 'case.close'))
  - julianday(opened_at)) * 86400000) AS INTEGER)`;

export default /* sql */ `
ALTER TABLE tickets ADD COLUMN issued_quarter INTEGER
  GENERATED ALWAYS AS (CAST(substr(issued_at, 12, 2) AS INTEGER) * 4 + CAST(substr(issued_at, 15, 2) AS INTEGER) / 15) VIRTUAL;
DROP INDEX tickets_report;
CREATE INDEX tickets_report ON tickets (office_day, issued_quarter, service_code, status, last_staff_counter_id, last_staff_user_id,
  transferred, wait_ms, service_ms);

ALTER TABLE cases ADD COLUMN close_ms INTEGER;
UPDATE cases SET close_ms = ${CLOSE_MS('cases.id')} WHERE id IN (SELECT case_id FROM events WHERE type = 'case.close');

CREATE TRIGGER case_close_ms AFTER INSERT ON events WHEN NEW.type = 'case.close' BEGIN
  UPDATE cases SET close_ms = ${CLOSE_MS('NEW.case_id')} WHERE id = NEW.case_id;
END;

DROP INDEX cases_status;
CREATE INDEX cases_status ON cases (status, closed_day, withdrawn_at, close_ms);
`;
