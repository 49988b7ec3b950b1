// The handshake on its own, against a real database: the session a token, a device key or a visitor's code
// opens, what each refusal is, and the per-address limits on wrong keys and codes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Handshake, handshakeRefusal, type HandshakeResult } from '../../hub/core/handshake';
import { findDeviceByKey, insertDevice, insertSession, insertTicket, openDatabase, revokeDevice, type Db } from '../../hub/db/index';
import { hashToken } from '../../hub/passwords';
import { applySeed } from '../../hub/seed';
import { ADMIN_PASSWORD, DISPLAY_KEY, FakeClock, KIOSK_KEY, testSeed } from '../helpers/hub';

/** 08:00 WIB on an office day. */
const clock = new FakeClock(Date.parse('2026-11-24T01:00:00.000Z'));
let dir: string;
let db: Db;
let handshake: Handshake;
const logs: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'antrian-handshake-'));
  db = openDatabase(join(dir, 'antrian.sqlite')).db;
  db.transaction(() => applySeed(db, testSeed(), ADMIN_PASSWORD, clock.now().toISOString(), 1024)).immediate();
  handshake = new Handshake({ db, clock: clock.now, timeZone: 'Asia/Jakarta', log: (l) => logs.push(l) }, { deviceKeyGuessesPerMinute: 3, visitorCodeGuessesPerMinute: 3 });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const refused = (result: HandshakeResult) => ('refused' in result ? result.refused : null);
const sessionOf = (result: HandshakeResult) => {
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return result.admitted;
};

it('without credentials is the public display, in the language asked for', async () => {
  expect(sessionOf(await handshake.admit(undefined, '10.0.0.5'))).toEqual({ session: { kind: 'display', device: null }, lang: 'id', bridge: null, deviceKeyHash: null });
  expect(sessionOf(await handshake.admit({ lang: 'en' }, '10.0.0.5')).lang).toBe('en');
});

it('opens a staff session from a stored token, and refuses an unknown or expired one', async () => {
  const admin = db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as number;
  insertSession(db, { tokenHash: hashToken('token-live'), userId: admin, createdAt: clock.now().toISOString(), expiresAt: '2026-11-25T00:00:00.000Z' });
  insertSession(db, { tokenHash: hashToken('token-old'), userId: admin, createdAt: '2026-11-01T00:00:00.000Z', expiresAt: '2026-11-02T00:00:00.000Z' });
  const admitted = sessionOf(await handshake.admit({ token: 'token-live' }, '10.0.0.5'));
  expect(admitted.session).toMatchObject({ kind: 'staff', tokenHash: hashToken('token-live'), user: { username: 'admin', role: 'admin' } });
  expect(admitted.deviceKeyHash).toBeNull();
  expect(refused(await handshake.admit({ token: 'token-old' }, '10.0.0.5'))).toBe('SESSION_EXPIRED');
  expect(refused(await handshake.admit({ token: 'token-never' }, '10.0.0.5'))).toBe('SESSION_EXPIRED');
});

it('opens a device’s session as its kind makes it, remembering the key it came with', async () => {
  const kiosk = sessionOf(await handshake.admit({ deviceKey: KIOSK_KEY, bridge: true }, '10.0.0.5'));
  expect(kiosk.session).toMatchObject({ kind: 'kiosk', device: { name: 'Kiosk Lobi' } });
  expect(kiosk.deviceKeyHash).toBe(hashToken(KIOSK_KEY));
  expect(kiosk.bridge).toBe(findDeviceByKey(db, KIOSK_KEY)?.id);
  const display = sessionOf(await handshake.admit({ deviceKey: DISPLAY_KEY, bridge: true }, '10.0.0.5'));
  expect(display.session).toMatchObject({ kind: 'display', device: { name: 'TV Ruang Tunggu' } });
  expect(display.bridge).toBeNull();
  insertDevice(db, { name: 'Tablet Loket 1', kind: 'survey', key: 'survey-key-1', printer: null, counterId: 1, createdAt: clock.now().toISOString() });
  expect(sessionOf(await handshake.admit({ deviceKey: 'survey-key-1' }, '10.0.0.5')).session).toMatchObject({ kind: 'survey', device: { counterId: 1 } });
  revokeDevice(db, findDeviceByKey(db, KIOSK_KEY)?.id ?? 0);
  expect(refused(await handshake.admit({ deviceKey: KIOSK_KEY }, '10.0.0.5'))).toBe('DEVICE_REVOKED');
});

it('after too many wrong keys from an address refuses every key from it, the right one too', async () => {
  for (let i = 0; i < 3; i++) expect(refused(await handshake.admit({ deviceKey: `guess-${i}` }, '10.0.0.5'))).toBe('DEVICE_KEY_INVALID');
  expect(refused(await handshake.admit({ deviceKey: KIOSK_KEY }, '10.0.0.5'))).toBe('DEVICE_KEY_RATE_LIMITED');
  expect(sessionOf(await handshake.admit({ deviceKey: KIOSK_KEY }, '10.0.0.6')).session.kind).toBe('kiosk');
});

it('opens a visitor’s page for its ticket until its office day ends; wrong codes are limited per address', async () => {
  const at = clock.now().toISOString();
  const ticket = { officeDay: '2026-11-24', number: 'A-001', serviceCode: 'A', priority: false, status: 'waiting' as const, issuedAt: at, queuedAt: at, calledAt: null, servingAt: null, finishedAt: null, counterId: null, targetCounterId: null, recallCount: 0, deviceId: null, transferredFrom: null };
  const ticketId = insertTicket(db, ticket, 'kiosk:1', 'req-1', 'kode-pengunjung-1');
  expect(sessionOf(await handshake.admit({ visitorCode: 'kode-pengunjung-1' }, '10.0.0.5')).session).toEqual({ kind: 'visitor', ticketId, officeDay: '2026-11-24' });
  for (let i = 0; i < 3; i++) expect(refused(await handshake.admit({ visitorCode: `tebakan-${i}` }, '10.0.0.5'))).toBe('VISITOR_CODE_UNKNOWN');
  expect(refused(await handshake.admit({ visitorCode: 'kode-pengunjung-1' }, '10.0.0.5'))).toBe('VISITOR_CODE_RATE_LIMITED');
  // The next office day the real code is refused; being no guess, it never counts towards the limit.
  clock.advance(24 * 3600_000);
  for (let i = 0; i < 5; i++) expect(refused(await handshake.admit({ visitorCode: 'kode-pengunjung-1' }, '10.0.0.6'))).toBe('VISITOR_CODE_UNKNOWN');
});

it('refuses with INTERNAL, logged, when the database cannot be read, and words a refusal for the client', async () => {
  db.close();
  expect(refused(await handshake.admit({ deviceKey: KIOSK_KEY }, '10.0.0.5'))).toBe('INTERNAL');
  expect(logs.join('\n')).toMatch(/error in a handshake/);
  db = openDatabase(join(dir, 'antrian.sqlite')).db;
  expect(handshakeRefusal('DEVICE_REVOKED', 'en')).toMatchObject({ message: expect.stringMatching(/revoked/i), data: { code: 'DEVICE_REVOKED' } });
});
