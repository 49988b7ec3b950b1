// The one place that wires the hub together: HTTP, Socket.IO, sessions, handlers and broadcasts.
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import type { RateLimiterRes } from 'rate-limiter-flexible';
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import { Server, type Socket } from 'socket.io';
import { officeDay } from '../shared/domain/officeTime';
import { DomainError, errorMessage, type ErrorCode, type Lang, type Reply } from '../shared/protocol/errors';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../shared/protocol/events';
import {
  bridgePrintResultSchema,
  clientEventSchemas,
  describeIssues,
  isClientEvent,
  safeParseIn,
  type ClientEventName,
} from '../shared/protocol/schemas';
import { Audiences, mergeChanges } from './audiences/index';
import type { HubLimits } from './config';
import type { BridgeRelay, Change, Handler, HandlerContext, HandlerResult, HubDeps, Session, Step, Who } from './context';
import type { Device } from './db/devices';
import type { SessionUser } from './db/users';
import type { Db } from './db/index';
import { compact, deviceStillAdmitted, findDeviceByKey, findSessionUser, findTicketIdByVisitorCode, getDevice, getTicket, recountQueueLengths, touchDevice } from './db/index';
import { expireEarlierDays } from './dayRollover';
import { blankExpiredPersonalData } from './retention';
import { lanUrl } from './visitor';
import { HANDLERS, READ_ONLY, WHILE_PASSWORD_TEMPORARY } from './handlers/registry';
import { handleHttp } from './http';
import { hashToken } from './passwords';
import { RateLimiter } from './rateLimit';
import { RecentReplies } from './recentReplies';
import { ReportRunner } from './reports/runner';
import { storageFault, writeRefused } from './storage';

/** Larger payloads are refused with a code; far larger ones are dropped by Socket.IO itself. */
const MAX_PAYLOAD_BYTES = 16 * 1024;
/** A relayed reprint gives the kiosk's bridge this long: its own printer may take ~10 s to give up. */
const BRIDGE_PRINT_TIMEOUT_MS = 20_000;

interface SocketData {
  session: Session;
  lang: Lang;
  /** The kiosk's device id when its page runs in the Electron shell with a printer bridge (handshake `bridge: true`). */
  bridge: number | null;
  /** Snapshot requests waiting for this socket's last snapshot to leave. */
  snapshotQueue?: Ack[];
  /** The hash of the key a device was admitted with: a device given a new key since is no longer let in. */
  deviceKeyHash: string | null;
}

type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Ack = (reply: Reply<unknown>) => void;

export interface Hub {
  http: HttpServer;
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
  /** Applies a change made outside a client event (day rollover, printer faults) and broadcasts it. */
  broadcast(change: Change): void;
}

export interface HubOptions {
  /** Folder holding the built apps (`kiosk/`, `counter/`, `display/`). */
  appsDir: string;
  limits: HubLimits;
  /** Browser origins accepted besides the hub's own addresses. */
  allowedOrigins: readonly string[];
  /** How often the office day is checked besides before every request (DEFAULT_TIMERS in config.ts). */
  rolloverCheckMs: number;
}

/** A device's session as its kind makes it: a survey tablet is its own audience, everything else watches as a display. */
function deviceSession(device: Device): Session {
  if (device.kind === 'kiosk') return { kind: 'kiosk', device };
  if (device.kind === 'survey') return { kind: 'survey', device };
  return { kind: 'display', device };
}

/** Who a session is, for a handler's `who`; null for a keyless display, which may only read. */
function whoOf(session: Session): Who | null {
  if (session.kind === 'display') return null;
  return session.kind === 'staff' ? session.user.role : session.kind;
}

function failure(code: ErrorCode, lang: Lang, params: Record<string, string> = {}): Reply<never> {
  return { ok: false, error: { code, message: errorMessage(code, lang, params), params } };
}

