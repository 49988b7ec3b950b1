// A noisy client in its own process (so its loop does not slow the test's own measurements): sends
// `sync:snapshot` and an unknown event as fast as it can, connecting again whenever the hub cuts it off,
// until its time or its event count is up. Prints what it saw as one JSON line.
// Usage: tsx test/load/flooder.ts <url> <ms> <maxEvents> <localAddress> [token]
import { io } from 'socket.io-client';
import type { Reply } from '../../shared/protocol/errors';

export interface FloodResult {
  sent: number;
  /** Refusal codes seen, by code. */
  refusals: Record<string, number>;
  /** Times the hub disconnected this client. */
  cutOff: number;
  connections: number;
}

const [url, ms, maxEvents, localAddress, token] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const until = Date.now() + Number(ms);
// Passed through to the WebSocket (socket.io-client's types do not list it).
const from = { localAddress };
const result: FloodResult = { sent: 0, refusals: {}, cutOff: 0, connections: 0 };
const BURST = 50;
const TICK_MS = 10;
const MAX_CONNECTIONS = 100;

const count = (reply: Reply<unknown>) => {
  if (!reply.ok) result.refusals[reply.error.code] = (result.refusals[reply.error.code] ?? 0) + 1;
};

function oneConnection(): Promise<void> {
  result.connections += 1;
  const socket = io(url, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true, ...from });
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearInterval(timer);
      socket.close();
      resolve();
    };
    socket.once('connect_error', () => setTimeout(finish, 100));
    socket.once('disconnect', (reason) => {
      if (reason === 'io server disconnect') result.cutOff += 1;
      finish();
    });
    socket.once('connect', () => {
      timer = setInterval(() => {
        if (Date.now() >= until || result.sent >= Number(maxEvents)) return finish();
        for (let i = 0; i < BURST / 2; i++) {
          socket.emit('sync:snapshot', {}, count);
          socket.emit('flood:nothing', {}, count);
          result.sent += 2;
        }
      }, TICK_MS);
    });
  });
}

while (Date.now() < until && result.sent < Number(maxEvents) && result.connections < MAX_CONNECTIONS) await oneConnection();
console.log(JSON.stringify(result));
process.exit(0);
