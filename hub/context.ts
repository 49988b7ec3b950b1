// What a handler gets and gives back. Handlers are small, one file per domain: validate (done for them)
// → transaction (their `run`) → ack → broadcast of the `change` they return.
import type { Call, PrinterTarget, Role, StaffUser, TicketPrint } from '../shared/domain/types';
import type { BridgePrintResult } from '../shared/protocol/bridge';
import { DomainError, type Lang } from '../shared/protocol/errors';
import type { ClientReplies, Snapshot } from '../shared/protocol/events';
import type { ClientEventName, ParsedPayload } from '../shared/protocol/schemas';
import type { SharedAudience } from './audiences/rooms';
import type { Backups } from './backup';
import type { Db, ReadDb } from './db/index';
import type { Device } from './db/devices';
import type { NumberBlocks } from './numberBlocks';
import type { RateLimiter } from './rateLimit';
import type { RecentReplies } from './recentReplies';
import type { ReportRunner } from './reports/runner';
import type { Storage } from './storage';

export type Session =
  | { kind: 'display'; device: Device | null }
  | { kind: 'kiosk'; device: Device }
  /** A visitor's phone, from the ticket's QR: sees that one ticket only, until its office day ends. */
  | { kind: 'visitor'; ticketId: number; officeDay: string }
  /** A survey tablet, belonging to a counter (`device.counterId`). */
  | { kind: 'survey'; device: Device }
  | { kind: 'staff'; user: StaffUser; tokenHash: string; passwordChangeRequired: boolean };

export interface HubDeps {
  /** The current connection (a getter over `storage.db`: a storage fault swaps it): read it at use, never keep it. */
  readonly db: Db;
  /** The connection's owner: whether the disk takes writes, and the probe that resumes them. */
  storage: Storage;
  /** The hub's only source of "now", so tests can move the office day. */
  clock: () => Date;
  timeZone: string;
  log: (line: string) => void;
  /** The online backups, scheduled or asked for, one at a time. */
  backups: Backups;
  /** Ticket numbers reserved outside the database. */
  numbers: NumberBlocks;
  /** Sends bytes to a kiosk's network printer, rejecting with PrinterFault only (hub/server.ts passes the TCP one). */
  printer: (target: Pick<PrinterTarget, 'host' | 'port'>, bytes: Uint8Array) => Promise<void>;
  /** scrypt's cost for the passwords the hub hashes (PASSWORD_COST; tests lower it). */
  passwordCost: number;
}

/** What changed in one transaction; the broadcaster turns it into each audience's patch. */
export interface Change {
  ticketIds?: number[];
  counterIds?: number[];
  /**
   * Calls and recalls, in the order made, as read when each was logged: a ticket called and recalled within
   * one commit is announced twice, as it was made.
   */
  calls?: Call[];
  waiting?: boolean;
  settings?: boolean;
  office?: boolean;
  /** Cases that changed: staff only. */
  caseIds?: number[];
  /** A printer fault was recorded or resolved: staff get the open faults. */
  printerFaults?: boolean;
  /** A kiosk's bridge connected or left: staff learn which kiosks can reprint. */
  printingKiosks?: boolean;
  /**
   * Rare, structural changes (services, counters, staff made or retired by an admin): every socket of these
   * audiences gets a fresh snapshot instead of a patch. Phones and tablets need none: every patch of theirs
   * is their whole view.
   */
  resync?: readonly SharedAudience[];
  /** The admin section's lists changed: admins get them again. */
  admin?: boolean;
  /** The disk became unwritable or writable again: staff get the storage state. */
  storage?: boolean;
  /** Something only visitors' phones and survey tablets show changed (a survey answered). */
  personal?: boolean;
}

/** What a handler that only reads gets: a read handle, and nothing that changes a session or a device. */
export interface ReadContext {
  deps: ReadDeps;
  db: ReadDb;
  session: Session;
  lang: Lang;
  /** The client's network address, for rate limits. */
  address: string;
  /** This request's instant, read once so one transaction has one time. */
  now: Date;
  nowIso: string;
  /** Today's office day in the office time zone. */
  today: string;
  /** Whether a device has a socket connected now. */
  deviceOnline: (deviceId: number) => boolean;
  /** What this socket's audience may see now. */
  snapshot: () => Snapshot;
  /** The hub's address as phones on the LAN reach it when no public address is set; null when it has none. */
  lanUrl: () => string | null;
  /** Computes reports off the event loop (run it after the commit, as I/O). */
  reports: ReportRunner;
}

/** The hub's dependencies as a reader sees them: the connection as a read handle, and no storage to write to. */
export type ReadDeps = Pick<HubDeps, 'clock' | 'timeZone' | 'log' | 'passwordCost'> & { readonly db: ReadDb };

