// Migrations on a fresh database file and on older ones, the refusal of a database from a newer version, and
// of a list of migrations whose versions do not run 1..n.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DatabaseTooNew, findDeviceByKey, listRecentCalls, openDatabase } from '../../hub/db/index';
import { MIGRATIONS, type Migration } from '../../hub/db/migrations/index';
import { applySeed } from '../../hub/seed';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-db-'));
  dirs.push(dir);
  return join(dir, 'antrian.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('creates every table STRICT, in WAL mode, with foreign keys and full sync, at the latest version', () => {
  const file = fresh();
  const { db, created } = openDatabase(file);
  expect(created).toBe(true);
  expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.pragma('synchronous', { simple: true })).toBe(2);
  const tables = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`).all() as {
    name: string;
    strict: number;
  }[];
  expect(tables.length).toBeGreaterThan(5);
  for (const t of tables) expect(t, t.name).toMatchObject({ strict: 1 });
  db.close();
  const again = openDatabase(file);
  expect(again.created).toBe(false);
  again.db.close();
});

it('keeps the event log append-only', () => {
  const { db } = openDatabase(fresh());
  db.prepare(`INSERT INTO events (at, type) VALUES ('2026-11-24T00:00:00Z', 'test')`).run();
  expect(() => db.prepare(`UPDATE events SET type = 'x'`).run()).toThrow(/append-only/);
  expect(() => db.prepare(`DELETE FROM events`).run()).toThrow(/append-only/);
  db.close();
});

it('refuses a database made by a newer version, leaving it untouched', () => {
  const file = fresh();
  const raw = new Database(file);
  raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  raw.close();
  expect(() => openDatabase(file)).toThrow(DatabaseTooNew);
  expect(() => openDatabase(file)).toThrow(/lebih baru/);
  const check = new Database(file);
  expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
  expect(check.prepare(`SELECT count(*) AS n FROM sqlite_master`).get()).toEqual({ n: 0 });
  check.close();
});

it('rolls back a failing migration whole', () => {
  const file = fresh();
  const failing = { version: MIGRATIONS.length + 1, name: 'half', up: 'CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM missing;' };
  expect(() => openDatabase(file, [...MIGRATIONS, failing])).toThrow(/missing/);
  const check = new Database(file);
  expect(check.pragma('user_version', { simple: true })).toBe(0);
  expect(check.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'`).get()).toEqual({ n: 0 });
  check.close();
});

it('brings a database of the previous version up to date, keeping its rows', () => {
  const file = fresh();
  const older = openDatabase(file, MIGRATIONS.slice(0, 3));
  older.db.exec(`INSERT INTO users (username, name, role, password_hash, created_at) VALUES ('hd1', 'Petugas 1', 'helpdesk', 'x', '2026-11-24T00:00:00Z')`);
  older.db.close();
  const { db } = openDatabase(file);
  expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  const columns = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
  expect(columns('cases')).toContain('withdrawn_at');
  expect(columns('tickets')).toContain('transferred_from');
  expect(columns('printer_faults')).toEqual(expect.arrayContaining(['closed_at', 'closed_by']));
  expect(db.prepare(`SELECT name FROM users`).all()).toEqual([{ name: 'Petugas 1' }]);
  db.close();
});

