// Rooms and broadcast on their own: a real Socket.IO server and real clients, with audiences that say what
// they were asked. A socket enters its session's room with that audience's snapshot; a change reaches only
// the rooms it concerns; the admin view is built only while an admin is connected to receive it.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AdminView } from '../../shared/domain/types';
import type { Patch, Snapshot } from '../../shared/protocol/events';
import type { Session } from '../../hub/context';
import { Rooms, type AudienceViews } from '../../hub/core/rooms';
import type { HubServer, HubSocket } from '../../hub/core/sockets';
import { connect, type TestClient } from '../helpers/clients';

const device = (id: number, kind: 'kiosk' | 'display' | 'survey', counterId: number | null = null) => ({ id, name: `${kind} ${id}`, kind, printer: null, counterId, active: true, lastSeenAt: null });
const staff = (role: 'helpdesk' | 'admin', passwordChangeRequired = false): Session => ({ kind: 'staff', tokenHash: role, user: { id: role === 'admin' ? 1 : 2, username: role, name: role, role }, passwordChangeRequired });
/** The session each test client asks for by name in its handshake. */
const SESSIONS: Record<string, Session> = {
  display: { kind: 'display', device: null },
  kiosk: { kind: 'kiosk', device: device(1, 'kiosk') },
  helpdesk: staff('helpdesk'),
  admin: staff('admin'),
  temporary: staff('admin', true),
  visitor: { kind: 'visitor', ticketId: 7, officeDay: '2026-11-24' },
  survey: { kind: 'survey', device: device(2, 'survey', 3) },
};

let http: HttpServer;
let io: HubServer;
let rooms: Rooms;
let url: string;
let asked: string[];
let adminViews: number;
const clients: TestClient[] = [];

const AUDIENCES = ['display', 'kiosk', 'staff'] as const;
const VIEW: AdminView = { users: [], counters: [], devices: [], backups: [] };
const isAdmin = (session: Session) => session.kind === 'staff' && !session.passwordChangeRequired && session.user.role === 'admin';
/** The room a session listens in, as the audiences name it (hub/audiences/rooms.ts). */
function roomOf(session: Session): string {
  if (session.kind === 'staff' && session.passwordChangeRequired) return 'password';
  if (session.kind === 'visitor') return `visitor:${session.ticketId}`;
  if (session.kind === 'survey') return `survey:${session.device.counterId ?? 0}`;
  return session.kind;
}

/**
 * Audiences that answer with what they were asked: a patch per audience named in `ticketIds`' order, the
 * phone's room's patch for a personal change, the admin view whenever a change concerns it.
 */
const views: AudienceViews = {
  join: (session) => [roomOf(session), ...(isAdmin(session) ? ['admin'] : [])],
  forget: (room) => asked.push(`forget ${room}`),
  snapshot: (session) => ({ audience: roomOf(session), rev: 0 }) as unknown as Snapshot,
  adminSnapshot: (session) => (isAdmin(session) ? VIEW : undefined),
  patches: (change) => [
    ...(change.ticketIds ?? []).map((id) => ({ room: AUDIENCES[id] as string, patch: { audience: AUDIENCES[id], rev: 1 } as unknown as Patch })),
    ...(change.personal ? [{ room: 'visitor:7', patch: { audience: 'visitor', rev: 1 } as unknown as Patch }] : []),
  ],
  resyncRooms: (change) => [...(change.resync ?? [])],
  adminPatch: (change) => {
    if (!change.admin) return undefined;
    adminViews++;
    return { room: 'admin', view: VIEW };
  },
};

beforeEach(async () => {
  asked = [];
  adminViews = 0;
  http = createServer();
  io = new Server(http, { serveClient: false });
  rooms = new Rooms(io, views);
  io.use((socket, next) => {
    socket.data = { session: SESSIONS[(socket.handshake.auth as { as: string }).as] as Session } as HubSocket['data'];
    next();
  });
  io.on('connection', (socket) => rooms.enter(socket, socket.data.session));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await io.close();
});