export interface HandlerContext extends ReadContext {
  deps: HubDeps;
  db: Db;
  limits: { login: RateLimiter; kiosk: RateLimiter };
  setSession: (session: Session) => void;
  /** Disconnects every other socket signed in with this session (after sign-out). */
  endSession: (tokenHash: string) => void;
  /** After the commit, disconnects every socket of these sessions: their screens return to sign-in. */
  endSessions: (tokenHashes: readonly string[]) => void;
  /** After the commit: a revoked or re-keyed device's sockets are cut off; a changed one gets a fresh snapshot. */
  deviceChanged: (deviceId: number, how: 'cut' | 'refresh') => void;
  /**
   * A kiosk's printer bridge, when a page of that kiosk is connected with one: prints through the shell
   * (run it after the commit, as I/O). Undefined when none is connected.
   */
  bridgeOf: (deviceId: number) => BridgeRelay | undefined;
  /** Replies to creates by request id, so a retried create returns the first result. */
  replies: RecentReplies;
  /** Runs once the change is committed (never if it is rolled back): memory that must match the disk. */
  afterCommit: (effect: () => void) => void;
}

export type BridgeRelay = (ticket: TicketPrint) => Promise<BridgePrintResult>;

export type Who = 'anyone' | 'kiosk' | 'visitor' | 'survey' | Role;

/** What a transaction gives back: the reply, or network I/O still to do before there is one. */
export type HandlerResult<E extends ClientEventName, C = HandlerContext> = { reply: ClientReplies[E]; change?: Change } | Deferred<E, C>;

/**
 * Network I/O (printing) must not run inside a transaction, hold one open, or delay anyone else's ack: `io`
 * runs after the commit (its `change` is broadcast at once), and the step it resolves to runs in a second,
 * short transaction that records the outcome and gives the reply.
 */
export interface Deferred<E extends ClientEventName, C = HandlerContext> {
  io: () => Promise<Step<E, C>>;
  change?: Change;
}

/** One transaction's work. */
export type Step<E extends ClientEventName, C = HandlerContext> = (ctx: C) => HandlerResult<E, C>;

/**
 * Everything the hub knows of an event besides its payload's schema and its reply's type, declared once, by
 * its handler: the registry (handlers/registry.ts) derives the dispatcher's lists from these.
 */
export type Handler<E extends ClientEventName> = {
  /** Who may send it: `anyone`, or the roles and device kinds listed. */
  who: readonly Who[];
  /** A session whose password is temporary may send it too; such a session may otherwise do nothing. */
  whilePasswordTemporary?: true;
} & RetryDeclaration<E> &
  (
    | {
        /**
         * It only reads: it runs in a read transaction with a read handle, which has no write functions, and
         * on a connection switched to `query_only`, so what it tries to write is refused.
         */
        reads: true;
        run: (ctx: ReadContext, payload: ParsedPayload<E>) => HandlerResult<E, ReadContext>;
      }
    | {
        reads?: false;
        /** Runs inside one SQLite transaction; throw DomainError to refuse (the transaction rolls back). */
        run: (ctx: HandlerContext, payload: ParsedPayload<E>) => HandlerResult<E>;
      }
  );

/**
 * An event whose payload carries a request id declares what a retry gets: the first reply, and nothing is made
 * twice. One without a request id declares nothing. (A lookup, not a bare conditional type, so that a handler
 * made for several events at once, `caseAction`, still type-checks.)
 */
type RetryDeclaration<E extends ClientEventName> = RetryDeclarations[E];
type RetryDeclarations = {
  [E in ClientEventName]: ParsedPayload<E> extends { requestId: string } ? { retryGetsFirstReply: true } : { retryGetsFirstReply?: never };
};

/** A handler as the registry reads its declaration, whatever its event. */
export interface Declaration {
  who: readonly Who[];
  reads?: boolean;
  whilePasswordTemporary?: boolean;
  retryGetsFirstReply?: boolean;
}

export type HandlerMap = { [E in ClientEventName]: Handler<E> };

/**
 * What a domain operation (hub/operations/) needs of a request: the transaction's connection, who acts, the
 * request's instant and office day, and the language a refusal is worded in. Nothing of sockets: a handler's
 * context is one, and a test makes one from a database.
 */
export type OperationContext = Pick<HandlerContext, 'db' | 'session' | 'lang' | 'nowIso' | 'today'>;

/** Some events' handlers, as a handler module exports them for the registry. */
export type HandlerGroup = Partial<HandlerMap>;

/** Who holds a counter: officers, and coordinators and the head when they take one. */
export const COUNTER_ROLES = ['helpdesk', 'coordinator', 'head'] as const satisfies readonly Role[];

export function actorOf(session: Session): { userId: number | null; deviceId: number | null } {
  if (session.kind === 'staff') return { userId: session.user.id, deviceId: null };
  if (session.kind === 'visitor') return { userId: null, deviceId: null };
  return { userId: null, deviceId: session.device?.id ?? null };
}

/** The signed-in staff member who acts; any other session is refused. */
export function staffUser(ctx: Pick<HandlerContext, 'session'>): StaffUser {
  if (ctx.session.kind !== 'staff') throw new DomainError('NOT_AUTHENTICATED');
  return ctx.session.user;
}
