// The queue lengths the hub keeps beside the tickets (for "people ahead" and the screens' waiting counts)
// are counted again from the tickets at every start: a hand-edited or oddly restored file cannot leave a
// visitor told the wrong number of people ahead, or a ticket that can never be called.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../hub/dataFolder';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { listAllTickets } from '../../hub/db/index';
import { FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

const hubs: TestHub[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  for (const h of hubs.reverse()) await h.dispose().catch(() => undefined);
});

/**
 * A hub stopped with `tickets` of service A waiting, and its database file open for someone to edit while the
 * hub is stopped: the stored counts then no longer match the tickets.
 */
async function stoppedWithWaiting(tickets: number): Promise<{ first: TestHub; raw: Database.Database }> {
  const first = await startTestHub();
  hubs.push(first);
  const kiosk = await connect(first.url, { deviceKey: KIOSK_KEY });
  for (let i = 0; i < tickets; i++) await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  kiosk.close();
  await first.stop();
  return { first, raw: new Database(join(first.dataDir, DATABASE_FILE)) };
}

it('counts the waiting tickets again at start-up, whatever the stored counts say', async () => {
  const { first, raw } = await stoppedWithWaiting(3);
  raw.prepare('UPDATE queue_lengths SET waiting = 0').run();
  raw.close();

  const again = await startTestHub({ dataDir: first.dataDir });
  hubs.push(again);
  const kiosk2 = await connect(again.url, { deviceKey: KIOSK_KEY });
  const officer = await signIn(again.url, 'hd1', 'sandi-hd1');
  clients.push(kiosk2, officer);
  const issued = await kiosk2.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  expect(issued.ahead).toBe(3);
  // All four can be called, one after another, and the waiting count falls to nothing.
  await officer.ok('counter:open', { counterId: 1 });
  for (let i = 0; i < 4; i++) {
    const called = await officer.ok('ticket:callNext', { counterId: 1 });
    await officer.ok('ticket:noShow', { counterId: 1, ticketId: called.id });
  }
  const snapshot = await officer.ok('sync:snapshot', {});
  if (snapshot.audience !== 'staff') throw new Error('expected a staff snapshot');
  expect(snapshot.waiting.A).toBe(0);
});

it('counts them again when the stored counts say more wait than do, and for a service with none waiting', async () => {
  const { first, raw } = await stoppedWithWaiting(2);
  const day = (raw.prepare('SELECT office_day AS d FROM queue_lengths').get() as { d: string }).d;
  raw.prepare('UPDATE queue_lengths SET waiting = waiting + 5').run();
  raw.prepare(`INSERT INTO queue_lengths (office_day, service_code, priority, waiting) VALUES (?, 'B', 0, 4)`).run(day);
  raw.close();

  const again = await startTestHub({ dataDir: first.dataDir });
  hubs.push(again);
  const officer = await signIn(again.url, 'hd1', 'sandi-hd1');
  clients.push(officer);
  const snapshot = await officer.ok('sync:snapshot', {});
  if (snapshot.audience !== 'staff') throw new Error('expected a staff snapshot');
  expect(snapshot.waiting).toMatchObject({ A: 2, B: 0 });
});

it('closes the tickets a hub stopped overnight left waiting, called or being served, when it starts the next day', async () => {
  const clock = new FakeClock(Date.parse('2026-11-23T02:00:00Z'));
  // Days of finished tickets before the one left unfinished: the start finds that one among them.
  const first = await startTestHub({ clock });
  hubs.push(first);
  const kiosk = await connect(first.url, { deviceKey: KIOSK_KEY });
  const officer = await signIn(first.url, 'hd1', 'sandi-hd1');
  await officer.ok('counter:open', { counterId: 1 });
  const done = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  await officer.ok('ticket:callNext', { counterId: 1 });
  await officer.ok('ticket:start', { counterId: 1, ticketId: done.ticket.id });
  await officer.ok('ticket:finish', { counterId: 1, ticketId: done.ticket.id });
  clock.set('2026-11-24T02:00:00Z');
  const served = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  const waiting = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  await officer.ok('ticket:callNext', { counterId: 1 });
  await officer.ok('ticket:start', { counterId: 1, ticketId: served.ticket.id });
  kiosk.close();
  officer.close();
  await first.stop();

  clock.set('2026-11-25T01:00:00Z');
  const again = await startTestHub({ dataDir: first.dataDir, clock });
  hubs.push(again);
  const byId = new Map(listAllTickets(again.db).map((t) => [t.id, t.status]));
  expect([byId.get(done.ticket.id), byId.get(served.ticket.id), byId.get(waiting.ticket.id)]).toEqual(['done', 'done', 'expired']);
  const kiosk2 = await connect(again.url, { deviceKey: KIOSK_KEY });
  clients.push(kiosk2);
  expect(await kiosk2.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).toMatchObject({ ahead: 0, ticket: { number: 'A-001' } });
});
