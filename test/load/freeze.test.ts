// The hub's process frozen (SIGSTOP) for 20 seconds, five times, with 40 devices connected as the apps
// connect: ten kiosks and ten displays from ten machines, and ten kiosks and ten displays from one address,
// exactly its connection cap (DEFAULT_LIMITS.maxConnectionsPerAddress), where a reconnection is refused
// while the hub still counts the socket it replaces. After each freeze every device must be back with a
// fresh snapshot and no ticket lost or given twice, including those a kiosk asked for during the freeze.
//
// A 20-second freeze is exactly Engine.IO's margin: a client gives up on a socket 45 s (pingInterval 25 s +
// pingTimeout 20 s) after the hub's last ping, so a freeze that begins just as the next ping is due ends at
// the clients' deadline, and whether they drop depends on how soon the thawed hub pings. Two freezes begin
// there (all devices connected together, so they share that moment); the others begin whenever they come.
// Devices that drop close their sockets while the hub is frozen, and the thawed hub reads those closes as it
// reads the new handshakes: the cap may refuse a returning device once, and it is back at its next try.
import { io } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Issuer, type SendIssue } from '../../kiosk/src/issuer';
import type { IssuedTicket } from '../../shared/domain/types';
import type { Reply } from '../../shared/protocol/errors';
import type { Snapshot, StaffSnapshot } from '../../shared/protocol/events';
import { RECONNECTION } from '../../shared/ui/hubClient';
import { DEFAULT_LIMITS } from '../../hub/config';
import { requestId, signIn, type ClientSocket } from '../helpers/clients';
import { testSeed } from '../helpers/hub';
import { loadHub, type LoadHub } from '../helpers/load';

const FREEZE_MS = 20_000;
const FREEZES = 5;
/** Freezes that begin just as the hub's next ping is due. */
const AT_THE_DEADLINE = new Set([0, 3]);
/** How long every device has after a thaw to be back, answered and current. */
const BACK_WITHIN_MS = 15_000;
const PING_INTERVAL_MS = 25_000;
const PER_GROUP = 10;

const key = (kind: string, n: number) => `${kind}-key-freeze-${String(n).padStart(2, '0')}`;
const devices = (['kiosk', 'display'] as const).flatMap((kind) =>
  Array.from({ length: 2 * PER_GROUP }, (_, n) => ({ name: `${kind} ${n}`, kind, key: key(kind, n) })),
);

interface Device {
  name: string;
  socket: ClientSocket;
  /** The socket's last ping from the hub (or its opening), for timing a freeze. */
  lastPing: number;
  /** Connections made, the first included. */
  connects: number;
}

interface Kiosk extends Device {
  issuer: Issuer;
}

/** A device as the apps connect (their reconnection delays, back after the hub drops it), from `address`. */
function device(url: string, name: string, deviceKey: string, address: string): Device {
  const socket: ClientSocket = io(url, { auth: { deviceKey }, transports: ['websocket'], forceNew: true, ...RECONNECTION, localAddress: address } as never);
  const d: Device = { name: `${name} @${address}`, socket, lastPing: Date.now(), connects: 0 };
  socket.on('connect', () => (d.connects += 1));
  socket.on('disconnect', (reason) => reason === 'io server disconnect' && socket.connect());
  socket.io.on('open', () => {
    d.lastPing = Date.now();
    socket.io.engine.on('ping', () => (d.lastPing = Date.now()));
  });
  return d;
}

/** A kiosk's taking of numbers, through the kiosk app's own Issuer (resends with the same request id). */
function kiosk(url: string, n: number, address: string): Kiosk {
  const d = device(url, `kiosk ${n}`, key('kiosk', n), address);
  // As the kiosk app's hub client answers: no socket is unreachable, no ack in 8 s a timeout.
  const send: SendIssue = (request) => {
    if (!d.socket.connected) return Promise.resolve(failed('HUB_UNREACHABLE'));
    return (d.socket.timeout(8_000) as unknown as { emitWithAck: (...a: unknown[]) => Promise<Reply<IssuedTicket>> })
      .emitWithAck('ticket:issue', request)
      .catch(() => failed('REQUEST_TIMEOUT'));
  };
  return Object.assign(d, { issuer: new Issuer(send, requestId) });
}

const failed = (code: 'HUB_UNREACHABLE' | 'REQUEST_TIMEOUT'): Reply<IssuedTicket> => ({ ok: false, error: { code, message: code, params: {} } });

