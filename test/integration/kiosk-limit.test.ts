// A kiosk's tickets per minute (the admin's setting) are counted over a sliding minute: past the limit a
// visitor is asked to wait, told for how long, and nothing is issued; as the earliest tickets leave the
// minute, the kiosk issues again. Tickets issued in one commit count each other.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { KioskPatch } from '../../shared/protocol/events';
import { connect, requestId, type TestClient } from '../helpers/clients';
import { FakeClock, KIOSK_KEY, startTestHub, testSeed, type TestHub } from '../helpers/hub';

let hub: TestHub;
let kiosk: TestClient;
const clock = new FakeClock(Date.parse('2026-11-24T01:00:00.000Z'));

beforeAll(async () => {
  hub = await startTestHub({ clock, seed: testSeed(3, { settings: { kioskRateLimitPerMinute: 3 } }) });
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
});
afterAll(async () => {
  kiosk?.close();
  await hub?.dispose();
});

const issue = () => kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' });

it('refuses the fourth ticket within a minute with the wait, and issues again as the first ones leave the minute', async () => {
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  clock.advance(20_000);
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  clock.advance(10_000);
  // 30 s after the first ticket: it leaves the minute in 30 s.
  expect(await issue()).toMatchObject({
    ok: false,
    error: { code: 'KIOSK_RATE_LIMITED', message: 'Mohon tunggu sebentar sebelum mengambil nomor lagi.', params: { seconds: '30' } },
  });

  clock.advance(30_000);
  // The refused request took no number.
  expect(await issue()).toMatchObject({ ok: true, data: { ticket: { number: 'A-004' } } });
  // The second and third (taken at 20 s) are still within the minute: the next waits until they leave it.
  expect(await issue()).toMatchObject({ ok: false, error: { code: 'KIOSK_RATE_LIMITED', params: { seconds: '20' } } });
  clock.advance(20_000);
  expect(await issue()).toMatchObject({ ok: true, data: { ticket: { number: 'A-005' } } });
});

it('counts each ticket of one commit against the next: a burst sent at once issues the limit and no more', async () => {
  clock.advance(60_000); // every earlier ticket has left the minute
  const seen = kiosk.patches.length;
  const replies = await Promise.all(Array.from({ length: 5 }, () => kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'B' })));
  expect(replies.map((r) => (r.ok ? r.data.ticket.number : r.error.code))).toEqual([
    'B-001',
    'B-002',
    'B-003',
    'KIOSK_RATE_LIMITED',
    'KIOSK_RATE_LIMITED',
  ]);
  // They were one commit: the kiosk's one patch after them holds all three, with no patch of one or two before.
  await kiosk.waitForPatch((p) => (p as KioskPatch).waiting?.B === 3);
  const after = kiosk.patches.slice(seen).map((p) => (p as KioskPatch).waiting?.B);
  expect(after).toEqual([3]);
});
