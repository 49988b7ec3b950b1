// Authorization holds at commit: a request already under way when its sender was deactivated, or its device
// revoked, does not commit. The password hash between an admin's two transactions, and the batch that shares one
// commit among requests arriving together, are the windows a racing admin or kiosk used.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Reply } from '../../shared/protocol/errors';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { PASSWORD_COST } from '../../hub/passwords';
import { ADMIN_PASSWORD, startTestHub, testSeed, type TestHub } from '../helpers/hub';

const ROUNDS = 5;
let hub: TestHub;
let admin: TestClient;

beforeAll(async () => {
  const seed = testSeed();
  for (let i = 1; i <= ROUNDS; i++) seed.users?.push({ username: `racer${i}`, password: `sandi-racer${i}`, name: `Admin ${i}`, role: 'admin' });
  seed.devices = [];
  for (let i = 1; i <= ROUNDS; i++) seed.devices.push({ name: `Kiosk ${i}`, kind: 'kiosk', key: `kiosk-key-racer-${i}` });
  // An office's hashing cost: the racer's password hash takes long enough for the deactivation to commit.
  hub = await startTestHub({ seed, passwordCost: PASSWORD_COST });
  admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  admin?.close();
  await hub?.dispose();
});

const idOf = (table: 'users' | 'devices', column: string, value: string) =>
  (hub.db.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`).get(value) as { id: number }).id;
/** The log's ids of what an actor did, and of the event that shut them out. */
function loggedAfter(actorColumn: 'user_id' | 'device_id', actorId: number, shutOut: string, subjectKey: string): number[] {
  const shut = hub.db
    .prepare(`SELECT id FROM events WHERE type = ? AND json_extract(data, '$.' || ?) = ?`)
    .get(shutOut, subjectKey, actorId) as { id: number } | undefined;
  if (!shut) throw new Error(`${shutOut} was not logged`);
  const rows = hub.db.prepare(`SELECT id FROM events WHERE ${actorColumn} = ? AND id > ?`).all(actorId, shut.id) as { id: number }[];
  return rows.map((r) => r.id);
}
/** A request whose socket was cut off meanwhile may get no answer at all: that is a refusal too. */
const settled = <T>(reply: Promise<Reply<T>>) => reply.catch(() => ({ ok: false as const }));

it("nothing a deactivated admin asked for commits after the deactivation, racing it", async () => {
  for (let i = 1; i <= ROUNDS; i++) {
    const racer = await signIn(hub.url, `racer${i}`, `sandi-racer${i}`);
    const racerId = idOf('users', 'username', `racer${i}`);
    // The hashing line (two at a time) is kept busy by sign-ins elsewhere, as on a busy morning: the racer's
    // requests pass the checks at dispatch, then wait for their password hash while the deactivation (which
    // hashes nothing) commits; their second transaction, after it, must not commit.
    const elsewhere = await connect(hub.url, {}, `127.0.0.${10 + i}`);
    const busy = Array.from({ length: 4 }, () => settled(elsewhere.request('auth:login', { username: 'kepala', password: 'salah-sandi' })));
    const created = settled(racer.request('admin:userCreate', { requestId: requestId(), username: `backdoor${i}`, name: 'Pintu Belakang', role: 'admin' }));
    const reset = settled(racer.request('admin:userResetPassword', { userId: idOf('users', 'username', 'hd1') }));
    const deactivated = admin.ok('admin:userDeactivate', { userId: racerId });
    await deactivated;
    // The racer gets no answer (its socket is cut off); a sign-in queued for hashing behind its requests tells
    // when their second transactions have run.
    await elsewhere.request('auth:login', { username: 'kepala', password: 'salah-sandi' });
    await Promise.all([...busy, created, reset]);
    elsewhere.close();
    expect(loggedAfter('user_id', racerId, 'admin.user.deactivate', 'userId'), `round ${i}: the racer acted after being deactivated`).toEqual([]);
    racer.close();
  }
});

it('no ticket is issued to a kiosk after the commit that revokes it', async () => {
  for (let i = 1; i <= ROUNDS; i++) {
    const kiosk = await connect(hub.url, { deviceKey: `kiosk-key-racer-${i}` });
    const deviceId = idOf('devices', 'name', `Kiosk ${i}`);
    const revoked = admin.ok('admin:deviceRevoke', { deviceId });
    const tickets = Array.from({ length: 3 }, () => settled(kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' })));
    await Promise.all([revoked, ...tickets]);
    expect(loggedAfter('device_id', deviceId, 'admin.device.revoke', 'deviceId'), `round ${i}: a revoked kiosk was given a number`).toEqual([]);
    kiosk.close();
  }
});
