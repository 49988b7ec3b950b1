// The storage module on its own: which errors are storage faults, that a fault stops writes without
// touching the disk, and that the probe swaps in a fresh connection only once the disk takes a write.
// The faults themselves, on real file systems against a hub process: test/system/storage-faults.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getSettings, openDatabase } from '../../hub/db/index';
import { Storage, storageFault } from '../../hub/storage';

/** An error as better-sqlite3 or node:fs throws it: the code is what the hub goes by. */
const failed = (code: string) => Object.assign(new Error(code), { code });

it.each([
  ['SQLITE_FULL', 'full'],
  ['ENOSPC', 'full'],
  ['SQLITE_READONLY', 'read_only'],
  ['SQLITE_READONLY_DBMOVED', 'read_only'],
  ['EROFS', 'read_only'],
  ['SQLITE_IOERR_FSYNC', 'read_only'],
  ['SQLITE_IOERR_WRITE', 'read_only'],
  ['EIO', 'read_only'],
  ['SQLITE_BUSY', null],
  ['SQLITE_CONSTRAINT_UNIQUE', null],
])('%s is a storage fault: %s', (code, fault) => {
  expect(storageFault(failed(code))).toBe(fault);
});

it('a DomainError or a plain throw is no storage fault', () => {
  expect(storageFault(new Error('boom'))).toBeNull();
  expect(storageFault(undefined)).toBeNull();
});

let dir: string;
let storage: Storage;
const logs: string[] = [];
let changes = 0;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'antrian-storage-'));
  storage = new Storage(openDatabase(join(dir, 'antrian.sqlite')).db, { probeMs: 60_000, log: (l) => logs.push(l) });
  storage.onChange(() => (changes += 1));
  changes = 0;
  logs.length = 0;
});
afterEach(() => {
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

it('after a failed fsync refuses writes at once, and the probe resumes them on a new connection', () => {
  const before = storage.db;
  expect(storage.noticed(failed('SQLITE_IOERR_FSYNC'), 'the WAL checkpoint')).toBe(true);
  expect(storage.state).toBe('read_only');
  expect(storage.refusal()?.code).toBe('STORAGE_READ_ONLY');
  expect(changes).toBe(1);
  expect(logs.join('\n')).toMatch(/in the WAL checkpoint: SQLITE_IOERR_FSYNC/);
  let touched = false;
  storage.write('a presence', () => (touched = true));
  expect(touched).toBe(false);

  storage.probe();
  expect(storage.state).toBe('ok');
  expect(storage.refusal()).toBeNull();
  expect(changes).toBe(2);
  expect(storage.db).not.toBe(before);
  expect(before.open).toBe(false);
  // The new connection reads and writes the same file, with its own prepared statements.
  expect(getSettings(storage.db).retentionDays).toBeGreaterThan(0);
  storage.write('a presence', (db) => db.exec('CREATE TABLE probe_seen (x)'));
  expect(storage.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'probe_seen'").pluck().get()).toBe(1);
});

it('a full disk found while already read-only stays read-only; other errors are logged, not faults', () => {
  storage.noticed(failed('EROFS'), 'a ticket');
  expect(storage.noticed(failed('SQLITE_FULL'), 'the checkpoint')).toBe(true);
  expect(storage.state).toBe('read_only');
  expect(changes).toBe(1);
  storage.probe();
  expect(storage.noticed(new Error('not the disk'), 'a ticket')).toBe(false);
  storage.write('the rollover', () => {
    throw new Error('a bug');
  });
  expect(storage.state).toBe('ok');
  expect(logs.join('\n')).toMatch(/error in the rollover: Error: a bug/);
});

it('a connection held across a swap (a backup under way) stays open until its holder lets go', () => {
  const held = storage.hold();
  storage.noticed(failed('SQLITE_IOERR_FSYNC'), 'the WAL checkpoint');
  storage.probe();
  expect(storage.db).not.toBe(held.db);
  // The backup still reads it; only its release closes it.
  expect(held.db.open).toBe(true);
  expect(held.db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(0);
  held.release();
  held.release();
  expect(held.db.open).toBe(false);
  expect(storage.db.open).toBe(true);
});
