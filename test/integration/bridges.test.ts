// The printer-bridge relay on its own: a real Socket.IO server and real kiosk pages answering (or not) the
// prints relayed to them. Which kiosks can reprint changes only when a kiosk's first bridge comes or its last
// goes. The whole path from a staff reprint: test/integration/bridge-relay.test.ts.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectTo } from 'socket.io-client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TicketPrint } from '../../shared/domain/types';
import { Bridges } from '../../hub/core/bridges';
import type { HubServer, HubSocket } from '../../hub/core/sockets';
import type { ClientSocket } from '../helpers/clients';

const TICKET: TicketPrint = { officeName: 'LPSE Kota Batam', ticketNumber: 'A-012', serviceName: 'Gangguan', issuedAt: 'Selasa, 24 November 2026 09:15 WIB', aheadText: 'Antrian di depan Anda: 3' };
const TIMEOUT_MS = 300;

let http: HttpServer;
let io: HubServer;
let bridges: Bridges;
let changes: number;
const pages: ClientSocket[] = [];

beforeEach(async () => {
  changes = 0;
  bridges = new Bridges(() => changes++, TIMEOUT_MS);
  http = createServer();
  io = new Server(http, { serveClient: false });
  // Each page says which kiosk it is (the hub knows it from the device key) and is told when it counts.
  io.on('connection', (socket: HubSocket) => {
    bridges.connected(socket, Number((socket.handshake.auth as { kiosk: number }).kiosk));
    socket.on('disconnect', () => bridges.left(socket));
    socket.emit('admin', { users: [], counters: [], devices: [], backups: [] });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  for (const p of pages.splice(0)) p.close();
  await io.close();
});

/** A kiosk page whose bridge answers each print with `answer` (undefined: never answers). */
async function page(kiosk: number, answer?: (t: TicketPrint) => unknown): Promise<{ socket: ClientSocket; printed: TicketPrint[] }> {
  const socket: ClientSocket = connectTo(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { auth: { kiosk }, transports: ['websocket'], forceNew: true, reconnection: false });
  pages.push(socket);
  const printed: TicketPrint[] = [];
  socket.on('print:bridge', (ticket, ack) => {
    printed.push(ticket);
    if (answer) ack(answer(ticket) as never);
  });
  await new Promise((resolve) => socket.once('admin', resolve));
  return { socket, printed };
}

it('knows which kiosks have a bridge, and says so only when a kiosk’s first comes or its last goes', async () => {
  expect(bridges.relayTo(1)).toBeUndefined();
  const first = await page(1, () => ({ ok: true }));
  const second = await page(1, () => ({ ok: true }));
  await page(2, () => ({ ok: true }));
  expect(bridges.kiosks()).toEqual(new Set([1, 2]));
  expect(changes).toBe(2);
  first.socket.close();
  await expect.poll(() => io.of('/').sockets.size).toBe(2);
  expect(changes).toBe(2);
  expect(bridges.kiosks()).toEqual(new Set([1, 2]));
  second.socket.close();
  await expect.poll(() => bridges.kiosks()).toEqual(new Set([2]));
  expect(changes).toBe(3);
});

it('relays a print to the kiosk’s page and gives back its answer', async () => {
  const kiosk = await page(1, () => ({ ok: false, code: 'PRINTER_PAPER_OUT', message: 'Kertas habis' }));
  await page(2, () => ({ ok: true }));
  expect(await bridges.relayTo(1)?.(TICKET)).toEqual({ ok: false, code: 'PRINTER_PAPER_OUT', message: 'Kertas habis' });
  expect(kiosk.printed).toEqual([TICKET]);
});

it('takes an unreadable answer for an unreachable printer, and no answer for a timeout', async () => {
  await page(1, () => ({ printed: 'maybe' }));
  await page(2);
  expect(await bridges.relayTo(1)?.(TICKET)).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
  const asked = Date.now();
  expect(await bridges.relayTo(2)?.(TICKET)).toMatchObject({ ok: false, code: 'PRINTER_TIMEOUT', message: expect.stringContaining('0.3 s') });
  expect(Date.now() - asked).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
});
