// Device presence on its own, against a real database: online while a socket is connected, the last-seen time
// held in memory and written now and then in one transaction (a device's first connection ever at once), and
// every write through the storage guard. A display flapping against a real hub process:
// test/system/presence-flaps.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AdminView } from '../../shared/domain/types';
import type { Session } from '../../hub/context';
import { Presence } from '../../hub/core/presence';
import { getDevice, insertDevice, listDevices, openDatabase, touchDevice, type Device } from '../../hub/db/index';
import { Storage } from '../../hub/storage';
import { FakeClock } from '../helpers/hub';

const clock = new FakeClock(Date.parse('2026-11-24T01:00:00.000Z'));
let dir: string;
let storage: Storage;
let presence: Presence;
let changes: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'antrian-presence-'));
  storage = new Storage(openDatabase(join(dir, 'antrian.sqlite')).db, { probeMs: 3_600_000, log: () => undefined });
  changes = 0;
  presence = new Presence({ storage, clock: clock.now }, () => changes++);
});
afterEach(() => {
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A display as the handshake reads it from the database. */
function display(name: string, seenBefore: boolean): Session {
  const id = insertDevice(storage.db, { name, kind: 'display', key: `key-${name}`, printer: null, counterId: null, createdAt: clock.now().toISOString() });
  if (seenBefore) touchDevice(storage.db, id, '2026-11-20T01:00:00.000Z');
  return { kind: 'display', device: getDevice(storage.db, id) as Device };
}
const storedSeen = (session: Session) => getDevice(storage.db, session.kind === 'display' ? (session.device?.id ?? 0) : 0)?.lastSeenAt;
/** Frames written to the WAL since the last call (which empties it): every commit writes at least one. */
const framesWritten = () => {
  const [{ log }] = storage.db.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
  storage.db.pragma('wal_checkpoint(TRUNCATE)');
  return log;
};

it('is online while any socket of the device is connected, and says so at each arrival and departure', () => {
  const tv = display('TV', true);
  const id = tv.kind === 'display' ? (tv.device?.id ?? 0) : 0;
  presence.arrived(tv);
  presence.arrived(tv);
  presence.left(tv);
  expect(presence.online(id)).toBe(true);
  presence.left(tv);
  expect(presence.online(id)).toBe(false);
  expect(changes).toBe(4);
  // The public display and staff have no device.
  presence.arrived({ kind: 'display', device: null });
  expect(changes).toBe(4);
});

it('writes nothing per connect and disconnect of a device seen before, then the newest time in one write', () => {
  const tv = display('TV', true);
  framesWritten();
  for (let i = 0; i < 100; i++) {
    clock.advance(50);
    presence.arrived(tv);
    clock.advance(50);
    presence.left(tv);
  }
  expect(framesWritten()).toBe(0);
  expect(storedSeen(tv)).toBe('2026-11-20T01:00:00.000Z');
  presence.write();
  expect(storedSeen(tv)).toBe(clock.now().toISOString());
  // One transaction: its pages, and one commit.
  expect(framesWritten()).toBeGreaterThan(0);
  presence.write();
  expect(framesWritten()).toBe(0);
});

it('stores a device’s first connection ever at once (the setup checklist’s “a display has connected”)', () => {
  const tv = display('TV baru', false);
  presence.arrived(tv);
  expect(storedSeen(tv)).toBe(clock.now().toISOString());
  framesWritten();
  clock.advance(1000);
  presence.left(tv);
  presence.arrived(tv);
  expect(framesWritten()).toBe(0);
});

it('shows the admin the last-seen times held in memory before they are written', () => {
  const tv = display('TV', true);
  const view = (): AdminView => ({ users: [], counters: [], backups: [], devices: listDevices(storage.db).map((d) => ({ ...d, online: false, openFaults: 0 })) });
  expect(presence.onto(view()).devices[0]?.lastSeenAt).toBe('2026-11-20T01:00:00.000Z');
  clock.advance(5000);
  presence.arrived(tv);
  expect(presence.onto(view()).devices[0]?.lastSeenAt).toBe(clock.now().toISOString());
});

it('keeps in memory what an unwritable disk refused, and writes it once writing resumes', () => {
  const tv = display('TV baru', false);
  storage.noticed(Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' }), 'a test');
  presence.arrived(tv);
  presence.write();
  expect(storedSeen(tv)).toBeNull();
  storage.probe();
  expect(storage.state).toBe('ok');
  presence.write();
  expect(storedSeen(tv)).toBe(clock.now().toISOString());
});
