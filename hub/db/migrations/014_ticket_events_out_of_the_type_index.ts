// Fewer pages per ticket event (docs/benchmarks.md, fifth round). events_type_at (type, at) is read for two
// lookups by type: the reports' case events in a period, and the waiting room's recent calls. Yet every event
// had an entry, so each ticket issued, started, finished, marked absent, requeued or cancelled wrote a page of
// the index that no lookup reads. It now holds case events (each carries its case: `case_id = …` in a query
// implies `case_id IS NOT NULL`) and calls and recalls (a query names them with this very list, which SQLite
// needs to see to use the index).
export default /* sql */ `
DROP INDEX events_type_at;
CREATE INDEX events_type_at ON events (type, at) WHERE case_id IS NOT NULL OR type IN ('ticket.call', 'ticket.recall');
`;
