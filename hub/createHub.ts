// The composition root: HTTP and Socket.IO, wired to the hub's core (hub/core/, docs/architecture.md). Each
// part owns one concern; this file only connects them, in the order an event passes through them.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { Audiences, mergeChanges } from './audiences/index';
import type { HubLimits, HubTimers } from './config';
import type { Change, HandlerContext, HubDeps } from './context';
import { recountQueueLengths } from './db/index';
import { Admission } from './core/admission';
import { Bridges } from './core/bridges';
import { CommitQueue } from './core/commitQueue';
import { lanAddress, type HandlerParts } from './core/handlerContext';
import { Handshake, handshakeRefusal } from './core/handshake';
import { Presence } from './core/presence';
import { Requests } from './core/requests';
import { Rooms } from './core/rooms';
import { Scheduler } from './core/scheduler';
import type { HubServer, HubSocket } from './core/sockets';
import { HANDLERS, READ_ONLY, WHILE_PASSWORD_TEMPORARY } from './handlers/registry';
import { handleHttp } from './http';
import { RateLimiter } from './rateLimit';
import { RecentReplies } from './recentReplies';
import { ReportRunner } from './reports/runner';

export interface Hub {
  http: HttpServer;
  io: HubServer;
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
  /** The hub's own timers (DEFAULT_TIMERS in config.ts). */
  timers: HubTimers;
}

export function createHub(deps: HubDeps, options: HubOptions): Hub {
  const reports = new ReportRunner(deps.db.name, deps.log);
  const http = createServer((req, res) => handleHttp(req, res, { appsDir: options.appsDir, deps, reports }));
  const admission = new Admission(options.limits, options.allowedOrigins, () => (http.address() as AddressInfo | null)?.port);
  const io: HubServer = new Server(http, { maxHttpBufferSize: 1e6, serveClient: false, allowRequest: admission.allowRequest });
  io.engine.on('connection', admission.track);

  const bridges = new Bridges(() => rooms.broadcast({ printingKiosks: true }));
  const presence = new Presence(deps, () => rooms.adminChanged());
  const audiences = new Audiences(deps, {
    bridgeKiosks: () => bridges.kiosks(),
    deviceOnline: (id) => presence.online(id),
    withLastSeen: (view) => presence.onto(view),
  });
  const rooms = new Rooms(io, audiences);
  const broadcast = (change: Change) => rooms.broadcast(change);
  const queue = new CommitQueue<HandlerContext>(deps, { readOnly: READ_ONLY, whilePasswordTemporary: WHILE_PASSWORD_TEMPORARY }, {
    written: () => audiences.changed(),
    publish: (changes) => {
      const change = mergeChanges(changes);
      if (change) broadcast(change);
    },
  });
  const scheduler = new Scheduler(deps, options.timers, {
    // A visitor's page stops with its office day, whatever the disk: its phone is let go, and the code is refused from now on.
    dayBegan: (today) => rooms.socketsOf((s) => s.kind === 'visitor' && s.officeDay !== today).forEach((s) => s.disconnect(true)),
    publish: broadcast,
    writeMemory: () => presence.write(),
  });
  const handlers: HandlerParts = {
    deps,
    limits: { login: new RateLimiter(60_000), kiosk: new RateLimiter(60_000) },
    replies: new RecentReplies(),
    reports,
    rooms,
    presence,
    bridges,
    snapshot: (session) => audiences.snapshot(session),
    lanUrl: lanAddress(() => http.address()),
  };
  const policy = { handlers: HANDLERS, whilePasswordTemporary: WHILE_PASSWORD_TEMPORARY };
  const requests = new Requests({ deps, admission, policy, queue, handlers, beforeRequest: () => scheduler.checkDay() });

  const handshake = new Handshake(deps, options.limits);
  io.use((socket, next) => {
    void handshake.admit(socket.handshake.auth, socket.handshake.address).then((result) => {
      if ('refused' in result) return next(handshakeRefusal(result.refused, result.lang));
      socket.data = { ...result.admitted, snapshots: requests.snapshotLine(socket) };
      next();
    });
  });
  io.on('connection', (socket: HubSocket) => {
    // A device's first connection ever is stored before it is answered.
    presence.arrived(socket.data.session);
    rooms.enter(socket, socket.data.session);
    if (socket.data.bridge !== null) bridges.connected(socket, socket.data.bridge);
    socket.on('disconnect', () => {
      presence.left(socket.data.session);
      bridges.left(socket);
    });
    requests.listen(socket);
  });

  recountQueueLengths(deps.db);
  scheduler.start();
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
      scheduler.stop();
      queue.flush();
      await reports.close();
      const closed = io.close();
      // Browsers keep HTTP connections open: end them now, or closing waits for each to time out.
      http.closeAllConnections();
      await closed;
    },
  };
}
