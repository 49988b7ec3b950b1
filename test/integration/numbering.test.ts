// Numbers: a retried request gets its first ticket; numbering survives a restart and starts again at
// the office day boundary in WIB, whatever the machine's zone; opening hours are kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { listAllTickets } from '../../hub/db/index';
import { GOVERNMENT_HOURS } from '../../shared/domain/officeTime';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function hubAt(clock: FakeClock, dataDir?: string): Promise<TestHub> {
  const hub = await startTestHub({ clock, dataDir });
  cleanup.push(() => hub.dispose());
  return hub;
}

async function client(url: string, auth: Parameters<typeof connect>[1]): Promise<TestClient> {
  const c = await connect(url, auth);
  cleanup.push(() => c.close());
  return c;
}

it('gives a retried request the same ticket, even when both arrive at once', async () => {
  const hub = await hubAt(new FakeClock(Date.parse('2026-11-24T02:00:00Z')));
  const kiosk = await client(hub.url, { deviceKey: KIOSK_KEY });
  const id = requestId();
  const [a, b] = await Promise.all([
    kiosk.ok('ticket:issue', { requestId: id, serviceCode: 'A' }),
    kiosk.ok('ticket:issue', { requestId: id, serviceCode: 'A' }),
  ]);
  const c = await kiosk.ok('ticket:issue', { requestId: id, serviceCode: 'A' });
  expect(a.ticket).toEqual(b.ticket);
  expect(c.ticket).toEqual(a.ticket);
  expect(listAllTickets(hub.db)).toHaveLength(1);
  expect((await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).ticket.number).toBe('A-002');
});

it('continues numbering after a restart and starts again at midnight WIB', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'antrian-restart-'));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  // 23:58 WIB on Tuesday 24 November = 16:58 UTC: still the 24th in the office, whatever the machine says.
  const clock = new FakeClock(Date.parse('2026-11-24T16:58:00Z'));
  const first = await startTestHub({ clock, dataDir });
  const kiosk1 = await connect(first.url, { deviceKey: KIOSK_KEY });
  await kiosk1.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  const left = await kiosk1.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  kiosk1.close();
  await first.stop();

  const hub = await hubAt(clock, dataDir);
  const kiosk = await client(hub.url, { deviceKey: KIOSK_KEY });
  const retried = requestId();
  expect((await kiosk.ok('ticket:issue', { requestId: retried, serviceCode: 'A' })).ticket.number).toBe('A-003');

  const staff = await signIn(hub.url, 'hd1', 'sandi-hd1');
  cleanup.push(() => staff.close());
  await staff.ok('counter:open', { counterId: 1 });
  clock.set('2026-11-24T17:00:30Z'); // 00:00:30 WIB on the 25th
  const morning = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  expect(morning.ticket).toMatchObject({ number: 'A-001', officeDay: '2026-11-25' });
  // A kiosk retrying yesterday's request is not handed yesterday's number.
  expect(await kiosk.request('ticket:issue', { requestId: retried, serviceCode: 'A' })).toMatchObject({
    ok: false,
    error: { code: 'REQUEST_EXPIRED' },
  });
  expect(morning.ahead).toBe(0);

  // Yesterday's waiting tickets expired at the day boundary, each with an event, and cannot be called.
  const yesterday = listAllTickets(hub.db).filter((t) => t.officeDay === '2026-11-24');
  expect(yesterday.map((t) => t.status)).toEqual(['expired', 'expired', 'expired']);
  const expiredEvents = hub.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'ticket.expire'`).get() as { n: number };
  expect(expiredEvents.n).toBe(3);
  expect(await staff.request('ticket:callSpecific', { counterId: 1, ticketId: left.ticket.id })).toMatchObject({
    ok: false,
    error: { code: 'TICKET_NOT_TODAY' },
  });
  expect((await staff.ok('ticket:callNext', { counterId: 1 })).number).toBe('A-001');
});

it('finishes a visit still being served at midnight, so the counter starts the day free', async () => {
  const clock = new FakeClock(Date.parse('2026-11-24T16:55:00Z')); // 23:55 WIB
  const hub = await hubAt(clock);
  const kiosk = await client(hub.url, { deviceKey: KIOSK_KEY });
  const staff = await signIn(hub.url, 'hd1', 'sandi-hd1');
  cleanup.push(() => staff.close());
  await staff.ok('counter:open', { counterId: 1 });
  const late = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'B' });
  await staff.ok('ticket:callNext', { counterId: 1 });
  await staff.ok('ticket:start', { counterId: 1, ticketId: late.ticket.id });
  clock.set('2026-11-24T17:05:00Z'); // 00:05 WIB
  const morning = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'B' });
  expect((await staff.ok('ticket:callNext', { counterId: 1 })).number).toBe(morning.ticket.number);
  expect(listAllTickets(hub.db).find((t) => t.id === late.ticket.id)).toMatchObject({ status: 'done' });
  const finished = hub.db
    .prepare(`SELECT type FROM events WHERE ticket_id = ? AND type LIKE 'ticket.%' ORDER BY id DESC LIMIT 1`)
    .get(late.ticket.id);
  expect(finished).toEqual({ type: 'ticket.finish' });
  // Nothing was recorded in its case: the rollover withdrew it with the visit.
  const last = hub.db.prepare(`SELECT type FROM events WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`).get(late.ticket.id);
  expect(last).toEqual({ type: 'case.withdraw' });
});

it('issues no number outside opening hours and says when the office opens', async () => {
  // Saturday 28 November 2026, 10:00 WIB.
  const clock = new FakeClock(Date.parse('2026-11-28T03:00:00Z'));
  const hub = await hubAt(clock);
  const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  cleanup.push(() => admin.close());
  await admin.ok('settings:update', { settings: { openingHours: GOVERNMENT_HOURS } });
  const kiosk = await client(hub.url, { deviceKey: KIOSK_KEY });
  const closed = await kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  expect(closed).toMatchObject({ ok: false, error: { code: 'OFFICE_CLOSED' } });
  if (!closed.ok) expect(closed.error.message).toMatch(/Senin, 30 November 2026.*08[.:]00 WIB/);

  // Friday prayer break: closed at 12:00 WIB, open again at 13:30.
  clock.set('2026-11-27T05:00:00Z');
  const prayer = await kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  if (prayer.ok) throw new Error('issued during the Friday break');
  expect(prayer.error.message).toMatch(/13[.:]30 WIB/);
  clock.set('2026-11-27T06:31:00Z');
  expect((await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).ticket.number).toBe('A-001');
  expect(listAllTickets(hub.db)).toHaveLength(1);
});