it('brings a version-3 office with duplicate names and counters numbered 0 up to date, keeping every reference', () => {
  const file = fresh();
  const older = openDatabase(file, MIGRATIONS.slice(0, 3));
  older.db.exec(`
    INSERT INTO users (username, name, role, password_hash, created_at) VALUES
      ('Rina', 'Rina A', 'helpdesk', 'x', '2026-01-01T00:00:00Z'), ('rina', 'Rina B', 'helpdesk', 'x', '2026-01-01T00:00:00Z');
    INSERT INTO counters (name, number) VALUES ('Helpdesk', 0), ('Konsultasi', 0), ('Loket 1', 1);
    INSERT INTO devices (name, kind, key, printer) VALUES ('Kiosk', 'kiosk', 'kunci-lama-kiosk-1', NULL), ('kiosk', 'display', 'kunci-lama-tv-0001', NULL);
    INSERT INTO tickets (office_day, number, service_code, priority, status, issued_at, queued_at, device_id, requester, request_id)
      VALUES ('2026-11-24', 'A-001', 'A', 0, 'waiting', 'x', 'x', 2, 'kiosk', 'r1');
    INSERT INTO events (at, type, ticket_id, device_id) VALUES ('x', 'ticket.issue', 1, 2);
    INSERT INTO printer_faults (device_id, ticket_id, code, message, at) VALUES (2, 1, 'PRINTER_UNREACHABLE', 'm', 'x');
  `);
  older.db.close();
  const { db } = openDatabase(file);
  expect(db.prepare('SELECT username FROM users ORDER BY id').all()).toEqual([{ username: 'Rina' }, { username: 'rina-2' }]);
  const numbers = (db.prepare('SELECT number FROM counters WHERE active = 1 ORDER BY id').all() as { number: number }[]).map((c) => c.number);
  expect(numbers[2]).toBe(1);
  expect(new Set(numbers).size).toBe(3);
  expect(numbers.every((n) => n >= 1 && n <= 999)).toBe(true);
  expect(db.prepare('SELECT id, name, kind FROM devices ORDER BY id').all()).toEqual([
    { id: 1, name: 'Kiosk', kind: 'kiosk' },
    { id: 2, name: 'kiosk-2', kind: 'display' },
  ]);
  expect(JSON.stringify(db.prepare('SELECT * FROM devices').all())).not.toContain('kunci-lama');
  // Hashed by the migration's own copy of the hashing: the devices still sign in with the keys they hold.
  expect(findDeviceByKey(db, 'kunci-lama-kiosk-1')?.id).toBe(1);
  expect(findDeviceByKey(db, 'kunci-lama-tv-0001')?.id).toBe(2);
  expect(db.prepare('SELECT device_id AS d FROM tickets').get()).toEqual({ d: 2 });
  expect(db.prepare('SELECT count(*) AS n FROM printer_faults WHERE device_id = 2').get()).toEqual({ n: 1 });
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
});

it('gives tickets of an older database no visitor code, while new codes stay unique', () => {
  const file = fresh();
  const older = openDatabase(file, MIGRATIONS.slice(0, 5));
  const insert = `INSERT INTO tickets (office_day, number, service_code, priority, status, issued_at, queued_at, requester, request_id)
    VALUES ('2026-11-24', ?, 'A', 0, 'done', '2026-11-24T01:00:00Z', '2026-11-24T01:00:00Z', 'device:1', ?)`;
  older.db.prepare(insert).run('A-001', 'r1');
  older.db.prepare(insert).run('A-002', 'r2');
  older.db.close();
  const { db } = openDatabase(file);
  // Two old tickets without a code are fine; two tickets with the same code are not.
  expect(db.prepare('SELECT number, visitor_code, surveyed FROM tickets ORDER BY id').all()).toEqual([
    { number: 'A-001', visitor_code: null, surveyed: 0 },
    { number: 'A-002', visitor_code: null, surveyed: 0 },
  ]);
  db.prepare("UPDATE tickets SET visitor_code = 'same' WHERE number = 'A-001'").run();
  expect(() => db.prepare("UPDATE tickets SET visitor_code = 'same' WHERE number = 'A-002'").run()).toThrow(/UNIQUE/);
  // An answer's values are 1–4, whatever a caller sends.
  expect(() =>
    db.prepare(`INSERT INTO survey_answers (office_day, service_code, via, u1, u2, u3, u4, u5, u6, u7, u8, u9)
      VALUES ('2026-11-24', 'A', 'phone', 5, 1, 1, 1, 1, 1, 1, 1, 1)`).run(),
  ).toThrow(/CHECK/);
  db.close();
});

