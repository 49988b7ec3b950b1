// Indexes for the Head of Unit's reports (hub/reports/): case events found by type and time (escalations
// and reports to the head in a period), and tickets read by office day with the columns a report needs, so
// a year of data is answered from indexes rather than by reading the tables through.
export default /* sql */ `
CREATE INDEX events_type_at ON events (type, at);
CREATE INDEX tickets_report ON tickets (office_day, service_code, status, issued_at, called_at, serving_at, finished_at);
`;
