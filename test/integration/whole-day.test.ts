// A whole office day through real sockets: 200 tickets, two services, three counters calling, recalling,
// marking no-shows, requeueing, transferring, pausing and finishing. The event log must replay to
// exactly the tickets stored.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { replayTickets } from '../../shared/domain/ticketRules';
import type { Ticket } from '../../shared/domain/types';
import { listAllTickets, listTicketEvents } from '../../hub/db/index';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { FakeClock, FLAT_OUT_LIMITS, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';
import { random } from '../helpers/fixtures';

let hub: TestHub;
const clock = new FakeClock(Date.parse('2026-11-24T01:00:00Z')); // 08:00 WIB
const clients: TestClient[] = [];

beforeAll(async () => {
  // Kiosks and counters here issue and call flat out, far past any device's budget: the budgets are raised.
  hub = await startTestHub({ clock, limits: FLAT_OUT_LIMITS });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});


it('replays the event log of a busy day to exactly the final state', { timeout: 180_000 }, async () => {
  const rnd = random(42);
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const officers = await Promise.all([1, 2, 3].map((i) => signIn(hub.url, `hd${i}`, `sandi-hd${i}`)));
  clients.push(kiosk, ...officers);
  for (const [i, o] of officers.entries()) await o.ok('counter:open', { counterId: i + 1 });
  const current = new Map<number, Ticket | null>([1, 2, 3].map((id) => [id, null]));
  const noShows: Ticket[] = [];
  let issued = 0;
  let requeued = 0;

  const busy = () =>
    issued < 200 || [...current.values()].some(Boolean) || listAllTickets(hub.db).some((t) => t.status === 'waiting');
  for (let step = 0; step < 5000 && busy(); step++) {
    clock.advance(Math.floor(rnd() * 20_000));
    if (issued < 200 && rnd() < 0.45) {
      await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: rnd() < 0.6 ? 'A' : 'B' });
      issued++;
      continue;
    }
    const counterId = 1 + Math.floor(rnd() * 3);
    const officer = officers[counterId - 1] as TestClient;
    const ticket = current.get(counterId) ?? null;
    const r = rnd();
    if (!ticket) {
      if (r < 0.03) {
        await officer.ok('counter:pause', { counterId, reason: 'istirahat' });
        clock.advance(60_000);
        await officer.ok('counter:resume', { counterId });
      } else if (r < 0.1 && noShows.length) {
        await officer.ok('ticket:requeue', { ticketId: (noShows.shift() as Ticket).id });
        requeued++;
      } else {
        const reply = await officer.request('ticket:callNext', { counterId });
        if (reply.ok) current.set(counterId, reply.data);
        else expect(reply.error.code).toBe('QUEUE_EMPTY');
      }
    } else if (ticket.status === 'called') {
      const ref = { counterId, ticketId: ticket.id };
      if (r < 0.1) current.set(counterId, await officer.ok('ticket:recall', ref));
      else if (r < 0.2) {
        noShows.push(await officer.ok('ticket:noShow', ref));
        current.set(counterId, null);
      } else current.set(counterId, (await officer.ok('ticket:start', ref)).ticket);
    } else {
      const ref = { counterId, ticketId: ticket.id };
      if (r < 0.08) {
        await officer.ok('ticket:transfer', { ...ref, serviceCode: ticket.serviceCode === 'A' ? 'B' : 'A' });
      } else if (r < 0.12) {
        await officer.ok('ticket:transfer', { ...ref, toCounterId: counterId === 3 ? 1 : counterId + 1 });
      } else {
        await officer.ok('ticket:finish', ref);
      }
      current.set(counterId, null);
    }
  }

  const stored = listAllTickets(hub.db);
  expect(stored).toHaveLength(200);
  expect(new Set(stored.map((t) => t.number)).size).toBe(200);
  expect(stored.filter((t) => t.status === 'done').length).toBeGreaterThan(100);
  expect(stored.some((t) => t.recallCount > 0)).toBe(true);
  expect(requeued).toBeGreaterThan(0);
  const replayed = replayTickets(listTicketEvents(hub.db));
  expect([...replayed.values()].sort((a, b) => a.id - b.id)).toEqual(stored);
});