it('refuses a list of migrations whose versions are out of order, repeated or missing, before touching the file', () => {
  const file = fresh();
  const [first, second, ...rest] = MIGRATIONS as [Migration, Migration, ...Migration[]];
  expect(() => openDatabase(file, [second, first, ...rest])).toThrow(/version 2 at place 1/);
  expect(() => openDatabase(file, [first, first, ...rest])).toThrow(/version 1 at place 2/);
  expect(() => openDatabase(file, [first, ...rest])).toThrow(/version 3 at place 2/);
  const check = new Database(file);
  expect(check.pragma('user_version', { simple: true })).toBe(0);
  check.close();
});

it('takes the intake values out of the event log of a version-6 database, keeping which fields changed, in form order, and the guard', () => {
  const file = fresh();
  const older = openDatabase(file, MIGRATIONS.slice(0, 6));
  const first = { visitorName: 'Siti Rahma', visitorType: 'ppk', visitorOrg: 'Dinas PUPR', visitorPhone: '0812-555-0101', visitorEmail: '', category: 'gangguan', title: 'Akun terkunci', description: '' };
  const second = { ...first, visitorEmail: 'siti@pupr.go.id', title: 'Akun terkunci setelah reset' };
  // Stored with its keys in another order than the form's; the fields changed are listed in the form's.
  const other = Object.fromEntries(Object.entries({ ...first, visitorName: 'Andi Wijaya', visitorPhone: '' }).reverse());
  older.db.exec(`
    INSERT INTO users (username, name, role, password_hash, created_at) VALUES ('hd1', 'Petugas 1', 'helpdesk', 'x', '2026-01-01T00:00:00Z');
    INSERT INTO cases (reference, status, owner_id, opened_by, opened_at, opened_day, updated_at, revision)
      VALUES ('K-2026-00001', 'open', 1, 1, 'x', '2026-01-05', 'x', 1), ('K-2026-00002', 'open', 1, 1, 'x', '2026-01-05', 'x', 1);
  `);
  const log = older.db.prepare(`INSERT INTO events (at, type, case_id, user_id, data) VALUES ('2026-01-05T02:00:00Z', ?, ?, 1, ?)`);
  log.run('case.open', 1, JSON.stringify({ note: 'A-001', reference: 'K-2026-00001' }));
  log.run('case.intake', 1, JSON.stringify({ note: first.title, intake: first }));
  log.run('case.intake', 2, JSON.stringify({ note: other.title, intake: other }));
  log.run('case.intake', 1, JSON.stringify({ note: second.title, intake: second }));
  older.db.close();

  const { db } = openDatabase(file);
  const rows = db.prepare('SELECT type, case_id AS caseId, data FROM events ORDER BY id').all() as { type: string; caseId: number; data: string }[];
  expect(rows.map((r) => [r.type, r.caseId, JSON.parse(r.data) as unknown])).toEqual([
    ['case.open', 1, { note: 'A-001', reference: 'K-2026-00001' }],
    ['case.intake', 1, { changed: ['visitorName', 'visitorType', 'visitorOrg', 'visitorPhone', 'category', 'title'] }],
    ['case.intake', 2, { changed: ['visitorName', 'visitorType', 'visitorOrg', 'category', 'title'] }],
    ['case.intake', 1, { changed: ['visitorEmail', 'title'] }],
  ]);
  const everything = JSON.stringify(rows);
  for (const value of ['Siti Rahma', 'Dinas PUPR', '0812-555-0101', 'siti@pupr.go.id', 'Andi Wijaya', 'Akun terkunci']) expect(everything).not.toContain(value);
  // The guard is back, as it was.
  expect(() => db.prepare(`UPDATE events SET data = '{}'`).run()).toThrow(/append-only/);
  expect(() => db.prepare(`DELETE FROM events`).run()).toThrow(/append-only/);
  db.close();
});