/** The origins a browser uses to reach this hub itself: every local address and name, on its port. */
function ownOrigins(port: number): Set<string> {
  const hosts = ['localhost', hostname()];
  for (const nets of Object.values(networkInterfaces())) {
    for (const net of nets ?? []) hosts.push(net.family === 'IPv6' ? `[${net.address}]` : net.address);
  }
  const origins = new Set<string>();
  for (const host of hosts) {
    try {
      origins.add(new URL(`http://${host}:${port}`).origin);
    } catch {
      // A scoped IPv6 address (fe80::1%eth0) is no browser origin.
    }
  }
  return origins;
}

/** Whole seconds until a limiter lets the key through again. */
const secondsLeft = (res: RateLimiterRes) => String(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));

export function createHub(deps: HubDeps, options: HubOptions): Hub {
  const audiences = new Audiences(deps, { bridgeKiosks: () => bridgeKiosks(), deviceOnline: (id) => deviceOnline(id) });
  const limits = { login: new RateLimiter(60_000), kiosk: new RateLimiter(60_000) };
  const replies = new RecentReplies();
  /** Connected sockets per device, for "online" in the admin section. */
  const deviceSockets = new Map<number, number>();
  const deviceOnline = (id: number) => (deviceSockets.get(id) ?? 0) > 0;
  // Reading the network interfaces costs a good part of issuing a ticket: the address is looked up at most
  // once a minute.
  let lan: { at: number; url: string | null } | null = null;
  const lanAddress = (): string | null => {
    const now = Date.now();
    if (!lan || now - lan.at > 60_000) lan = { at: now, url: lanUrl(http.address()) };
    return lan.url;
  };
  const reports = new ReportRunner(deps.db.name, deps.log);
  const http = createServer((req, res) => handleHttp(req, res, { appsDir: options.appsDir, deps, reports }));
  const { budgets, maxConnectionsPerAddress, refusalsBeforeDisconnect, deviceKeyGuessesPerMinute } = options.limits;
  const connections = new Map<string, number>();
  const extraOrigins = new Set(options.allowedOrigins);
  // No Origin: a Node client or the Electron main process. With one, a browser page: only the hub's own
  // pages (or a configured proxy's) may open a socket, so no other site a staff browser visits can.
  const originAllowed = (origin: string | undefined): boolean => {
    if (origin === undefined) return true;
    if (extraOrigins.has(origin)) return true;
    const port = (http.address() as AddressInfo | null)?.port;
    return port !== undefined && ownOrigins(port).has(origin);
  };
  // Per socket, events a second by audience, counted over a few seconds: events are counted as the hub
  // reads them, and a well-behaved kiosk's requests that queued up during a pause of the hub's own (a
  // backup, a garbage collection) arrive together. Then refusals, past which a socket is cut off.
  const BUDGET_WINDOW_S = 5;
  const budgetOf = (perSecond: number) => new RateLimiterMemory({ points: perSecond * BUDGET_WINDOW_S, duration: BUDGET_WINDOW_S });
  const budget = {
    staff: budgetOf(budgets.staff),
    kiosk: budgetOf(budgets.kiosk),
    display: budgetOf(budgets.display),
    visitor: budgetOf(budgets.visitor),
    survey: budgetOf(budgets.survey),
  };
  const REFUSAL_WINDOW_S = 10;
  const refusals = new RateLimiterMemory({ points: refusalsBeforeDisconnect, duration: REFUSAL_WINDOW_S });
  const coolingDown = new RateLimiterMemory({ points: 1, duration: REFUSAL_WINDOW_S });
  const cutOff = (socket: HubSocket) => {
    socket.disconnect(true);
    void coolingDown.block(socket.handshake.address, REFUSAL_WINDOW_S);
  };
  const keyGuesses = new RateLimiterMemory({ points: deviceKeyGuessesPerMinute, duration: 60 });
  const { visitorCodeGuessesPerMinute } = options.limits;
  const codeGuesses = new RateLimiterMemory({ points: visitorCodeGuessesPerMinute, duration: 60 });
  const io: Hub['io'] = new Server(http, {
    maxHttpBufferSize: 1e6,
    serveClient: false,
    allowRequest(req: IncomingMessage, answer) {
      if (!originAllowed(req.headers.origin)) return answer('origin not allowed', false);
      const address = req.socket.remoteAddress ?? '';
      if ((connections.get(address) ?? 0) >= maxConnectionsPerAddress) return answer('too many connections from this address', false);
      // An address whose socket was just cut off waits before it may connect again: reconnecting at
      // once would cost the hub a handshake and a snapshot each time.
      coolingDown.get(address).then(
        (res) => (res && res.consumedPoints > 1 ? answer('cut off for flooding: wait', false) : answer(null, true)),
        () => answer(null, true),
      );
    },
  });
  io.engine.on('connection', (raw: { remoteAddress: string; once(event: 'close', fn: () => void): void }) => {
    const address = raw.remoteAddress;
    connections.set(address, (connections.get(address) ?? 0) + 1);
    raw.once('close', () => {
      const left = (connections.get(address) ?? 1) - 1;
      if (left > 0) connections.set(address, left);
      else connections.delete(address);
    });
  });

  function broadcast(change: Change): void {
    for (const { room, patch } of audiences.patches(change)) io.to(room).emit('patch', patch);
    const { sockets, adapter } = io.of('/');
    for (const room of audiences.resyncRooms(change)) {
      for (const id of adapter.rooms.get(room) ?? []) {
        const socket = sockets.get(id);
        if (socket) socket.emit('snapshot', audiences.snapshot(socket.data.session));
      }
    }
    const admin = audiences.adminPatch(change);
    if (admin) io.to(admin.room).emit('admin', admin.view);
  }

  function enter(socket: HubSocket, session: Session): void {
    for (const room of [...socket.rooms]) if (room !== socket.id) socket.leave(room);
    socket.data.session = session;
    socket.join(audiences.join(session));
    socket.emit('snapshot', audiences.snapshot(session));
    const admin = audiences.adminSnapshot(session);
    if (admin) socket.emit('admin', admin);
  }

  function socketsOf(match: (session: Session) => boolean): HubSocket[] {
    return [...io.of('/').sockets.values()].filter((s) => s.data.session && match(s.data.session));
  }

  const bridgeSockets = (): HubSocket[] => [...io.of('/').sockets.values()].filter((s) => s.data.bridge !== null);
  /** Kiosks with a bridge connected, leaving out one socket (one that is just arriving). */
  const bridgeKiosks = (except?: HubSocket) =>
    new Set(bridgeSockets().flatMap((s) => (s === except || s.data.bridge === null ? [] : [s.data.bridge])));
  const sameSet = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((id) => b.has(id));

  /** Relays a print to a connected kiosk page's bridge; a page that never answers is a timeout. */
  function bridgeOf(deviceId: number): BridgeRelay | undefined {
    const socket = bridgeSockets().find((s) => s.data.bridge === deviceId);
    if (!socket) return undefined;
    return (ticket) =>
      socket
        .timeout(BRIDGE_PRINT_TIMEOUT_MS)
        .emitWithAck('print:bridge', ticket)
        .then(
          (answer: unknown) => {
            const parsed = bridgePrintResultSchema.safeParse(answer);
            if (parsed.success) return parsed.data;
            return { ok: false as const, code: 'PRINTER_UNREACHABLE' as const, message: 'The kiosk answered the print with something unreadable.' };
          },
          () => ({
            ok: false as const,
            code: 'PRINTER_TIMEOUT' as const,
            message: `The kiosk's printer bridge did not answer within ${BRIDGE_PRINT_TIMEOUT_MS / 1000} s.`,
          }),
        );
  }

  /** A device socket comes or goes: its last-seen time, and admins see it online or offline. */
  /** Staff learn which kiosks can reprint when the first bridge of a kiosk comes or its last one goes. */
  function bridgesChanged(before: Set<number>): void {
    if (!sameSet(before, bridgeKiosks())) broadcast({ printingKiosks: true });
  }

  function deviceSeen(session: Session, delta: 1 | -1): void {
    const device = session.kind === 'staff' || session.kind === 'visitor' ? null : session.device;
    if (!device) return;
    deviceSockets.set(device.id, Math.max(0, (deviceSockets.get(device.id) ?? 0) + delta));
    deps.storage.write("a device's presence", (db) => touchDevice(db, device.id, deps.clock().toISOString()));
    broadcast({ admin: true });
  }

  io.use(async (socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
    const lang: Lang = auth.lang === 'en' ? 'en' : 'id';
    const refuse = (code: ErrorCode) => {
      const err = new Error(errorMessage(code, lang)) as Error & { data: { code: ErrorCode } };
      err.data = { code };
      next(err);
    };
    let session: Session = { kind: 'display', device: null };
    if (typeof auth.token === 'string' && auth.token) {
      const tokenHash = hashToken(auth.token);
      const found = findSessionUser(deps.db, tokenHash, deps.clock().toISOString());
      if (!found) return refuse('SESSION_EXPIRED');
      session = { kind: 'staff', tokenHash, ...found };
    } else if (typeof auth.visitorCode === 'string' && auth.visitorCode) {
      // Wrong codes are counted per address like device keys: past the limit, no code at all for a while.
      const address = socket.handshake.address;
      const guessed = await codeGuesses.get(address);
      if (guessed && guessed.consumedPoints >= visitorCodeGuessesPerMinute) return refuse('VISITOR_CODE_RATE_LIMITED');
      const ticketId = auth.visitorCode.length <= 64 ? findTicketIdByVisitorCode(deps.db, auth.visitorCode) : undefined;
      if (ticketId === undefined) {
        await codeGuesses.penalty(address);
        return refuse('VISITOR_CODE_UNKNOWN');
      }
      // The page works until the end of its office day (a real code from yesterday is no guess).
      const ticket = getTicket(deps.db, ticketId);
      const today = officeDay(deps.clock(), deps.timeZone);
      if (!ticket || ticket.officeDay !== today) return refuse('VISITOR_CODE_UNKNOWN');
      session = { kind: 'visitor', ticketId, officeDay: today };
    } else if (typeof auth.deviceKey === 'string' && auth.deviceKey) {
      // Wrong keys are counted per address; past the limit that address may try no key at all for a
      // while, the right one included, so guessing a kiosk's key from the LAN stays hopeless.
      const address = socket.handshake.address;
      const guessed = await keyGuesses.get(address);
      if (guessed && guessed.consumedPoints >= deviceKeyGuessesPerMinute) return refuse('DEVICE_KEY_RATE_LIMITED');
      const device = findDeviceByKey(deps.db, auth.deviceKey);
      if (!device) {
        await keyGuesses.penalty(address);
        return refuse('DEVICE_KEY_INVALID');
      }
      if (!device.active) return refuse('DEVICE_REVOKED');
      session = deviceSession(device);
    }
    socket.data = {
      session,
      lang,
      bridge: session.kind === 'kiosk' && auth.bridge === true ? session.device.id : null,
      deviceKeyHash: session.kind === 'staff' || session.kind === 'visitor' || !session.device ? null : hashToken(auth.deviceKey as string),
    };
    next();
  });

  io.of('/').adapter.on('delete-room', (room: string) => audiences.forget(room));

  io.on('connection', (socket: HubSocket) => {
    enter(socket, socket.data.session);
    deviceSeen(socket.data.session, 1);
    if (socket.data.bridge !== null) bridgesChanged(bridgeKiosks(socket));
    socket.on('disconnect', () => {
      deviceSeen(socket.data.session, -1);
      // The socket is already gone from the namespace: compare with it counted back in.
      const bridge = socket.data.bridge;
      if (bridge !== null) bridgesChanged(new Set([...bridgeKiosks(), bridge]));
    });

    // Past its budget a socket is refused, and cut off if it keeps on; unknown events and oversized
    // payloads are answered here too, before any handler sees them. Every event counts, known or not.
    socket.use(([event, ...args], next) => {
      const ack = args[args.length - 1];
      const reply = typeof ack === 'function' ? (ack as (r: Reply<never>) => void) : undefined;
      budget[socket.data.session.kind].consume(socket.id).then(
        () => screen(event, args, reply, next),
        (res: RateLimiterRes) => {
          reply?.(failure('RATE_LIMITED', socket.data.lang, { seconds: secondsLeft(res) }));
          refusals.consume(socket.id).catch(() => cutOff(socket));
        },
      );
    });
    const screen = (event: string, args: unknown[], reply: ((r: Reply<never>) => void) | undefined, next: () => void) => {
      if (!isClientEvent(event)) return reply?.(failure('UNKNOWN_EVENT', socket.data.lang, { event: String(event).slice(0, 40) }));
      let size: number;
      try {
        size = JSON.stringify(args.slice(0, -1))?.length ?? 0;
      } catch {
        size = Infinity; // Not serialisable: treat as too large.
      }
      if (size > MAX_PAYLOAD_BYTES) return reply?.(failure('PAYLOAD_TOO_LARGE', socket.data.lang));
      next();
    };

    for (const event of Object.keys(HANDLERS) as ClientEventName[]) {
      socket.on(event, (...args: unknown[]) => dispatch(socket, event, args));
    }
  });

  function dispatch(socket: HubSocket, event: ClientEventName, args: unknown[]): void {
    const last = args[args.length - 1];
    if (typeof last !== 'function') return; // Nobody to answer: a request without an ack does nothing.
    const ack = last as Ack;
    const lang = socket.data.lang;
    const handler = HANDLERS[event] as Handler<ClientEventName>;
    const session = socket.data.session;
    // A session signed out elsewhere, or expired, stops working at once, not at the next reconnect.
    if (session.kind === 'staff' && !findSessionUser(deps.db, session.tokenHash, deps.clock().toISOString())) {
      ack(failure('SESSION_EXPIRED', lang));
      return void socket.disconnect(true);
    }
    // The hub, not the screen, keeps a temporary password from doing anything but being replaced.
    if (session.kind === 'staff' && session.passwordChangeRequired && !WHILE_PASSWORD_TEMPORARY.has(event)) {
      return ack(failure('PASSWORD_CHANGE_REQUIRED', lang));
    }
    if (!handler.who.includes('anyone')) {
      const who = whoOf(session);
      if (who === null) return ack(failure('NOT_AUTHENTICATED', lang));
      if (!handler.who.includes(who)) return ack(failure('FORBIDDEN', lang));
    }
    // Validated only once the caller may send this event: a stranger learns nothing of payload shapes.
    const parsed = safeParseIn(clientEventSchemas[event], args.length === 2 ? args[0] : undefined, lang);
    if (!parsed.success) return ack(failure('VALIDATION_FAILED', lang, { detail: describeIssues(parsed.error, lang) }));

    rollover();
    const step: Step<ClientEventName> = (ctx) => handler.run(ctx, parsed.data as never);
    if (event !== 'sync:snapshot') return settle(socket, event, ack, step);
    // One snapshot in flight per socket: a socket asking again before its last snapshot has left waits its
    // turn, so a flood holds one snapshot in memory rather than one per request (and each is built once
    // per change, see Audiences).
    if (socket.data.snapshotQueue) return void socket.data.snapshotQueue.push(ack);
    socket.data.snapshotQueue = [];
    sendSnapshot(socket, ack, step);
  }

  function sendSnapshot(socket: HubSocket, ack: Ack, step: Step<ClientEventName>): void {
    settle(socket, 'sync:snapshot', ack, step);
    afterSent(socket, () => {
      const next = socket.data.snapshotQueue?.shift();
      if (next && socket.connected) return sendSnapshot(socket, next, step);
      socket.data.snapshotQueue = undefined;
    });
  }

  /**
   * Runs `then` once what this socket was given so far has left for the network, on a later turn of the
   * event loop: a send that completes at once calls back within the same turn, and a chain of them would
   * keep every other client waiting.
   */
  function afterSent(socket: HubSocket, then: () => void): void {
    const conn = socket.conn;
    const transport = conn.transport;
    if (transport.writable) return void setImmediate(then);
    const done = () => {
      transport.off('ready', done);
      conn.off('upgrade', done);
      conn.off('close', done);
      setImmediate(then);
    };
    // An upgrade or a close ends the wait too: the old transport will never say it is ready.
    transport.on('ready', done);
    conn.on('upgrade', done);
    conn.on('close', done);
  }


  /** A step waiting for the next commit, with what it was asked as. */
  interface Pending {
    socket: HubSocket;
    event: ClientEventName;
    ack: Ack;
    step: Step<ClientEventName>;
    session: Session;
    deviceKeyHash: string | null;
  }
  /** Changes asked for since the last commit: they are committed together, on the next turn of the loop. */
  let pending: Pending[] = [];

  /**
   * One step in one transaction, then the ack and the broadcast. Changes that arrive together (twenty
   * kiosks at once) share one commit, and so one wait for the disk (`synchronous=FULL`): each runs in its
   * own savepoint, so a refused one changes nothing and the others still commit; every ack and broadcast
   * follows the commit. A read first commits what came before it, so it sees every earlier change. A step
   * that defers network I/O is broadcast at once; its I/O runs outside any transaction, and the step it
   * resolves to is settled the same way and gives the ack.
   */
  function settle(socket: HubSocket, event: ClientEventName, ack: Ack, step: Step<ClientEventName>): void {
    const asked: Pending = { socket, event, ack, step, session: socket.data.session, deviceKeyHash: socket.data.deviceKeyHash };
    if (READ_ONLY.has(event)) {
      commitPending();
      return run([asked], false);
    }
    // On an unwritable disk a change runs with writing switched off (hub/storage.ts): a retry of a request
    // already stored (a ticket whose ack was lost) still gets its first reply; anything that would write is
    // refused, without touching the disk.
    const refusal = deps.storage.refusal();
    if (refusal) {
      commitPending();
      return run([asked], false, refusal);
    }
    pending.push(asked);
    if (pending.length === 1) setImmediate(commitPending);
  }

  function commitPending(): void {
    const batch = pending;
    pending = [];
    if (batch.length) run(batch, true);
  }

  function contextOf({ socket, session }: Pending, effects: Array<() => void>): HandlerContext {
    const now = deps.clock();
    return {
      deps,
      db: deps.db,
      session,
      lang: socket.data.lang,
      address: socket.handshake.address,
      now,
      nowIso: now.toISOString(),
      today: officeDay(now, deps.timeZone),
      limits,
      setSession: (next) => {
        admitted.clear();
        effects.push(() => enter(socket, next));
      },
      endSession: (tokenHash) => {
        admitted.clear();
        effects.push(() => {
          for (const other of socketsOf((s) => s.kind === 'staff' && s.tokenHash === tokenHash)) {
            if (other !== socket) other.disconnect(true);
          }
        });
      },
      endSessions: (tokenHashes) => {
        admitted.clear();
        effects.push(() => {
          const ended = new Set(tokenHashes);
          for (const other of socketsOf((s) => s.kind === 'staff' && ended.has(s.tokenHash))) other.disconnect(true);
        });
      },
      deviceChanged: (deviceId, how) => {
        admitted.clear();
        effects.push(() => {
          const fresh = getDevice(deps.db, deviceId);
          for (const other of socketsOf((s) => s.kind !== 'staff' && s.kind !== 'visitor' && s.device?.id === deviceId)) {
            if (how === 'cut' || !fresh) other.disconnect(true);
            else enter(other, deviceSession(fresh));
          }
        });
      },
      deviceOnline,
      bridgeOf,
      replies,
      afterCommit: (effect) => effects.push(effect),
      snapshot: () => audiences.snapshot(session),
      // Read when a ticket needs it: the interfaces may change (DHCP) while the hub runs.
      lanUrl: lanAddress,
      reports,
    };
  }

  type Outcome = { result: HandlerResult<ClientEventName>; effects: Array<() => void> } | { error: unknown };
  /**
   * Inside the batch's transaction, a savepoint: a step that throws rolls back only what it did. Made once per
   * connection: a storage fault swaps the connection.
   */
  const savepoints = new WeakMap<Db, (step: Step<ClientEventName>, ctx: HandlerContext) => HandlerResult<ClientEventName>>();
  const inSavepoint = (step: Step<ClientEventName>, ctx: HandlerContext) => {
    let savepoint = savepoints.get(deps.db);
    if (!savepoint) {
      savepoint = deps.db.transaction((s: Step<ClientEventName>, c: HandlerContext) => s(c));
      savepoints.set(deps.db, savepoint);
    }
    return savepoint(step, ctx);
  };

  /**
   * Whether each session of the batch may still act, read inside the transaction that commits: a request under
   * way when its user was deactivated, signed out or put back on a temporary password, or its device revoked or
   * given a new key, does not commit. Read once per session per batch; a step that ends sessions or changes a
   * device clears it, so a later step of the same batch sees that.
   */
  const admitted = new Map<Session, SessionUser | boolean | undefined>();
  function refusalAtCommit({ session, event, deviceKeyHash }: Pending, nowIso: string): ErrorCode | null {
    if (session.kind === 'visitor') return null;
    const device = session.kind === 'staff' ? null : session.device;
    if (session.kind !== 'staff' && !device) return null; // A keyless display, which may only read.
    if (!admitted.has(session)) {
      admitted.set(
        session,
        session.kind === 'staff' ? findSessionUser(deps.db, session.tokenHash, nowIso) : deviceStillAdmitted(deps.db, device?.id ?? 0, deviceKeyHash ?? ''),
      );
    }
    const state = admitted.get(session);
    if (session.kind !== 'staff') return state ? null : 'DEVICE_REVOKED';
    if (typeof state !== 'object' || state.user.role !== session.user.role) return 'SESSION_EXPIRED';
    if (state.passwordChangeRequired && !WHILE_PASSWORD_TEMPORARY.has(event)) return 'PASSWORD_CHANGE_REQUIRED';
    return null;
  }

  /**
   * Runs the steps in one transaction, each in its own savepoint, then answers each in order. Without `writes`
   * the connection is `query_only` for the transaction: for a read-only event, which must not write (its
   * handler's type has no write functions; this stops `exec`, `pragma` and a `DELETE … RETURNING` read as
   * rows), and for a change while a storage fault stands (`faulted`, the refusal a step that tries gets).
   */
  function run(batch: Pending[], writes: boolean, faulted: DomainError | null = null): void {
    let outcomes: Outcome[];
    admitted.clear();
    if (!writes) deps.db.pragma('query_only = ON');
    try {
      const tx = deps.db.transaction(() =>
        batch.map((asked): Outcome => {
          const effects: Array<() => void> = [];
          const ctx = contextOf(asked, effects);
          const refused = refusalAtCommit(asked, ctx.nowIso);
          if (refused) return { error: new DomainError(refused) };
          try {
            return { result: inSavepoint(asked.step, ctx), effects };
          } catch (error) {
            // A full disk or an I/O error makes SQLite roll back the whole transaction, not only the
            // savepoint: then nothing of the batch is stored, and the rest must not run (each would
            // commit on its own, unacknowledged). The batch fails as a whole.
            if (!deps.db.inTransaction) throw error;
            return { error };
          }
        }),
      );
      outcomes = writes ? tx.immediate() : tx.deferred();
    } catch (error) {
      // The commit itself failed: nothing of the batch was stored, so nothing is acknowledged.
      outcomes = batch.map(() => ({ error }));
    } finally {
      if (!writes) deps.db.pragma('query_only = OFF');
    }
    if (writes) audiences.changed();
    // Every answer first, in order; then each step's effects, so a socket signed out or cut off in this batch
    // has left its audience before the batch's patch (which may hold cases) goes out; then what the batch
    // changed, as one patch per audience; then the network I/O a step deferred. A snapshot an effect sends
    // already holds the batch, and the patch after it repeats the same rows: a client applies it unchanged.
    batch.forEach(({ socket, event, ack }, i) => {
      const outcome = outcomes[i] as Outcome;
      if ('error' in outcome) {
        const e = answerOf(outcome.error, event, !writes && !faulted, faulted);
        const lang = socket.data.lang;
        return ack(e instanceof DomainError ? failure(e.code, lang, e.params) : internalError(event, e, lang));
      }
      if (!('io' in outcome.result)) ack({ ok: true, data: outcome.result.reply });
    });
    for (const outcome of outcomes) if ('effects' in outcome) for (const effect of outcome.effects) effect();
    const change = mergeChanges(outcomes.map((o) => ('result' in o ? o.result.change : undefined)));
    try {
      if (change) broadcast(change);
    } catch (e) {
      // Stored and answered already: the screens may not show this change until they next take a snapshot,
      // but the deferred prints below must still go out.
      deps.log(`error in a broadcast: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    batch.forEach(({ socket, event, ack }, i) => {
      const outcome = outcomes[i] as Outcome;
      if (!('result' in outcome) || !('io' in outcome.result)) return;
      outcome.result.io().then(
        (next) => settle(socket, event, ack, next),
        (e: unknown) => ack(internalError(event, e, socket.data.lang)),
      );
    });
  }

  /**
   * What a step's error is answered with. Under a standing storage fault a storage error is that fault's
   * refusal; a full or unwritable disk found now is a refusal with its own code, and stops writes until the
   * probe resumes them. A write tried by a read-only event (`reading`) is refused by `query_only`, the disk
   * untouched: its handler's fault, not the disk's.
   */
  function answerOf(error: unknown, event: ClientEventName, reading: boolean, faulted: DomainError | null): unknown {
    if (faulted && storageFault(error)) return faulted;
    if (reading && writeRefused(error)) return error;
    if (deps.storage.noticed(error, event)) return deps.storage.refusal() ?? error;
    return error;
  }

  function internalError(event: ClientEventName, e: unknown, lang: Lang): Reply<never> {
    deps.log(`error in ${event}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return failure('INTERNAL', lang);
  }

  // Tickets left waiting at the end of an office day expire, and screens learn of the new day: checked
  // before every request and on a timer, so a quiet night still ends with a clean morning.
  let lastDay: string | null = null;
  function rollover(): void {
    const today = officeDay(deps.clock(), deps.timeZone);
    if (today === lastDay) return;
    // A visitor's page stops with its office day, whatever the disk: its phone is let go, and the code is
    // refused from now on.
    for (const socket of socketsOf((s) => s.kind === 'visitor' && s.officeDay !== today)) socket.disconnect(true);
    // On an unwritable disk the day turns over once writing resumes: the next request or check after it.
    deps.storage.write('the day rollover', (db) => {
      const change = db.transaction(() => expireEarlierDays(deps, today)).immediate();
      const firstCheck = lastDay === null;
      lastDay = today;
      runRetention(today);
      if (!firstCheck || change.ticketIds?.length) broadcast({ ...change, waiting: true });
    });
  }

  /**
   * The retention job, apart from the queue's rollover: a failure (disk full, a locked file) is logged and
   * the queue keeps working; the job runs again at the next office day or start.
   */
  function runRetention(today: string): void {
    try {
      // Blanked cases were closed long before today: no screen holds them, so nothing is broadcast.
      const blanked = deps.db.transaction(() => blankExpiredPersonalData(deps, today)).immediate();
      if (!blanked.length) return;
      deps.log(`retention: blanked the personal data of ${blanked.length} closed case(s)`);
      // The old values leave the free pages and the write-ahead log too, and so every later backup.
      compact(deps.db);
    } catch (e) {
      deps.storage.noticed(e, 'the retention job');
      deps.log(`retention: failed, tried again at the next office day or start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  recountQueueLengths(deps.db);
  rollover();
  const rolloverTimer = setInterval(rollover, options.rolloverCheckMs);
  rolloverTimer.unref();
  // Staff see the storage alarm come and go (a screen that connects meanwhile has it in its snapshot).
  deps.storage.onChange(() => broadcast({ storage: true }));

  return {
    http,
    io,
    broadcast,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          resolve((http.address() as AddressInfo).port);
        });
      });
    },
    async close() {
      clearInterval(rolloverTimer);
      commitPending();
      await reports.close();
      const closed = io.close();
      // Browsers keep HTTP connections open: end them now, or closing waits for each to time out.
      http.closeAllConnections();
      await closed;
    },
  };
}
