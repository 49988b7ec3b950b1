// A noisy client in its own process, so its own work (parsing what it gets back) does not slow the test's
// measurements. Prints GOING on a line of its own once it is at work, then what it saw as one JSON line.
// Usage: tsx test/load/flooder.ts '<FloodPlan as JSON>'
//  - `flood`: sends `sync:snapshot` and an unknown event as fast as it can, connecting again whenever the
//    hub cuts it off, until its time or its event count is up; at work from its first events;
//  - `burst`: sends `sync:snapshot` `maxEvents` times at once on one connection and waits for every answer
//    (reading nothing for `stallMs` first, if given); at work once all are sent.
import { io, type Socket } from 'socket.io-client';
import type { Reply } from '../../shared/protocol/errors';
import { GOING, type FloodPlan, type FloodResult } from './flooding';

const plan = JSON.parse(process.argv[2] as string) as FloodPlan;
const until = Date.now() + plan.ms;
const result: FloodResult = { sent: 0, answered: 0, refusals: {}, cutOffAt: [], connections: 0, startedAt: null, ticketsHeld: [] };
const BURST = 50;
const TICK_MS = 10;
const MAX_CONNECTIONS = 100;

const count = (reply: Reply<unknown>) => {
  result.answered += 1;
  if (!reply.ok) result.refusals[reply.error.code] = (result.refusals[reply.error.code] ?? 0) + 1;
};

function going(): void {
  result.startedAt = Date.now();
  console.log(GOING);
}

function open(): Socket {
  result.connections += 1;
  // localAddress is passed through to the WebSocket (socket.io-client's types do not list it).
  const from = { localAddress: plan.localAddress };
  return io(plan.url, { auth: plan.token ? { token: plan.token } : {}, transports: ['websocket'], reconnection: false, forceNew: true, ...from });
}

function floodOnce(): Promise<void> {
  const socket = open();
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearInterval(timer);
      socket.close();
      resolve();
    };
    socket.once('connect_error', () => setTimeout(finish, 100));
    socket.once('disconnect', (reason) => {
      if (reason === 'io server disconnect') result.cutOffAt.push(Date.now());
      finish();
    });
    socket.once('connect', () => {
      timer = setInterval(() => {
        if (Date.now() >= until || result.sent >= plan.maxEvents) return finish();
        for (let i = 0; i < BURST / 2; i++) {
          socket.emit('sync:snapshot', {}, count);
          socket.emit('flood:nothing', {}, count);
          result.sent += 2;
        }
        if (result.startedAt === null) going();
      }, TICK_MS);
    });
  });
}

function burst(): Promise<void> {
  const socket = open();
  return new Promise((resolve) => {
    const finish = () => {
      socket.close();
      resolve();
    };
    const timer = setTimeout(finish, plan.ms);
    socket.once('connect_error', finish);
    socket.once('connect', () => {
      for (let i = 0; i < plan.maxEvents; i++) {
        result.sent += 1;
        socket.emit('sync:snapshot', {}, (reply: Reply<{ tickets?: unknown[] }>) => {
          count(reply);
          if (reply.ok) result.ticketsHeld.push(reply.data.tickets?.length ?? 0);
          if (result.answered === plan.maxEvents) {
            clearTimeout(timer);
            finish();
          }
        });
      }
      // Socket.IO writes what it buffered on a later tick: at work once every request has gone out.
      const engine = socket.io.engine;
      const whenSent = () => {
        if (engine.writeBuffer.length > 0) return void engine.once('drain', whenSent);
        going();
        // Its event loop held: what the hub sends waits in the kernel's buffers, then in the hub.
        const stalled = Date.now() + (plan.stallMs ?? 0);
        while (Date.now() < stalled);
      };
      whenSent();
    });
  });
}

if (plan.mode === 'burst') await burst();
else while (Date.now() < until && result.sent < plan.maxEvents && result.connections < MAX_CONNECTIONS) await floodOnce();
console.log(JSON.stringify(result));
process.exit(0);
