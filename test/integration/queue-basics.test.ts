// The counter's everyday actions through real sockets against a real hub.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let kiosk: TestClient;
let hd1: TestClient;
let hd2: TestClient;
const open: TestClient[] = [];

beforeEach(async () => {
  hub = await startTestHub();
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
  hd2 = await signIn(hub.url, 'hd2', 'sandi-hd2');
  open.push(kiosk, hd1, hd2);
  await hd1.ok('counter:open', { counterId: 1 });
  await hd2.ok('counter:open', { counterId: 2 });
});

afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await hub.dispose();
});

const issue = (serviceCode: string, priority?: boolean) =>
  kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode, ...(priority === undefined ? {} : { priority }) });

describe('queue at the counter', () => {
  it('numbers per service per day and calls first come, first served', async () => {
    const a1 = await issue('A');
    const b1 = await issue('B');
    const a2 = await issue('A');
    expect([a1.ticket.number, b1.ticket.number, a2.ticket.number]).toEqual(['A-001', 'B-001', 'A-002']);
    expect(a2.ahead).toBe(1);
    expect((await hd1.ok('ticket:callNext', { counterId: 1 })).number).toBe('A-001');
    expect((await hd2.ok('ticket:callNext', { counterId: 2 })).number).toBe('B-001');
  });

  it('refuses a second call while the counter has a called ticket, and calling from a paused counter', async () => {
    await issue('A');
    await issue('A');
    const first = await hd1.ok('ticket:callNext', { counterId: 1 });
    const again = await hd1.request('ticket:callNext', { counterId: 1 });
    expect(again).toMatchObject({ ok: false, error: { code: 'COUNTER_BUSY' } });
    if (!again.ok) expect(again.error.message).toContain(first.number);
    await hd1.ok('ticket:noShow', { counterId: 1, ticketId: first.id });
    await hd1.ok('counter:pause', { counterId: 1, reason: 'sholat' });
    expect(await hd1.request('ticket:callNext', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'COUNTER_PAUSED' } });
    const resumed = await hd1.ok('counter:resume', { counterId: 1 });
    expect(resumed.state).toBe('open');
    expect((await hd1.ok('ticket:callNext', { counterId: 1 })).number).toBe('A-002');
  });

  it('puts priority tickets first when the option is on', async () => {
    const admin = await signIn(hub.url, 'admin', 'admin-rahasia');
    open.push(admin);
    expect(await kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'A', priority: true })).toMatchObject({
      ok: false,
      error: { code: 'PRIORITY_DISABLED' },
    });
    await admin.ok('settings:update', { settings: { priorityEnabled: true } });
    await issue('A');
    const prio = await issue('A', true);
    expect(prio.ahead).toBe(0);
    expect((await hd1.ok('ticket:callNext', { counterId: 1 })).number).toBe(prio.ticket.number);
  });

  it('recalls (counted), marks a no-show, requeues it behind those waiting', async () => {
    const t1 = await issue('A');
    await issue('A');
    await hd1.ok('ticket:callNext', { counterId: 1 });
    const recalled = await hd1.ok('ticket:recall', { counterId: 1, ticketId: t1.ticket.id });
    expect(recalled.recallCount).toBe(1);
    expect((await hd1.ok('ticket:recall', { counterId: 1, ticketId: t1.ticket.id })).recallCount).toBe(2);
    expect((await hd1.ok('ticket:noShow', { counterId: 1, ticketId: t1.ticket.id })).status).toBe('no_show');
    await issue('A');
    expect((await hd2.ok('ticket:requeue', { ticketId: t1.ticket.id })).status).toBe('waiting');
    const order = [];
    for (let i = 0; i < 3; i++) {
      const t = await hd1.ok('ticket:callNext', { counterId: 1 });
      order.push(t.number);
      await hd1.ok('ticket:noShow', { counterId: 1, ticketId: t.id });
    }
    expect(order).toEqual(['A-002', 'A-003', 'A-001']);
  });

  it('transfers to another service keeping the number and its place, or to a named counter', async () => {
    const a1 = await issue('A');
    await issue('B');
    await hd1.ok('ticket:callNext', { counterId: 1 });
    await hd1.ok('ticket:start', { counterId: 1, ticketId: a1.ticket.id });
    const moved = await hd1.ok('ticket:transfer', { counterId: 1, ticketId: a1.ticket.id, serviceCode: 'B' });
    expect(moved).toMatchObject({ number: 'A-001', serviceCode: 'B', status: 'waiting' });
    // Issued before B-001, so it keeps its place ahead of it.
    const next = await hd2.ok('ticket:callNext', { counterId: 2 });
    expect(next.number).toBe('A-001');
    const sent = await hd2.ok('ticket:transfer', { counterId: 2, ticketId: next.id, toCounterId: 3 });
    expect(sent.targetCounterId).toBe(3);
    // Counter 1 serves B too, but the ticket was sent to Loket 3 by name.
    expect((await hd1.ok('ticket:callNext', { counterId: 1 })).number).toBe('B-001');
    const hd3 = await signIn(hub.url, 'hd3', 'sandi-hd3');
    open.push(hd3);
    await hd3.ok('counter:open', { counterId: 3 });
    expect((await hd3.ok('ticket:callNext', { counterId: 3 })).number).toBe('A-001');
  });

  it('lets only the counter holding a called ticket cancel it; anyone may cancel a waiting one', async () => {
    const called = await issue('A');
    const waiting = await issue('A');
    await hd1.ok('ticket:callNext', { counterId: 1 });
    expect(await hd2.request('ticket:cancel', { ticketId: called.ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'TICKET_NOT_AT_COUNTER' },
    });
    expect((await hd2.ok('ticket:cancel', { ticketId: waiting.ticket.id })).status).toBe('cancelled');
    expect((await hd1.ok('ticket:cancel', { ticketId: called.ticket.id })).status).toBe('cancelled');
    expect(await hd1.request('ticket:callNext', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } });
  });

  it('calls a specific waiting ticket out of order', async () => {
    await issue('A');
    const a2 = await issue('A');
    expect((await hd1.ok('ticket:callSpecific', { counterId: 1, ticketId: a2.ticket.id })).number).toBe('A-002');
    expect(await hd2.request('ticket:callSpecific', { counterId: 2, ticketId: a2.ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: 'Nomor A-002 sedang dipanggil, jadi tidak bisa dipanggil.' },
    });
  });

  it('keeps one officer per counter', async () => {
    expect(await hd2.request('counter:open', { counterId: 3 })).toMatchObject({ ok: false, error: { code: 'ALREADY_HOLDING_COUNTER' } });
    const hd3 = await signIn(hub.url, 'hd3', 'sandi-hd3');
    open.push(hd3);
    const taken = await hd3.request('counter:open', { counterId: 1 });
    expect(taken).toMatchObject({ ok: false, error: { code: 'COUNTER_TAKEN' } });
    if (!taken.ok) expect(taken.error.message).toContain('Petugas 1');
    expect(await hd3.request('ticket:callNext', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'COUNTER_NOT_YOURS' } });
  });
});
