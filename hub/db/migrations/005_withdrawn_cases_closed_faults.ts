// A visit's case with nothing recorded is withdrawn when the visit ends; staff can close a printer fault
// they have dealt with; a transferred ticket remembers the service it came from, for the counter to show. The cases table's status CHECK cannot take a new code in place: SQLite would need a
// table rebuild, which foreign keys (enforced inside the migration's transaction) forbid while case_tickets
// and events point at it. So a withdrawn case keeps status 'open' with `withdrawn_at` set, and every read
// reports its status as 'withdrawn' (hub/db/cases.ts).
export default /* sql */ `
ALTER TABLE cases ADD COLUMN withdrawn_at TEXT;
CREATE INDEX cases_withdrawn ON cases (withdrawn_at) WHERE withdrawn_at IS NOT NULL;

ALTER TABLE tickets ADD COLUMN transferred_from TEXT;

ALTER TABLE printer_faults ADD COLUMN closed_at TEXT;
ALTER TABLE printer_faults ADD COLUMN closed_by INTEGER REFERENCES users(id);
`;
