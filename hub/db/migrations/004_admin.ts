// Running the office from the screens: services gain an English name and the priority question; users a
// temporary password's expiry (non-null while the password is one an admin gave); counters a spoken number
// unique among active counters; devices are rebuilt to hold only a hash of their key (the key is shown once),
// to include survey tablets (which belong to a counter), and to be revoked rather than deleted.
import { hashToken } from '../../passwords';
import type { Db } from '../open';

const SCHEMA = /* sql */ `
ALTER TABLE services ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN ask_priority INTEGER NOT NULL DEFAULT 1 CHECK (ask_priority IN (0, 1));

ALTER TABLE users ADD COLUMN temp_expires_at TEXT;
CREATE UNIQUE INDEX users_username_nocase ON users (username COLLATE NOCASE);
CREATE INDEX sessions_user ON sessions (user_id, created_at);

CREATE UNIQUE INDEX counters_number_active ON counters (number) WHERE active = 1;

-- Rebuilt: the old rows are kept aside, the table dropped and made anew, and the rows put back with the
-- same ids. Tickets, events and printer faults keep pointing at "devices"; their references are checked
-- at commit (defer_foreign_keys), by when every device is back.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE devices_v3 AS SELECT id, name, kind, key, printer FROM devices;
DROP TABLE devices;
CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'survey')),
  key_hash TEXT NOT NULL UNIQUE,
  printer TEXT,
  counter_id INTEGER REFERENCES counters(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  last_seen_at TEXT
) STRICT;
`;

export default function migrate(db: Db): void {
  db.exec(SCHEMA);
  const old = db.prepare('SELECT id, name, kind, key, printer FROM devices_v3').all() as {
    id: number;
    name: string;
    kind: string;
    key: string;
    printer: string | null;
  }[];
  const insert = db.prepare('INSERT INTO devices (id, name, kind, key_hash, printer, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  for (const d of old) insert.run(d.id, d.name, d.kind, hashToken(d.key), d.printer, now);
  db.exec('DROP TABLE temp.devices_v3;');
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new Error(`migration 004: ${broken.length} broken references`);
}