it('rebuilds a database older than version 7 once, so values overwritten before freed space was zeroed leave the file', () => {
  const file = fresh();
  openDatabase(file, MIGRATIONS.slice(0, 6)).db.close();
  // Written as a version-6 hub did: with freed space left as it was.
  const older = new Database(file);
  older.pragma('journal_mode = WAL');
  older.exec(`INSERT INTO users (username, name, role, password_hash, created_at) VALUES ('hd1', 'Petugas 1', 'helpdesk', 'x', '2026-01-01T00:00:00Z')`);
  const open = older.prepare(`INSERT INTO cases (reference, status, owner_id, opened_by, opened_at, opened_day, updated_at, revision)
    VALUES (?, 'open', 1, 1, 'x', '2026-01-05', 'x', 1)`);
  for (let i = 1; i <= 30; i++) open.run(`K-2026-${String(i).padStart(5, '0')}`);
  const save = older.prepare('UPDATE cases SET visitor_name = ?, visitor_phone = ?, revision = revision + 1 WHERE id = ?');
  for (let i = 0; i < 40; i++) save.run('Siti Rahmawati Rahasia', '0812-9999-1234', (i % 30) + 1);
  // The visitor's name and phone, corrected since: the values only linger in freed space.
  older.prepare(`UPDATE cases SET visitor_name = 'Budi', visitor_phone = ''`).run();
  older.close();
  const bytes = () => ['', '-wal'].map((end) => (existsSync(file + end) ? readFileSync(file + end).toString('latin1') : '')).join('');
  expect(bytes()).toContain('Siti Rahmawati Rahasia');

  const { db } = openDatabase(file);
  for (const value of ['Siti Rahmawati Rahasia', '0812-9999-1234']) expect(bytes(), value).not.toContain(value);
  expect(db.prepare('SELECT count(*) AS n FROM cases WHERE visitor_name = ?').get('Budi')).toEqual({ n: 30 });
  db.close();
});

it('fills a version-10 database’s tickets with their report facts, then keeps them in the ticket’s own transaction', () => {
  const file = fresh();
  const older = openDatabase(file, MIGRATIONS.slice(0, 10));
  older.db.transaction(() => applySeed(older.db, null, 'migration-admin-password', '2026-11-24T00:00:00.000Z')).immediate();
  older.db.exec(`INSERT INTO users (username, name, role, password_hash, created_at) VALUES ('cs1', 'Petugas 1', 'helpdesk', 'x', '2026-01-01T00:00:00Z')`);
  const officer = (older.db.prepare("SELECT id FROM users WHERE username = 'cs1'").get() as { id: number }).id;
  const ticket = older.db.prepare(`INSERT INTO tickets (office_day, number, service_code, priority, status, issued_at, queued_at, called_at,
      serving_at, finished_at, requester, request_id) VALUES ('2026-11-24', ?, 'A', 0, ?, '2026-11-24T01:00:00.000Z', '2026-11-24T01:00:00.000Z', ?, ?, ?, 'device:1', ?)`);
  const event = older.db.prepare(`INSERT INTO events (at, type, ticket_id, counter_id, user_id, data) VALUES ('2026-11-24T01:00:00.000Z', ?, ?, ?, ?, '{}')`);
  // Served after a transfer; the admin took the number for the visitor (not serving them), cs1 finished it.
  const served = Number(ticket.run('A-001', 'done', '2026-11-24T01:07:30.250Z', '2026-11-24T01:08:00.000Z', '2026-11-24T01:20:00.500Z', 'r1').lastInsertRowid);
  event.run('ticket.issue', served, 1, 1);
  event.run('ticket.transfer', served, 1, officer);
  event.run('ticket.finish', served, 1, officer);
  // Taken by the admin at the counter, then left waiting: no staff action, no times.
  const waiting = Number(ticket.run('A-002', 'waiting', null, null, null, 'r2').lastInsertRowid);
  event.run('ticket.issue', waiting, 1, 1);
  older.db.close();

  const { db } = openDatabase(file);
  const facts = (id: number) =>
    db.prepare('SELECT wait_ms, service_ms, transferred, last_staff_user_id, last_staff_counter_id FROM tickets WHERE id = ?').get(id) as object;
  expect(facts(served)).toEqual({ wait_ms: 450_250, service_ms: 720_500, transferred: 1, last_staff_user_id: officer, last_staff_counter_id: 1 });
  expect(facts(waiting)).toEqual({ wait_ms: null, service_ms: null, transferred: 0, last_staff_user_id: null, last_staff_counter_id: null });

  // Called, then cancelled by an officer at no counter; a rolled-back call changes nothing.
  db.transaction(() => {
    db.prepare("UPDATE tickets SET status = 'called', called_at = '2026-11-24T01:00:05.000Z' WHERE id = ?").run(waiting);
    db.prepare(`INSERT INTO events (at, type, ticket_id, counter_id, user_id, data) VALUES ('x', 'ticket.call', ?, 1, ?, '{}')`).run(waiting, officer);
  })();
  const afterCall = facts(waiting);
  expect(afterCall).toEqual({ wait_ms: 5000, service_ms: null, transferred: 0, last_staff_user_id: officer, last_staff_counter_id: 1 });
  expect(() =>
    db.transaction(() => {
      db.prepare("UPDATE tickets SET called_at = '2026-11-24T02:00:00.000Z' WHERE id = ?").run(waiting);
      throw new Error('rolled back');
    })(),
  ).toThrow('rolled back');
  expect(facts(waiting)).toEqual(afterCall);
  db.prepare(`INSERT INTO events (at, type, ticket_id, counter_id, user_id, data) VALUES ('x', 'ticket.cancel', ?, NULL, 1, '{}')`).run(waiting);
  expect(facts(waiting)).toEqual({ ...afterCall, last_staff_user_id: 1, last_staff_counter_id: null });
  db.close();
});

