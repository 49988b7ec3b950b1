// One noisy socket must not slow anyone else: a display socket and a signed-in staff socket flood the hub
// (its own process, default budgets) with snapshot requests and unknown events for ten seconds, while a
// kiosk takes a ticket every 100 ms throughout and a counter calls the next visitor as the flood begins.
// Then one address opens 1,000 connections.
import { io } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StaffSnapshot } from '../../shared/protocol/events';
import { connect, requestId, signIn } from '../helpers/clients';
import { DEFAULT_LIMITS } from '../../hub/config';
import { KIOSK_KEY } from '../helpers/hub';
import { flood, kioskAtPace, loadHub, p99, watchRss, type LoadHub } from '../helpers/load';

const TICKETS_BEFORE = 1_000;
const FLOOD_MS = 10_000;
let hub: LoadHub;

// The hub under test runs with the default budgets.
beforeAll(async () => {
  hub = await loadHub({ ticketsBefore: TICKETS_BEFORE });
}, 120_000);

afterAll(() => hub?.stop());

it('keeps a kiosk and a counter quick while two sockets flood it, and cuts the flooders off', { timeout: 120_000 }, async () => {
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const officer = await signIn(hub.url, 'hd1', 'sandi-hd1');
  hub.clients.push(kiosk, officer);
  expect((officer.snapshots[0] as StaffSnapshot).tickets.length).toBeGreaterThanOrEqual(TICKETS_BEFORE);
  await officer.ok('counter:open', { counterId: 1 });
  const guest = await connect(hub.url);
  const { token } = await guest.ok('auth:login', { username: 'hd2', password: 'sandi-hd2' });
  guest.close();

  const quiet = await kioskAtPace(kiosk, 5_000);
  expect(quiet.errors).toEqual([]);
  const bound = Math.max(250, 3 * p99(quiet.latencies));

  const pid = hub.child.pid as number;
  const memory = watchRss(pid);
  // Each noisy client is its own machine on the LAN.
  const plan = { mode: 'flood', url: hub.url, ms: FLOOD_MS, maxEvents: 60_000 } as const;
  const displayFlooder = flood({ ...plan, localAddress: '127.0.0.3' });
  const staffFlooder = flood({ ...plan, localAddress: '127.0.0.4', token });
  const floods = Promise.all([displayFlooder.done, staffFlooder.done]);
  // The counter calls the moment the first flooder is at work, and the kiosk takes tickets from before the
  // flood begins until both flooders have given up.
  const midCall = Promise.race([displayFlooder.going, staffFlooder.going]).then(async () => {
    const at = Date.now();
    const reply = await officer.request('ticket:callNext', { counterId: 1 });
    return { at, ms: Date.now() - at, reply };
  });
  const busy = await kioskAtPace(kiosk, floods);
  const [display, staff] = await floods;
  const call = await midCall;
  const peakMb = memory.stop();

  expect(busy.errors).toEqual([]);
  expect(p99(busy.latencies), `p99 under flood vs bound ${bound.toFixed(0)} ms`).toBeLessThanOrEqual(bound);
  expect(call.reply).toMatchObject({ ok: true });
  expect(call.ms, `the call under flood vs bound ${bound.toFixed(0)} ms`).toBeLessThanOrEqual(bound);
  // The call went out while a flooder was still sending: after it was at work, before the hub cut it off.
  const sending = [display, staff].filter((f) => f.startedAt !== null && f.startedAt <= call.at && call.at <= (f.cutOffAt[0] ?? Infinity));
  expect(sending, 'no flooder was sending when the counter called').not.toEqual([]);
  expect(peakMb).toBeLessThan(400);
  // Each flooder went past its budget, was refused with a code, was cut off, and found the door shut
  // when it tried to come straight back.
  for (const flooder of [display, staff]) {
    expect(flooder.sent).toBeGreaterThan(DEFAULT_LIMITS.refusalsBeforeDisconnect);
    expect(flooder.refusals.RATE_LIMITED ?? 0).toBeGreaterThan(0);
    expect(flooder.cutOffAt.length).toBeGreaterThan(0);
    expect(flooder.connections).toBeGreaterThan(flooder.cutOffAt.length);
  }
});

it('caps the connections one address may hold, while others still connect', { timeout: 60_000 }, async () => {
  const CAP = DEFAULT_LIMITS.maxConnectionsPerAddress;
  const sockets = Array.from({ length: 1_000 }, () =>
    io(hub.url, { transports: ['websocket'], reconnection: false, forceNew: true, localAddress: '127.0.0.9' } as never),
  );
  const outcomes = await Promise.all(
    sockets.map(
      (s) =>
        new Promise<'open' | 'refused'>((resolve) => {
          s.once('connect', () => resolve('open'));
          s.once('connect_error', () => resolve('refused'));
        }),
    ),
  );
  const open = outcomes.filter((o) => o === 'open').length;
  expect(open).toBeLessThanOrEqual(CAP);
  expect(open).toBeGreaterThan(0);
  // Another machine is not held back by that one.
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY }, '127.0.0.10');
  hub.clients.push(kiosk);
  expect(await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'B' })).toMatchObject({ ticket: { serviceCode: 'B' } });
  for (const s of sockets) s.close();
});