async function as(name: keyof typeof SESSIONS): Promise<TestClient> {
  const client = await connect(url, { as: name } as never);
  clients.push(client);
  return client;
}
it('puts each socket in its session’s room with that audience’s snapshot', async () => {
  for (const name of ['display', 'kiosk', 'helpdesk', 'temporary', 'visitor', 'survey'] as const) {
    const client = await as(name);
    expect(client.snapshots.map((s) => s.audience)).toEqual([roomOf(SESSIONS[name] as Session)]);
  }
  // The admins' room besides the staff room, for an admin only.
  await as('admin');
  expect([...(io.of('/').adapter.rooms.get('admin') ?? [])]).toHaveLength(1);
});

it('sends each patch to its audience’s room only, and a resync’s snapshot to every socket of that audience', async () => {
  const [display, kiosk, helpdesk, visitor] = [await as('display'), await as('kiosk'), await as('helpdesk'), await as('visitor')];
  asked = [];
  rooms.broadcast({ ticketIds: [2], resync: ['display'] });
  // The staff patch went to staff only; everyone then hears the patch to all three audiences.
  rooms.broadcast({ ticketIds: [0, 1, 2], personal: true });
  await helpdesk.waitForPatch(() => helpdesk.patches.length === 2);
  await display.waitForPatch(() => display.patches.length === 1);
  await kiosk.waitForPatch(() => kiosk.patches.length === 1);
  expect(helpdesk.patches.map((p) => p.audience)).toEqual(['staff', 'staff']);
  expect(display.patches.map((p) => p.audience)).toEqual(['display']);
  expect(kiosk.patches.map((p) => p.audience)).toEqual(['kiosk']);
  // The resync: a fresh snapshot for the display, arrived before the later patch; none for the others.
  expect(display.snapshots).toHaveLength(2);
  expect(kiosk.snapshots).toHaveLength(1);
  // The phone's room got its own patch, for the change that concerned it only.
  await visitor.waitForPatch(() => visitor.patches.length === 1);
  expect(visitor.patches.map((p) => p.audience)).toEqual(['visitor']);
});

it('sends the admin view to admins only, and a device coming or going sends nothing else', async () => {
  const helpdesk = await as('helpdesk');
  const temporary = await as('temporary');
  const admin = await as('admin');
  expect(admin.adminViews).toHaveLength(1);
  rooms.broadcast({ admin: true });
  rooms.adminChanged();
  await expect.poll(() => admin.adminViews.length).toBe(3);
  expect(adminViews).toBe(2);
  expect(helpdesk.adminViews).toHaveLength(0);
  expect(temporary.adminViews).toHaveLength(0);
  // Only the admin view: no patch, no snapshot for anyone.
  for (const c of [helpdesk, temporary, admin]) {
    expect(c.patches).toHaveLength(0);
    expect(c.snapshots).toHaveLength(1);
  }
});

it('moves a socket to its new session’s room, out of the old one', async () => {
  const client = await as('display');
  const socket = [...io.of('/').sockets.values()][0] as HubSocket;
  rooms.enter(socket, SESSIONS.admin as Session);
  await expect.poll(() => client.adminViews.length).toBe(1);
  expect(client.snapshots.map((s) => s.audience)).toEqual(['display', 'staff']);
  expect(rooms.socketsOf((s) => s.kind === 'staff')).toEqual([socket]);
  rooms.broadcast({ ticketIds: [0, 2] });
  await client.waitForPatch(() => true);
  expect(client.patches.map((p) => p.audience)).toEqual(['staff']);
});

it('lets the audiences forget a personal room once its last socket has gone', async () => {
  const visitor = await as('visitor');
  visitor.close();
  await expect.poll(() => asked).toContain('forget visitor:7');
});
