// Who may open a socket, and how much a socket may ask: the browser origin, the connections one address
// holds, the events a second each audience may send, and the cooling-down of an address whose socket was cut
// off for flooding. Knows nothing of sessions or handlers; the socket layer asks it and does what it says.
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import type { RateLimiterRes } from 'rate-limiter-flexible';
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import type { HubLimits } from '../config';
import type { Session } from '../context';

/**
 * Events are counted as the hub reads them, over a few seconds: a well-behaved kiosk's requests that queued up
 * during a pause of the hub's own (a backup, a garbage collection) arrive together.
 */
const BUDGET_WINDOW_S = 5;
/** Refusals within this window past which a socket is cut off; and how long its address then waits. */
const REFUSAL_WINDOW_S = 10;

/** The origins a browser uses to reach this hub itself: every local address and name, on its port. */
export function ownOrigins(port: number): Set<string> {
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

/** What the socket layer knows of a connection being opened. */
export interface Opening {
  origin: string | undefined;
  address: string;
}

/** Whole seconds until a limiter lets the key through again. */
const secondsLeft = (res: RateLimiterRes) => String(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));

export class Admission {
  private readonly connections = new Map<string, number>();
  private readonly extraOrigins: ReadonlySet<string>;
  private readonly budgets: Record<Session['kind'], RateLimiterMemory>;
  private readonly refusals: RateLimiterMemory;
  private readonly coolingDown = new RateLimiterMemory({ points: 1, duration: REFUSAL_WINDOW_S });

  constructor(
    private readonly limits: HubLimits,
    allowedOrigins: readonly string[],
    /** The port the hub listens on, once it does. */
    private readonly port: () => number | undefined,
  ) {
    this.extraOrigins = new Set(allowedOrigins);
    const budgetOf = (perSecond: number) => new RateLimiterMemory({ points: perSecond * BUDGET_WINDOW_S, duration: BUDGET_WINDOW_S });
    const { budgets } = limits;
    this.budgets = {
      staff: budgetOf(budgets.staff),
      kiosk: budgetOf(budgets.kiosk),
      display: budgetOf(budgets.display),
      visitor: budgetOf(budgets.visitor),
      survey: budgetOf(budgets.survey),
    };
    this.refusals = new RateLimiterMemory({ points: limits.refusalsBeforeDisconnect, duration: REFUSAL_WINDOW_S });
  }

  /**
   * No Origin: a Node client or the Electron main process. With one, a browser page: only the hub's own pages
   * (or a configured proxy's) may open a socket, so no other site a staff browser visits can.
   */
  originAllowed(origin: string | undefined): boolean {
    if (origin === undefined) return true;
    if (this.extraOrigins.has(origin)) return true;
    const port = this.port();
    return port !== undefined && ownOrigins(port).has(origin);
  }

  /** Null when the connection may open, else why not (the text Socket.IO's refusal carries). */
  async refusal({ origin, address }: Opening): Promise<string | null> {
    if (!this.originAllowed(origin)) return 'origin not allowed';
    if ((this.connections.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) return 'too many connections from this address';
    // An address whose socket was just cut off waits before it may connect again: reconnecting at once would
    // cost the hub a handshake and a snapshot each time.
    const cooling = await this.coolingDown.get(address).catch(() => null);
    return cooling && cooling.consumedPoints > 1 ? 'cut off for flooding: wait' : null;
  }

  /** Socket.IO's `allowRequest`: a connection opens only when there is no refusal. */
  readonly allowRequest = (req: IncomingMessage, answer: (refusal: string | null, allowed: boolean) => void): void =>
    void this.refusal({ origin: req.headers.origin, address: req.socket.remoteAddress ?? '' }).then((why) => answer(why, why === null));

  /** For the engine's `connection` event: the connection counts against its address until it closes. */
  readonly track = (raw: { remoteAddress: string; once(event: 'close', fn: () => void): void }): void =>
    void raw.once('close', this.opened(raw.remoteAddress));

  /** A connection from `address` opened; call what it returns when it closes. */
  opened(address: string): () => void {
    this.connections.set(address, (this.connections.get(address) ?? 0) + 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      const left = (this.connections.get(address) ?? 1) - 1;
      if (left > 0) this.connections.set(address, left);
      else this.connections.delete(address);
    };
  }

  /**
   * Counts one event of a socket against its audience's budget: null while within it, else the seconds to
   * wait, and whether the socket has now been refused so often that it is to be cut off (its address then
   * waits before it may connect again).
   */
  async spend(kind: Session['kind'], socketId: string, address: string): Promise<{ seconds: string; cutOff: boolean } | null> {
    try {
      await this.budgets[kind].consume(socketId);
      return null;
    } catch (res) {
      const seconds = secondsLeft(res as RateLimiterRes);
      const cutOff = await this.refusals.consume(socketId).then(
        () => false,
        () => true,
      );
      if (cutOff) void this.coolingDown.block(address, REFUSAL_WINDOW_S);
      return { seconds, cutOff };
    }
  }
}
