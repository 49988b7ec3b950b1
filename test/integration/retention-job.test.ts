// The retention job on real files: a run that blanks something leaves none of the old values in the database
// file or its write-ahead log, even copies written before freed space was zeroed; and a job that fails (a full
// disk) is logged and tried again the next office day, while the queue keeps working.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { closedCaseOfNewVisit } from '../helpers/cases';
import { connect, requestId, signIn } from '../helpers/clients';
import { FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

const SECRET = { visitorName: 'Siti Rahmawati Rahasia', visitorPhone: '0812-9999-1234' };
const hubs: TestHub[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hubs.splice(0)) await h.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A hub on a new folder whose one case, with SECRET's visitor, was closed on Friday 10 January 2025. */
async function folderWithOldCase(): Promise<{ dataDir: string; clock: FakeClock; caseId: number }> {
  const clock = new FakeClock(Date.parse('2025-01-10T01:00:00.000Z'));
  const dataDir = mkdtempSync(join(tmpdir(), 'antrian-retention-'));
  dirs.push(dataDir);
  const hub = await startTestHub({ clock, dataDir });
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
  await hd1.ok('counter:open', { counterId: 1 });
  const closed = await closedCaseOfNewVisit(kiosk, hd1, 1, SECRET);
  // A ticket left waiting at the end of the day: the queue's rollover expires it.
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  kiosk.close();
  hd1.close();
  await hub.stop();
  return { dataDir, clock, caseId: closed.id };
}

const fileBytes = (dataDir: string) =>
  ['antrian.sqlite', 'antrian.sqlite-wal']
    .map((f) => join(dataDir, f))
    .map((f) => (existsSync(f) ? readFileSync(f).toString('latin1') : ''))
    .join('');

const nameOf = (hub: TestHub, caseId: number) => hub.db.prepare('SELECT visitor_name AS name FROM cases WHERE id = ?').get(caseId);

it('leaves no blanked value in the file or its log, even copies written before freed space was zeroed', async () => {
  const { dataDir, clock, caseId } = await folderWithOldCase();
  // A table rebuilt as by a migration of a hub without secure_delete: copies of the row left in free pages.
  const raw = new Database(join(dataDir, 'antrian.sqlite'));
  raw.exec('CREATE TABLE cases_rebuilt AS SELECT * FROM cases; DROP TABLE cases_rebuilt;');
  raw.close();
  expect(fileBytes(dataDir)).toContain(SECRET.visitorName);

  // Sunday 11 January 2026: the case's 365 days are over when the hub starts.
  clock.set('2026-01-11T01:00:00.000Z');
  const hub = await startTestHub({ clock, dataDir, seed: undefined });
  hubs.push(hub);
  expect(nameOf(hub, caseId)).toEqual({ name: '' });
  for (const value of Object.values(SECRET)) expect(fileBytes(dataDir), value).not.toContain(value);
});

it('logs a failing retention job and keeps the queue working, and tries again the next office day', async () => {
  const { dataDir, clock, caseId } = await folderWithOldCase();
  // A full disk, as SQLite reports it, for the blanking only.
  const raw = new Database(join(dataDir, 'antrian.sqlite'));
  raw.exec(`CREATE TRIGGER disk_full BEFORE UPDATE OF visitor_name ON cases WHEN NEW.visitor_name = ''
    BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
  raw.close();

  clock.set('2026-01-11T01:00:00.000Z');
  const hub = await startTestHub({ clock, dataDir, seed: undefined });
  hubs.push(hub);
  expect(hub.logs.filter((l) => l.startsWith('retention:'))).toEqual([
    'retention: failed, tried again at the next office day or start: database or disk is full',
  ]);
  expect(nameOf(hub, caseId)).toEqual({ name: SECRET.visitorName });
  // The queue's day ended as usual: yesterday's waiting ticket expired, and today's kiosk gives numbers.
  expect(hub.db.prepare("SELECT count(*) AS n FROM tickets WHERE status = 'waiting'").get()).toEqual({ n: 0 });
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const { ticket } = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  expect(ticket).toMatchObject({ number: 'A-001', status: 'waiting' });
  // Requests later the same day do not run the job again.
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  expect(hub.logs.filter((l) => l.startsWith('retention:'))).toHaveLength(1);

  // The disk has room again; the next office day's first request blanks the case.
  hub.db.exec('DROP TRIGGER disk_full');
  clock.set('2026-01-12T01:00:00.000Z');
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  expect(nameOf(hub, caseId)).toEqual({ name: '' });
  // The start-up backup, written meanwhile, logs too: only the job's own lines are read.
  expect(hub.logs.filter((l) => l.startsWith('retention:'))).toEqual([
    'retention: failed, tried again at the next office day or start: database or disk is full',
    'retention: blanked the personal data of 1 closed case(s)',
  ]);
  kiosk.close();
});
