// Real socket.io-client connections, as kiosks, displays and staff would make them.
import { io, type Socket } from 'socket.io-client';
import type { AdminView } from '../../shared/domain/types';
import type { Reply } from '../../shared/protocol/errors';
import type {
  ClientReplies,
  ClientToServerEvents,
  HandshakeAuth,
  Patch,
  ServerToClientEvents,
  Snapshot,
} from '../../shared/protocol/events';
import type { ClientEventName, ClientPayload } from '../../shared/protocol/schemas';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestClient {
  socket: ClientSocket;
  snapshots: Snapshot[];
  patches: Patch[];
  /** Admins only: every admin view received, oldest first. */
  adminViews: AdminView[];
  /** Every raw frame received, as JSON text: for "never receives personal data" checks. */
  raw: string[];
  request<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<Reply<ClientReplies[E]>>;
  /** Like request, but fails the test unless the reply is ok. */
  ok<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<ClientReplies[E]>;
  /** Resolves with the first patch (already received or future) that satisfies `match`. */
  waitForPatch(match: (p: Patch) => boolean, timeoutMs?: number): Promise<Patch>;
  close(): void;
}

/** `localAddress`: a loopback address (127.0.0.2 …) to connect from, to play another machine on the LAN. */
export function connect(url: string, auth: HandshakeAuth = {}, localAddress?: string): Promise<TestClient> {
  const socket: ClientSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, ...(localAddress && { localAddress }) });
  const snapshots: Snapshot[] = [];
  const patches: Patch[] = [];
  const adminViews: AdminView[] = [];
  const raw: string[] = [];
  const waiters: Array<{ match: (p: Patch) => boolean; resolve: (p: Patch) => void }> = [];
  socket.onAny((_event, ...args) => raw.push(JSON.stringify(args)));
  socket.on('snapshot', (s) => snapshots.push(s));
  socket.on('admin', (v) => adminViews.push(v));
  socket.on('patch', (p) => {
    patches.push(p);
    for (const w of [...waiters]) {
      if (w.match(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  const client: TestClient = {
    socket,
    snapshots,
    patches,
    adminViews,
    raw,
    request(event, payload) {
      return new Promise((resolve, reject) => {
        (socket.timeout(20_000) as unknown as { emit: (...a: unknown[]) => void }).emit(
          event,
          payload,
          (err: Error | null, reply: Reply<ClientReplies[typeof event]>) => (err ? reject(err) : resolve(reply)),
        );
      });
    },
    async ok(event, payload) {
      const reply = await client.request(event, payload);
      if (!reply.ok) throw new Error(`${event} refused: ${reply.error.code} ${reply.error.message}`);
      return reply.data;
    },
    waitForPatch(match, timeoutMs = 10_000) {
      const seen = patches.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching patch arrived')), timeoutMs);
        waiters.push({
          match,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('snapshot', () => resolve(client));
    socket.once('connect_error', (e) => reject(e));
  });
}

/**
 * Resolves once `client` has every patch the hub had sent it when asked: a fresh snapshot's revision says how
 * far its audience has got, and the patches up to that revision are waited for. After it, a patch that has
 * not arrived was never sent.
 */
export async function caughtUp(client: TestClient, timeoutMs = 10_000): Promise<void> {
  const { rev } = await client.ok('sync:snapshot', {});
  const latest = Math.max(client.snapshots.at(-1)?.rev ?? 0, ...client.patches.map((p) => p.rev));
  if (latest < rev) await client.waitForPatch((p) => p.rev >= rev, timeoutMs);
}

/** A staff member signed in over a real socket; resolves once the staff snapshot has arrived. */
export async function signIn(url: string, username: string, password: string, localAddress?: string): Promise<TestClient> {
  const anonymous = await connect(url, {}, localAddress);
  const { token } = await anonymous.ok('auth:login', { username, password });
  anonymous.close();
  const staff = await connect(url, { token }, localAddress);
  if (staff.snapshots[0]?.audience !== 'staff') throw new Error('expected a staff snapshot');
  return staff;
}

let counter = 0;
export function requestId(): string {
  counter += 1;
  return `req-${process.pid}-${Date.now()}-${counter}`;
}
