// The apps' one connection to the hub: typed requests with acks, and a snapshot kept current by patches.
// A patch out of sequence (missed while asleep, or from a restarted hub) triggers a fresh snapshot.
import { io, type Socket } from 'socket.io-client';
import { CONNECTION_MESSAGES, type ErrorCode, type Lang, type Reply } from '../protocol/errors';
import type {
  ClientReplies,
  ClientToServerEvents,
  HandshakeAuth,
  Patch,
  ServerToClientEvents,
  Snapshot,
} from '../protocol/events';
import type { ClientEventName, ClientPayload } from '../protocol/schemas';
import { translator } from './i18n';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface HubClientOptions {
  /** Defaults to the page's own origin: the hub serves the apps. */
  url?: string;
  auth: () => HandshakeAuth;
  lang: () => Lang;
  onSnapshot: (snapshot: Snapshot) => void;
  onPatch: (patch: Patch) => void;
  onOnline: (online: boolean) => void;
  /** The hub refused the handshake (an expired session or an unknown device key), in the handshake's language. */
  onRefused?: (code: ErrorCode, message: string) => void;
}

export interface HubClient {
  socket: HubSocket;
  request<E extends ClientEventName>(event: E, payload: ClientPayload<E>, timeoutMs?: number): Promise<Reply<ClientReplies[E]>>;
  /** Reconnects with fresh handshake data (after sign-in or sign-out). */
  reconnect(): void;
  close(): void;
}

/** How soon a screen tries again after losing the hub: at once, then backing off to every three seconds. */
export const RECONNECTION = { reconnectionDelay: 500, reconnectionDelayMax: 3000 } as const;

export function connectHub(options: HubClientOptions): HubClient {
  const socket: HubSocket = io(options.url ?? window.location.origin, {
    auth: (cb) => cb({ ...options.auth(), lang: options.lang() }),
    ...RECONNECTION,
  });
  let epoch: string | null = null;
  let rev = 0;

  const apply = (s: Snapshot) => {
    epoch = s.epoch;
    rev = s.rev;
    options.onSnapshot(s);
  };

  const resync = () => {
    socket.timeout(10_000).emit('sync:snapshot', {}, (err, reply) => {
      if (!err && reply.ok) apply(reply.data);
    });
  };

  socket.on('connect', () => options.onOnline(true));
  socket.on('disconnect', (reason) => {
    options.onOnline(false);
    // The hub drops a socket whose session ended (signed out elsewhere, expired). Socket.IO does not come
    // back by itself after that; reconnecting lets the handshake say why (SESSION_EXPIRED → onRefused).
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err: Error & { data?: { code?: ErrorCode } }) => {
    options.onOnline(false);
    const code = err.data?.code;
    if (code && options.onRefused) options.onRefused(code, err.message);
  });
  socket.on('snapshot', apply);
  socket.on('patch', (patch) => {
    if (patch.epoch !== epoch || patch.rev !== rev + 1) {
      // Only newer revisions mean something was missed; an old duplicate is ignored.
      if (patch.epoch !== epoch || patch.rev > rev + 1) resync();
      return;
    }
    rev = patch.rev;
    options.onPatch(patch);
  });

  return {
    socket,
    request(event, payload, timeoutMs = 8000) {
      const say = translator(CONNECTION_MESSAGES, options.lang());
      if (!socket.connected) {
        return Promise.resolve({ ok: false, error: { code: 'HUB_UNREACHABLE', message: say('HUB_UNREACHABLE') } });
      }
      return new Promise((resolve) => {
        // The generic event name defeats Socket.IO's per-event typing; the map above keeps it honest.
        (socket.timeout(timeoutMs) as unknown as { emit: (...a: unknown[]) => void }).emit(
          event,
          payload,
          (err: Error | null, reply: Reply<ClientReplies[typeof event]>) => {
            if (err) resolve({ ok: false, error: { code: 'REQUEST_TIMEOUT', message: say('REQUEST_TIMEOUT') } });
            else resolve(reply);
          },
        );
      });
    },
    reconnect() {
      socket.disconnect();
      socket.connect();
    },
    close() {
      socket.close();
    },
  };
}