it('fills a version-11 database’s closed cases with their time to close, keeps it at every closing, and gives tickets their quarter hour of issue', () => {
  const file = fresh();
  const older = openDatabase(file, MIGRATIONS.slice(0, 11));
  older.db.transaction(() => applySeed(older.db, null, 'migration-admin-password', '2026-11-24T00:00:00.000Z')).immediate();
  const ticket = Number(
    older.db
      .prepare(`INSERT INTO tickets (office_day, number, service_code, priority, status, issued_at, queued_at, requester, request_id)
        VALUES ('2026-11-24', 'A-001', 'A', 0, 'waiting', '2026-11-24T01:47:59.999Z', '2026-11-24T01:47:59.999Z', 'device:1', 'r1')`)
      .run().lastInsertRowid,
  );
  const newCase = older.db.prepare(`INSERT INTO cases (reference, status, owner_id, opened_by, opened_at, opened_day, updated_at, closed_day, revision)
    VALUES (?, ?, 1, 1, '2026-11-24T01:00:00.000Z', '2026-11-24', '2026-11-24T01:00:00.000Z', ?, 1)`);
  const closing = older.db.prepare(`INSERT INTO events (at, type, case_id, user_id, data) VALUES (?, 'case.close', ?, 1, '{}')`);
  // Closed, reopened and closed again: its time to close runs to the last closing.
  const closedTwice = Number(newCase.run('K-1', 'closed', '2026-11-26').lastInsertRowid);
  closing.run('2026-11-25T01:00:00.000Z', closedTwice);
  closing.run('2026-11-26T03:30:00.250Z', closedTwice);
  const open = Number(newCase.run('K-2', 'open', null).lastInsertRowid);
  older.db.close();

  const { db } = openDatabase(file);
  const closeMs = (id: number) => (db.prepare('SELECT close_ms FROM cases WHERE id = ?').get(id) as { close_ms: number | null }).close_ms;
  expect(closeMs(closedTwice)).toBe(2 * 86_400_000 + 2.5 * 3_600_000 + 250);
  expect(closeMs(open)).toBeNull();
  // 01:47:59.999 UTC is the day's eighth quarter hour (01:45–02:00), counted from 0.
  expect(db.prepare('SELECT issued_quarter FROM tickets WHERE id = ?').get(ticket)).toEqual({ issued_quarter: 7 });

  db.transaction(() => {
    db.prepare("UPDATE cases SET status = 'closed', closed_day = '2026-11-24' WHERE id = ?").run(open);
    db.prepare(`INSERT INTO events (at, type, case_id, user_id, data) VALUES ('2026-11-24T01:10:00.000Z', 'case.close', ?, 1, '{}')`).run(open);
  })();
  expect(closeMs(open)).toBe(600_000);
  db.close();
});

