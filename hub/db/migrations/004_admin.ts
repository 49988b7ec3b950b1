// Running the office from the screens: services gain an English name and the priority question; users a
// temporary password's expiry (non-null while the password is one an admin gave) and usernames unique
// without regard to case; counters a spoken number unique among active counters; devices are rebuilt to
// hold only a hash of their key (the key is shown once), to include survey tablets (which belong to a
// counter), to be revoked rather than deleted, and to have names unique without regard to case.
//
// Databases made before this had none of these rules: a seed could number several counters 0, or name
// two users "Rina" and "rina". Such rows are made unique here (the later duplicate gets its id appended,
// a counter the next free number) rather than stopping the hub; the admin can rename them afterwards.
import { createHash } from 'node:crypto';
import type { Db } from '../connection';

/** A device key as this migration stored it: its SHA-256, base64url (the hub's `hashToken` when it was written). */
const keyHash = (key: string) => createHash('sha256').update(key).digest('base64url');

const COLUMNS = /* sql */ `
ALTER TABLE services ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN ask_priority INTEGER NOT NULL DEFAULT 1 CHECK (ask_priority IN (0, 1));
ALTER TABLE users ADD COLUMN temp_expires_at TEXT;
CREATE INDEX sessions_user ON sessions (user_id, created_at);
`;

// Rebuilt: the old rows are kept aside, the table dropped and made anew, and the rows put back with the
// same ids. Tickets, events and printer faults keep pointing at "devices"; their references are checked
// at commit (defer_foreign_keys), by when every device is back.
const DEVICES = /* sql */ `
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

/** The name unless already taken (without regard to case), else the name with the row's id. */
function unique(taken: Set<string>, name: string, id: number): string {
  const chosen = taken.has(name.toLowerCase()) ? `${name}-${id}` : name;
  taken.add(chosen.toLowerCase());
  return chosen;
}

export default function migrate(db: Db): void {
  db.exec(COLUMNS);

  const takenUsernames = new Set<string>();
  const users = db.prepare('SELECT id, username FROM users ORDER BY id').all() as { id: number; username: string }[];
  const renameUser = db.prepare('UPDATE users SET username = ? WHERE id = ?');
  for (const u of users) {
    const name = unique(takenUsernames, u.username, u.id);
    if (name !== u.username) renameUser.run(name, u.id);
  }
  db.exec('CREATE UNIQUE INDEX users_username_nocase ON users (username COLLATE NOCASE);');

  const counters = db.prepare('SELECT id, number FROM counters WHERE active = 1 ORDER BY id').all() as { id: number; number: number }[];
  const used = new Set<number>();
  const renumber = db.prepare('UPDATE counters SET number = ? WHERE id = ?');
  for (const c of counters) {
    let number = c.number;
    if (number < 1 || number > 999 || used.has(number)) {
      number = 1;
      while (used.has(number) || counters.some((o) => o.number === number && o.id > c.id)) number++;
      renumber.run(number, c.id);
    }
    used.add(number);
  }
  db.exec('CREATE UNIQUE INDEX counters_number_active ON counters (number) WHERE active = 1;');

  db.exec(DEVICES);
  const old = db.prepare('SELECT id, name, kind, key, printer FROM devices_v3 ORDER BY id').all() as {
    id: number;
    name: string;
    kind: string;
    key: string;
    printer: string | null;
  }[];
  const insert = db.prepare('INSERT INTO devices (id, name, kind, key_hash, printer, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  const takenDevices = new Set<string>();
  for (const d of old) insert.run(d.id, unique(takenDevices, d.name, d.id), d.kind, keyHash(d.key), d.printer, now);
  db.exec('DROP TABLE temp.devices_v3;');
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new Error(`migration 004: ${broken.length} broken references`);
}
