// The bare stack the hub is measured against: the same libraries doing the same externally visible work
// and nothing more — one better-sqlite3 transaction (same pragmas, synchronous=FULL) that inserts the
// ticket and an event row, the ack, and a broadcast to every connected socket. Run as its own process
// (compiled by the bench, like the hub), it prints its URL.
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const file = process.argv[2];
if (!file) throw new Error('usage: baseline <database file>');
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.exec(`
  CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, number TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, ticket_id INTEGER REFERENCES tickets(id), type TEXT NOT NULL, at TEXT NOT NULL) STRICT;
`);
const insertTicket = db.prepare(`INSERT INTO tickets (number, status, at) VALUES (?, 'waiting', ?)`);
const insertEvent = db.prepare('INSERT INTO events (ticket_id, type, at) VALUES (?, ?, ?)');
const nextWaiting = db.prepare(`SELECT id, number FROM tickets WHERE status = 'waiting' ORDER BY id LIMIT 1`);
const markCalled = db.prepare(`UPDATE tickets SET status = 'called' WHERE id = ?`);
let seq = 0;

const issue = db.transaction(() => {
  const at = new Date().toISOString();
  const number = `A-${String(++seq).padStart(3, '0')}`;
  const id = Number(insertTicket.run(number, at).lastInsertRowid);
  insertEvent.run(id, 'ticket.issue', at);
  return { id, number };
});

const call = db.transaction(() => {
  const t = nextWaiting.get() as { id: number; number: string } | undefined;
  if (!t) return null;
  markCalled.run(t.id);
  insertEvent.run(t.id, 'ticket.call', new Date().toISOString());
  return t;
});

const http = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404);
  res.end();
});
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.emit('snapshot', { audience: 'display', epoch: 'bare', rev: 0 });
  socket.on('ticket:issue', (_payload: unknown, ack: (r: unknown) => void) => {
    const ticket = issue();
    ack({ ok: true, data: { ticket } });
    io.emit('patch', { audience: 'display', waiting: { A: seq } });
  });
  socket.on('ticket:callNext', (_payload: unknown, ack: (r: unknown) => void) => {
    const ticket = call();
    ack(ticket ? { ok: true, data: ticket } : { ok: false, error: { code: 'QUEUE_EMPTY' } });
    if (ticket) io.emit('patch', { audience: 'display', calls: [{ ticketNumber: ticket.number }] });
  });
});
http.listen(0, '127.0.0.1', () => console.log(`baseline: http://127.0.0.1:${(http.address() as AddressInfo).port}`));