it('brings a version-12 database to indexes without ticket events’ empty case nor waiting tickets’ empty counter, still used by every lookup', () => {
  const file = fresh();
  const older = openDatabase(file, MIGRATIONS.slice(0, 12));
  const insertTicket = `INSERT INTO tickets (office_day, number, service_code, priority, status, issued_at, queued_at, called_at,
      serving_at, finished_at, requester, request_id) VALUES ('2026-11-24', ?, 'A', 0, ?, '2026-11-24T01:00:00.000Z',
      '2026-11-24T01:00:00.000Z', ?, ?, ?, 'device:1', ?)`;
  older.db.prepare(insertTicket).run('A-001', 'waiting', null, null, null, 'r1');
  older.db.close();

  const { db } = openDatabase(file);
  const plan = (q: string) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(1) as { detail: string }[]).map((r) => r.detail).join(' | ');
  expect(plan("SELECT * FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')")).toContain('USING INDEX tickets_counter (counter_id=?');
  expect(plan("SELECT * FROM events WHERE case_id = ? AND type != 'case.open'")).toContain('USING INDEX events_case (case_id=?)');
  const partial = (index: string) => (db.prepare("SELECT sql FROM sqlite_schema WHERE name = ?").get(index) as { sql: string }).sql;
  expect(partial('tickets_counter')).toMatch(/WHERE counter_id IS NOT NULL$/);
  expect(partial('events_case')).toMatch(/WHERE case_id IS NOT NULL$/);
  // A ticket inserted already served still gets its report times from the insert trigger.
  const served = Number(db.prepare(insertTicket).run('A-002', 'done', '2026-11-24T01:05:00.000Z', '2026-11-24T01:06:00.000Z', '2026-11-24T01:16:00.000Z', 'r2').lastInsertRowid);
  expect(db.prepare('SELECT wait_ms, service_ms FROM tickets WHERE id = ?').get(served)).toEqual({ wait_ms: 300_000, service_ms: 600_000 });
  db.close();
});

it('brings a version-13 database to an events_type_at without the ticket events no lookup reads, still used by every lookup by type', () => {
  const file = fresh();
  openDatabase(file, MIGRATIONS.slice(0, 13)).db.close();

  const { db } = openDatabase(file);
  const partial = (db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'events_type_at'").get() as { sql: string }).sql;
  expect(partial).toMatch(/WHERE case_id IS NOT NULL OR type IN \('ticket\.call', 'ticket\.recall'\)$/);
  // The statement the waiting room's recent calls run, as prepared: calls read by type and time.
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((text: string) => (prepared.push(text), prepare(text))) as typeof db.prepare;
  listRecentCalls(db, '2026-11-24', 10);
  db.prepare = prepare;
  const plan = (q: string, params: unknown) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' | ');
  expect(plan(prepared[0] as string, { officeDay: '2026-11-24' })).toContain('SEARCH e USING INDEX events_type_at (type=? AND at>? AND at<?)');
  // The reports' case events in a period (hub/reports/figures.ts): the join on the case says it has one.
  const inPeriod = 'SELECT e.case_id FROM events e JOIN cases c ON c.id = e.case_id WHERE e.type = @type AND e.at >= @start AND e.at < @end';
  expect(plan(inPeriod, { type: 'case.escalate', start: '2026-11-01', end: '2026-12-01' })).toContain('USING INDEX events_type_at (type=? AND at>? AND at<?)');
  db.close();
});
