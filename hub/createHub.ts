// The one place that wires the hub together: HTTP, Socket.IO, sessions, handlers and broadcasts.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { officeDay } from '../shared/domain/officeTime';
import { DomainError, errorMessage, type ErrorCode, type Lang, type Reply } from '../shared/protocol/errors';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../shared/protocol/events';
import {
  clientEventSchemas,
  describeIssues,
  isClientEvent,
  safeParseIn,
  type ClientEventName,
} from '../shared/protocol/schemas';
import { Audiences } from './audiences';
import type { Change, Handler, HandlerContext, HandlerMap, HubDeps, Session, Step } from './context';
import { adminView } from './adminView';
import { findDeviceByKey, findSessionUser, getDevice, touchDevice } from './db/index';
import { expireEarlierDays } from './dayRollover';
import { adminBackupHandlers } from './handlers/admin/backups';
import { adminCounterHandlers } from './handlers/admin/counters';
import { adminDeviceHandlers } from './handlers/admin/devices';
import { adminServiceHandlers } from './handlers/admin/services';
import { adminStaffHandlers } from './handlers/admin/staff';
import { authHandlers } from './handlers/auth';
import { caseHandlers } from './handlers/cases';
import { counterHandlers } from './handlers/counters';
import { printingHandlers } from './handlers/printing';
import { settingsHandlers } from './handlers/settings';
import { syncHandlers } from './handlers/sync';
import { ticketHandlers } from './handlers/tickets';
import { handleHttp } from './http';
import { hashToken } from './passwords';
import { RateLimiter } from './rateLimit';
import { RecentReplies } from './recentReplies';

/** Larger payloads are refused with a code; far larger ones are dropped by Socket.IO itself. */
const MAX_PAYLOAD_BYTES = 16 * 1024;
const ROLLOVER_CHECK_MS = 30_000;

interface SocketData {
  session: Session;
  lang: Lang;
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
}

const HANDLERS: HandlerMap = {
  ...authHandlers,
  ...syncHandlers,
  ...ticketHandlers,
  ...counterHandlers,
  ...settingsHandlers,
  ...caseHandlers,
  ...printingHandlers,
  ...adminServiceHandlers,
  ...adminCounterHandlers,
  ...adminStaffHandlers,
  ...adminDeviceHandlers,
  ...adminBackupHandlers,
};

/** What a session with a temporary password may still do: set its own, or leave. */
const WHILE_PASSWORD_TEMPORARY: ReadonlySet<ClientEventName> = new Set(['auth:changePassword', 'auth:logout', 'sync:snapshot']);

/** The broadcast room of a session; a session that must first change its password hears nothing. */
function roomOf(session: Session): string {
  if (session.kind === 'staff' && session.passwordChangeRequired) return 'password';
  return session.kind;
}

const isAdmin = (session: Session) => session.kind === 'staff' && !session.passwordChangeRequired && session.user.role === 'admin';

function failure(code: ErrorCode, lang: Lang, params: Record<string, string> = {}): Reply<never> {
  return { ok: false, error: { code, message: errorMessage(code, lang, params), params } };
}

