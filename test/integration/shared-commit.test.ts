// Requests that arrive together are committed together (one wait for the disk), each in its own
// savepoint: a refusal among them changes nothing of its own and nothing of the others', and every reply
// comes after the commit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caughtUp, connect, requestId, signIn, type TestClient } from '../helpers/clients';
import type { DisplayPatch, KioskPatch, StaffPatch, StaffSnapshot } from '../../shared/protocol/events';
import { KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
const clients: TestClient[] = [];

beforeAll(async () => {
  // A full disk stops writes until the storage probe finds the disk writable: probed often here.
  hub = await startTestHub({ timers: { storageProbeMs: 100 } });
});
/** Counter 1, held by `staff` in an earlier test, left free to call: its visitor finished or gone. */
async function freeCounterOne(staff: TestClient): Promise<void> {
  const { tickets } = (await staff.ok('sync:snapshot', {})) as StaffSnapshot;
  const held = tickets.find((t) => t.counterId === 1 && (t.status === 'called' || t.status === 'serving'));
  if (held?.status === 'called') await staff.ok('ticket:noShow', { counterId: 1, ticketId: held.id });
  if (held?.status === 'serving') await staff.ok('ticket:finish', { counterId: 1, ticketId: held.id });
}

afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});

it('stores every change sent at once except the refused one, which leaves the ticket as it was', async () => {
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
  clients.push(kiosk, hd1);
  await hd1.ok('counter:open', { counterId: 1 });
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  const called = await hd1.ok('ticket:callNext', { counterId: 1 });

  // Sent in one go from one socket: starting service with a case that does not exist is refused after the
  // ticket was already moved to "serving" inside the transaction, between issues that succeed.
  const replies = await Promise.all([
    hd1.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' }),
    hd1.request('ticket:start', { counterId: 1, ticketId: called.id, caseId: 999_999 }),
    hd1.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' }),
    kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'B' }),
  ]);
  expect(replies.map((r) => r.ok)).toEqual([true, false, true, true]);
  expect(replies[1]).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } });
  const numbers = replies.flatMap((r) => (r.ok && 'ticket' in r.data ? [r.data.ticket.number] : []));
  expect(numbers).toEqual(['A-002', 'A-003', 'B-001']);

  // The refused start left the ticket called and the counter free to start it properly.
  const snapshot = await hd1.ok('sync:snapshot', {});
  if (snapshot.audience !== 'staff') throw new Error('expected a staff snapshot');
  expect(snapshot.tickets.find((t) => t.id === called.id)?.status).toBe('called');
  expect(snapshot.cases).toHaveLength(0);
  expect(snapshot.waiting).toEqual({ A: 2, B: 1 });
  const started = await hd1.ok('ticket:start', { counterId: 1, ticketId: called.id });
  expect(started.ticket.status).toBe('serving');

  // The issued tickets wait behind each other, as the queue lengths kept with them say.
  const next = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  expect(next.ahead).toBe(2);
});

it('when the disk fills during changes sent at once, stores exactly the ones it acknowledged', async () => {
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  clients.push(kiosk);
  const before = hub.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
  // The database may not grow by a page: the first issues of the batch fit in pages already there, a
  // later one meets a full disk, and SQLite rolls back the whole transaction, not only its savepoint.
  const pages = hub.db.pragma('page_count', { simple: true }) as number;
  hub.db.pragma(`max_page_count = ${pages}`);
  try {
    const replies = await Promise.all(
      Array.from({ length: 60 }, () => kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' })),
    );
    expect(replies.some((r) => !r.ok)).toBe(true);
    // Refused as a full disk, and every later change too until the hub finds room again.
    expect(new Set(replies.flatMap((r) => (r.ok ? [] : [r.error.code])))).toEqual(new Set(['STORAGE_FULL']));
    // Nothing acknowledged as refused was stored, and nothing stored was refused.
    const after = hub.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
    expect(after.n - before.n).toBe(replies.filter((r) => r.ok).length);
  } finally {
    hub.db.pragma('max_page_count = 1073741823');
  }
  // With room again (the limit was the old connection's), the hub resumes by itself on a fresh one;
  // numbering goes on and no number is given twice.
  await expect.poll(() => hub.storage.state, { timeout: 10_000 }).toBe('ok');
  const next = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  const numbers = hub.db.prepare(`SELECT number FROM tickets WHERE service_code = 'A'`).pluck().all() as string[];
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(numbers).toContain(next.ticket.number);
});

it('tells each screen once what changes committed together did: every ticket, the call, the queue lengths after them', async () => {
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const display = await connect(hub.url);
  const hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
  const hd2 = await signIn(hub.url, 'hd2', 'sandi-hd2');
  clients.push(kiosk, display, hd1, hd2);
  await freeCounterOne(hd1);
  const waitingA = () => (hub.db.prepare("SELECT count(*) AS n FROM tickets WHERE status = 'waiting' AND service_code = 'A'").get() as { n: number }).n;
  const screens = [kiosk, display, hd2];
  await Promise.all(screens.map((c) => caughtUp(c))); // the patches of what came before have arrived
  const before = waitingA();
  const seen = { kiosk: kiosk.patches.length, display: display.patches.length, staff: hd2.patches.length };

  // Five tickets taken at the counter and a call, sent in one go: one commit.
  const [called, ...issued] = await Promise.all([
    hd1.ok('ticket:callNext', { counterId: 1 }),
    ...Array.from({ length: 5 }, () => hd1.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' })),
  ]);
  // The hub sends a commit's patches with its replies: once each screen has caught up, none is still to come.
  await Promise.all(screens.map((c) => caughtUp(c)));
  const after = before + 5 - 1;
  expect(waitingA()).toBe(after);

  expect((kiosk.patches.slice(seen.kiosk) as KioskPatch[]).map((p) => p.waiting?.A)).toEqual([after]);
  const displayPatches = display.patches.slice(seen.display) as DisplayPatch[];
  expect(displayPatches.map((p) => [p.waiting?.A, p.calls?.map((c) => [c.ticketNumber, c.counterNumber])])).toEqual([
    [after, [[called.number, 1]]],
  ]);
  const staffPatches = hd2.patches.slice(seen.staff) as StaffPatch[];
  expect(staffPatches).toHaveLength(1);
  const told = staffPatches[0]?.tickets?.map((t) => t.number);
  expect(told?.sort()).toEqual([called.number, ...issued.map((i) => 'ticket' in i ? i.ticket.number : '')].sort());
  expect(staffPatches[0]?.waiting?.A).toBe(after);
});

it('announces a ticket recalled twice in one commit twice, in the order made', async () => {
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const display = await connect(hub.url);
  const hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
  clients.push(kiosk, display, hd1);
  await freeCounterOne(hd1);
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  const called = await hd1.ok('ticket:callNext', { counterId: 1 });
  await display.waitForPatch((p) => p.audience === 'display' && !!p.calls?.some((c) => c.ticketNumber === called.number));
  const seen = display.patches.length;

  await Promise.all([1, 2].map(() => hd1.ok('ticket:recall', { counterId: 1, ticketId: called.id })));
  const patch = (await display.waitForPatch((p) => display.patches.indexOf(p) >= seen && p.audience === 'display')) as DisplayPatch;
  expect(patch.calls?.map((c) => [c.ticketNumber, c.recall])).toEqual([
    [called.number, 1],
    [called.number, 2],
  ]);
});
