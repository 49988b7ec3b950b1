// The queue: services, counters, staff, devices, tickets and the append-only event log.
export default /* sql */ `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('helpdesk', 'coordinator', 'head', 'admin')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;

CREATE TABLE counters (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  number INTEGER NOT NULL CHECK (number >= 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  state TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('closed', 'open', 'paused')),
  pause_reason TEXT CHECK (pause_reason IN ('istirahat', 'sholat', 'rapat', 'lainnya')),
  user_id INTEGER REFERENCES users(id),
  state_since TEXT
) STRICT;

CREATE TABLE counter_services (
  counter_id INTEGER NOT NULL REFERENCES counters(id),
  service_id INTEGER NOT NULL REFERENCES services(id),
  PRIMARY KEY (counter_id, service_id)
) STRICT;

CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
  key TEXT NOT NULL UNIQUE,
  printer TEXT
) STRICT;

CREATE TABLE day_sequences (
  office_day TEXT NOT NULL,
  service_code TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (office_day, service_code)
) STRICT;

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  office_day TEXT NOT NULL,
  number TEXT NOT NULL,
  service_code TEXT NOT NULL,
  priority INTEGER NOT NULL CHECK (priority IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'expired')),
  issued_at TEXT NOT NULL,
  queued_at TEXT NOT NULL,
  called_at TEXT,
  serving_at TEXT,
  finished_at TEXT,
  counter_id INTEGER REFERENCES counters(id),
  target_counter_id INTEGER REFERENCES counters(id),
  recall_count INTEGER NOT NULL DEFAULT 0,
  device_id INTEGER REFERENCES devices(id),
  requester TEXT NOT NULL,
  request_id TEXT NOT NULL,
  UNIQUE (office_day, number),
  UNIQUE (requester, request_id)
) STRICT;

CREATE INDEX tickets_queue ON tickets (office_day, status, priority DESC, queued_at, id);
CREATE INDEX tickets_counter ON tickets (counter_id, status);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  ticket_id INTEGER REFERENCES tickets(id),
  counter_id INTEGER REFERENCES counters(id),
  user_id INTEGER REFERENCES users(id),
  device_id INTEGER REFERENCES devices(id),
  from_status TEXT,
  to_status TEXT,
  sop_step INTEGER,
  data TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX events_ticket ON events (ticket_id);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
`;