export function createHub(deps: HubDeps, options: HubOptions): Hub {
  const audiences = new Audiences(deps);
  const limits = { login: new RateLimiter(60_000), kiosk: new RateLimiter(60_000) };
  const replies = new RecentReplies();
  /** Connected sockets per device, for "online" in the admin section. */
  const deviceSockets = new Map<number, number>();
  const deviceOnline = (id: number) => (deviceSockets.get(id) ?? 0) > 0;
  const http = createServer((req, res) => handleHttp(req, res, { appsDir: options.appsDir }));
  const io: Hub['io'] = new Server(http, { maxHttpBufferSize: 1e6, serveClient: false });

  function broadcast(change: Change): void {
    for (const patch of audiences.patches(change)) io.to(patch.audience).emit('patch', patch);
    for (const audience of change.resync ?? []) {
      for (const socket of io.of('/').sockets.values()) {
        if (roomOf(socket.data.session) === audience) socket.emit('snapshot', audiences.snapshot(socket.data.session));
      }
    }
    if (change.admin) io.to('admin').emit('admin', adminView(deps.db, deviceOnline, deps.backupDir));
  }

  function enter(socket: HubSocket, session: Session): void {
    socket.leave(roomOf(socket.data.session));
    socket.leave('admin');
    socket.data.session = session;
    socket.join(roomOf(session));
    socket.emit('snapshot', audiences.snapshot(session));
    if (isAdmin(session)) {
      socket.join('admin');
      socket.emit('admin', adminView(deps.db, deviceOnline, deps.backupDir));
    }
  }

  function socketsOf(match: (session: Session) => boolean): HubSocket[] {
    return [...io.of('/').sockets.values()].filter((s) => s.data.session && match(s.data.session));
  }

  /** A device socket comes or goes: its last-seen time, and admins see it online or offline. */
  function deviceSeen(session: Session, delta: 1 | -1): void {
    const device = session.kind === 'staff' ? null : session.device;
    if (!device) return;
    deviceSockets.set(device.id, Math.max(0, (deviceSockets.get(device.id) ?? 0) + delta));
    touchDevice(deps.db, device.id, deps.clock().toISOString());
    broadcast({ admin: true });
  }

  io.use((socket, next) => {
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
    } else if (typeof auth.deviceKey === 'string' && auth.deviceKey) {
      const device = findDeviceByKey(deps.db, auth.deviceKey);
      if (!device) return refuse('DEVICE_KEY_INVALID');
      if (!device.active) return refuse('DEVICE_REVOKED');
      // A survey tablet sees what the waiting room sees until the survey gives it its own audience.
      session = device.kind === 'kiosk' ? { kind: 'kiosk', device } : { kind: 'display', device };
    }
    socket.data = { session, lang };
    next();
  });

  io.on('connection', (socket: HubSocket) => {
    enter(socket, socket.data.session);
    deviceSeen(socket.data.session, 1);
    socket.on('disconnect', () => deviceSeen(socket.data.session, -1));

    // Unknown events and oversized payloads are answered here, before any handler sees them.
    socket.use(([event, ...args], next) => {
      const ack = args[args.length - 1];
      const reply = typeof ack === 'function' ? (ack as (r: Reply<never>) => void) : undefined;
      if (!isClientEvent(event)) return reply?.(failure('UNKNOWN_EVENT', socket.data.lang, { event: String(event).slice(0, 40) }));
      let size: number;
      try {
        size = JSON.stringify(args.slice(0, -1))?.length ?? 0;
      } catch {
        size = Infinity; // Not serialisable: treat as too large.
      }
      if (size > MAX_PAYLOAD_BYTES) return reply?.(failure('PAYLOAD_TOO_LARGE', socket.data.lang));
      next();
    });

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
    const parsed = safeParseIn(clientEventSchemas[event], args.length === 2 ? args[0] : undefined, lang);
    if (!parsed.success) return ack(failure('VALIDATION_FAILED', lang, { detail: describeIssues(parsed.error) }));

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
      if (session.kind === 'display') return ack(failure('NOT_AUTHENTICATED', lang));
      const who = session.kind === 'kiosk' ? 'kiosk' : session.user.role;
      if (!handler.who.includes(who)) return ack(failure('FORBIDDEN', lang));
    }

    rollover();
    settle(socket, event, ack, (ctx) => handler.run(ctx, parsed.data as never));
  }

  /**
   * One step in one transaction, then the ack and the broadcast. A step that defers network I/O is
   * broadcast at once; its I/O runs outside any transaction, and the step it resolves to is settled the
   * same way and gives the ack.
   */
  function settle(socket: HubSocket, event: ClientEventName, ack: Ack, step: Step<ClientEventName>): void {
    const { lang, session } = socket.data;
    const now = deps.clock();
    const effects: Array<() => void> = [];
    const ctx: HandlerContext = {
      deps,
      db: deps.db,
      session,
      lang,
      address: socket.handshake.address,
      now,
      nowIso: now.toISOString(),
      today: officeDay(now, deps.timeZone),
      limits,
      setSession: (next) => effects.push(() => enter(socket, next)),
      endSession: (tokenHash) =>
        effects.push(() => {
          for (const other of socketsOf((s) => s.kind === 'staff' && s.tokenHash === tokenHash)) {
            if (other !== socket) other.disconnect(true);
          }
        }),
      endSessions: (tokenHashes) =>
        effects.push(() => {
          const ended = new Set(tokenHashes);
          for (const other of socketsOf((s) => s.kind === 'staff' && ended.has(s.tokenHash))) other.disconnect(true);
        }),
      deviceChanged: (deviceId, how) =>
        effects.push(() => {
          const fresh = getDevice(deps.db, deviceId);
          for (const other of socketsOf((s) => s.kind !== 'staff' && s.device?.id === deviceId)) {
            if (how === 'cut' || !fresh) other.disconnect(true);
            else enter(other, other.data.session.kind === 'kiosk' ? { kind: 'kiosk', device: fresh } : { kind: 'display', device: fresh });
          }
        }),
      deviceOnline,
      replies,
      snapshot: () => audiences.snapshot(session),
    };
    let result;
    try {
      result = deps.db.transaction(() => step(ctx)).immediate();
    } catch (e) {
      if (e instanceof DomainError) return ack(failure(e.code, lang, e.params));
      return ack(internalError(event, e, lang));
    }
    if (!('io' in result)) ack({ ok: true, data: result.reply });
    if (result.change) broadcast(result.change);
    for (const effect of effects) effect();
    if ('io' in result) {
      result.io().then(
        (next) => settle(socket, event, ack, next),
        (e: unknown) => ack(internalError(event, e, lang)),
      );
    }
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
    const change = deps.db.transaction(() => expireEarlierDays(deps, today)).immediate();
    const firstCheck = lastDay === null;
    lastDay = today;
    if (!firstCheck || change.ticketIds?.length) broadcast({ ...change, waiting: true });
  }
  rollover();
  const rolloverTimer = setInterval(rollover, ROLLOVER_CHECK_MS);
  rolloverTimer.unref();

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
      await io.close();
      http.closeAllConnections();
    },
  };
}
