// Who a ticket counts under, and how old an open case is, in a report asked for in the middle of its period.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { FakeClock, KIOSK_KEY, startTestHub, testSeed, type TestHub } from '../helpers/hub';

const clock = new FakeClock(Date.parse('2026-11-10T02:00:00Z')); // Tuesday 10 November, 09:00 WIB
let hub: TestHub;
const clients: TestClient[] = [];

beforeAll(async () => {
  hub = await startTestHub({ clock, seed: testSeed(2) });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});

it('counts a ticket under the officer who served it, not one who only issued it, and open cases’ age as of today', async () => {
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const officer = await signIn(hub.url, 'hd1', 'sandi-hd1');
  const head = await signIn(hub.url, 'kepala', 'sandi-kepala');
  clients.push(kiosk, officer, head);
  await officer.ok('counter:open', { counterId: 1 });
  // The officer takes a number for a visitor at the counter; nobody calls it, and it expires tonight.
  await officer.ok('ticket:issue', { requestId: requestId(), serviceCode: 'B' });
  // A visitor from the kiosk is served by the same officer; their case stays open.
  const visit = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  await officer.ok('ticket:callSpecific', { counterId: 1, ticketId: visit.ticket.id });
  const { case: opened } = await officer.ok('ticket:start', { counterId: 1, ticketId: visit.ticket.id });
  await officer.ok('case:handle', { caseId: opened.id, revision: opened.revision, note: 'Dijelaskan cara unggah dokumen.' });
  await officer.ok('ticket:finish', { counterId: 1, ticketId: visit.ticket.id });

  // The next morning the head looks at November so far.
  clock.set('2026-11-11T02:00:00Z');
  const report = await head.ok('report:get', { from: '2026-11-01', to: '2026-11-30' });
  expect(report.tickets).toMatchObject({ issued: 2, served: 1, expired: 1 });
  expect(report.byOfficer.map((o) => [o.username, o.issued, o.served])).toEqual([['hd1', 1, 1]]);
  // Opened yesterday: a day old today, not the twenty days to the month's end.
  expect(report.cases.openAtEnd).toBe(1);
  expect(report.cases.openByAge).toEqual([1, 0, 0, 0]);
});
