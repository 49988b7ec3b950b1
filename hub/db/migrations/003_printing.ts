// Printer faults: one row per failed print, open until a later print on the same device succeeds. Prints
// themselves are recorded in the event log (`print.ticket`, `print.reprint`, `print.ok`, `print.fault`).
export default /* sql */ `
CREATE TABLE printer_faults (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES devices(id),
  ticket_id INTEGER REFERENCES tickets(id),
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL,
  resolved_at TEXT
) STRICT;

CREATE INDEX printer_faults_open ON printer_faults (device_id) WHERE resolved_at IS NULL;
`;