async function until<T>(what: string, ms: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await attempt();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A snapshot the device asked for now: proof it is connected, answered and current. */
const freshSnapshot = (d: Device, ms: number) =>
  until(`${d.name} back with a fresh snapshot`, ms, async () => {
    if (!d.socket.connected) return undefined;
    const ask = d.socket.timeout(3_000) as unknown as { emitWithAck: (...a: unknown[]) => Promise<Reply<Snapshot>> };
    const reply = await ask.emitWithAck('sync:snapshot', {}).catch(() => undefined);
    return reply?.ok ? reply.data : undefined;
  });

const waitingTotal = (s: Snapshot) => ('waiting' in s ? Object.values(s.waiting).reduce((a, b) => a + b, 0) : NaN);

let hub: LoadHub;
/** The devices' sockets, which reconnect by themselves: closed before the hub stops. */
const sockets: ClientSocket[] = [];
// Default limits: the cap is part of what is under test.
beforeAll(async () => {
  hub = await loadHub({ seed: testSeed(3, { devices }) });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.stop();
});

it(
  'brings every kiosk and display back after five 20-second freezes, ten machines and one address at its cap, with no ticket lost or given twice',
  { timeout: 240_000 },
  async () => {
    expect(2 * PER_GROUP).toBe(DEFAULT_LIMITS.maxConnectionsPerAddress);
    // Group "machines": kiosk n and display n on 127.0.0.(2+n). Group "one address": all on 127.0.0.1.
    const kiosks: Kiosk[] = [];
    const all: Device[] = [];
    for (let n = 0; n < 2 * PER_GROUP; n++) {
      const address = n < PER_GROUP ? `127.0.0.${2 + n}` : '127.0.0.1';
      const k = kiosk(hub.url, n, address);
      kiosks.push(k);
      all.push(k, device(hub.url, `display ${n}`, key('display', n), address));
    }
    sockets.push(...all.map((d) => d.socket));
    for (const d of all) await freshSnapshot(d, 10_000);

    /** Every ticket a kiosk was given, by id: the number it showed. */
    const given = new Map<number, string>();
    const take = async (k: Kiosk, serviceCode: string): Promise<Reply<IssuedTicket>> => {
      const reply = (await k.issuer.take(serviceCode, false)) as Reply<IssuedTicket>;
      if (reply.ok) given.set(reply.data.ticket.id, reply.data.ticket.number);
      return reply;
    };
    const service = (n: number) => (n % 2 ? 'B' : 'A');
    /**
     * A tap while the kiosk is away is tapped again once it is back, as the kiosk asks its visitor to: right
     * after a thaw the hub may still drop a socket whose heartbeat it missed while frozen (its timers run
     * before it reads the late pongs), so a kiosk can be reconnecting though its last answer came through.
     */
    const tap = async (k: Kiosk, serviceCode: string): Promise<Reply<IssuedTicket>> => {
      const reply = await take(k, serviceCode);
      if (reply.ok || reply.error.code !== 'HUB_UNREACHABLE') return reply;
      await until(`${k.name} connected again`, BACK_WITHIN_MS, async () => (k.socket.connected ? true : undefined));
      return take(k, serviceCode);
    };

    const pid = hub.child.pid as number;
    for (let freeze = 0; freeze < FREEZES; freeze++) {
      const before = await Promise.all(kiosks.map((k, n) => tap(k, service(n))));
      expect(before.filter((r) => !r.ok), `freeze ${freeze}: tickets before`).toEqual([]);

      if (AT_THE_DEADLINE.has(freeze)) {
        const due = Math.min(...all.map((d) => d.lastPing)) + PING_INTERVAL_MS - 50;
        await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      }
      const connectsBefore = all.reduce((sum, d) => sum + d.connects, 0);
      process.kill(pid, 'SIGSTOP');
      // Each kiosk's visitor taps during the freeze: the request waits in the hub's socket.
      const during = kiosks.map((k, n) => take(k, service(n + 1)));
      await new Promise((r) => setTimeout(r, FREEZE_MS));
      process.kill(pid, 'SIGCONT');

      // A tap that got no answer is tapped again, as the kiosk asks its visitor to: the same request id.
      const settled = await Promise.all(
        during.map(async (first, n) => {
          const reply = await first;
          if (reply.ok) return reply;
          const k = kiosks[n] as Kiosk;
          await until(`${k.name} connected again`, BACK_WITHIN_MS, async () => (k.socket.connected ? true : undefined));
          return tap(k, service(n + 1));
        }),
      );
      expect(settled.filter((r) => !r.ok), `freeze ${freeze}: tickets asked for during it`).toEqual([]);
      const after = await Promise.all(kiosks.map((k, n) => tap(k, service(n))));
      expect(after.filter((r) => !r.ok), `freeze ${freeze}: tickets after`).toEqual([]);

      // Every device answers with a snapshot counting every ticket given so far, none more.
      const snapshots = await Promise.all(all.map((d) => freshSnapshot(d, BACK_WITHIN_MS).then((s) => [d.name, waitingTotal(s)] as const)));
      const reconnected = all.reduce((sum, d) => sum + d.connects, 0) - connectsBefore;
      expect(
        snapshots.filter(([, waiting]) => waiting !== given.size),
        `freeze ${freeze} (${reconnected} reconnections): devices whose snapshot misses tickets, of ${given.size}`,
      ).toEqual([]);
    }

    expect(given.size).toBe(FREEZES * 3 * kiosks.length);
    const officer = await signIn(hub.url, 'hd1', 'sandi-hd1', '127.0.0.12');
    hub.clients.push(officer);
    const { tickets } = officer.snapshots[0] as StaffSnapshot;
    // Nothing lost: every ticket a kiosk showed is stored, with its number. Nothing twice: no more tickets
    // than were given, and no number given to two tickets.
    expect(new Map(tickets.map((t) => [t.id, t.number]))).toEqual(given);
    expect(new Set(tickets.map((t) => t.number)).size).toBe(tickets.length);
  },
);
