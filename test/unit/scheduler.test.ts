// The scheduler on its own, against a real database and backups folder: the day's rollover at start and when
// the office day turns (phones of earlier days let go whatever the disk; tickets expired once it takes
// writes), the daily backup when none is recent, and each job on its timer. The retention job after the
// rollover: test/integration/retention-job.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Backups, BACKUPS_KEPT } from '../../hub/backup';
import type { Change, HubDeps } from '../../hub/context';
import { Scheduler, type SchedulerHooks } from '../../hub/core/scheduler';
import { insertTicket, openDatabase } from '../../hub/db/index';
import { NumberBlocks } from '../../hub/numberBlocks';
import { Storage } from '../../hub/storage';
import { FakeClock } from '../helpers/hub';

/** 08:00 WIB on Tuesday 24 November 2026. */
const clock = new FakeClock(Date.parse('2026-11-24T01:00:00.000Z'));
const HOUR = 3_600_000;
let dir: string;
let storage: Storage;
let deps: HubDeps;
let journal: { began: string[]; published: Change[]; memoryWrites: number };
let scheduler: Scheduler | undefined;

beforeEach(() => {
  clock.set('2026-11-24T01:00:00.000Z');
  dir = mkdtempSync(join(tmpdir(), 'antrian-scheduler-'));
  storage = new Storage(openDatabase(join(dir, 'antrian.sqlite')).db, { probeMs: HOUR, log: () => undefined });
  const backups = new Backups(() => storage.hold(), { dir: join(dir, 'backups'), keep: BACKUPS_KEPT, clock: clock.now, log: () => undefined });
  deps = {
    get db() {
      return storage.db;
    },
    storage,
    clock: clock.now,
    timeZone: 'Asia/Jakarta',
    log: () => undefined,
    backups,
    numbers: new NumberBlocks(dir),
    printer: async () => undefined,
    passwordCost: 1024,
  };
  journal = { began: [], published: [], memoryWrites: 0 };
});
afterEach(async () => {
  scheduler?.stop();
  scheduler = undefined;
  await deps.backups.stop();
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const hooks: SchedulerHooks = {
  dayBegan: (today) => journal.began.push(today),
  publish: (change) => journal.published.push(change),
  writeMemory: () => journal.memoryWrites++,
};
const every = { rolloverCheckMs: HOUR, checkpointMs: HOUR, presenceWriteMs: HOUR };

function waitingTicket(officeDay: string, number: string): number {
  const at = clock.now().toISOString();
  const ticket = { officeDay, number, serviceCode: 'A', priority: false, status: 'waiting' as const, issuedAt: at, queuedAt: at, calledAt: null, servingAt: null, finishedAt: null, counterId: null, targetCounterId: null, recallCount: 0, deviceId: null, transferredFrom: null };
  return insertTicket(storage.db, ticket, 'kiosk:1', `req-${number}`, `code-${number}`);
}
const status = (id: number) => storage.db.prepare('SELECT status FROM tickets WHERE id = ?').pluck().get(id);

it('at start expires what earlier days left waiting, tells the screens, and backs up when no backup is recent', async () => {
  const yesterday = waitingTicket('2026-11-23', 'A-007');
  scheduler = new Scheduler(deps, every, hooks);
  scheduler.start();
  expect(status(yesterday)).toBe('expired');
  expect(journal.began).toEqual(['2026-11-24']);
  expect(journal.published).toEqual([{ ticketIds: [yesterday], counterIds: [], caseIds: [], waiting: true }]);
  await deps.backups.stop();
  expect(deps.backups.list()).toHaveLength(1);

  // Started again the same day: nothing to expire, nothing to tell, and the backup is recent.
  scheduler.stop();
  journal.published = [];
  scheduler = new Scheduler(deps, every, hooks);
  scheduler.start();
  await deps.backups.stop();
  expect(journal.published).toEqual([]);
  expect(deps.backups.list()).toHaveLength(1);
});

it('turns the day once per office day, checked as often as asked', () => {
  scheduler = new Scheduler(deps, every, hooks);
  scheduler.start();
  const today = waitingTicket('2026-11-24', 'A-001');
  scheduler.checkDay();
  expect(journal.began).toEqual(['2026-11-24']);
  // 00:30 WIB on Wednesday: the office day has turned.
  clock.set('2026-11-24T17:30:00.000Z');
  scheduler.checkDay();
  scheduler.checkDay();
  expect(journal.began).toEqual(['2026-11-24', '2026-11-25']);
  expect(status(today)).toBe('expired');
  // Screens learn of the new day even when nothing expired.
  expect(journal.published.at(-1)).toMatchObject({ ticketIds: [today], waiting: true });
});

it('on an unwritable disk lets the phones go at midnight, and turns the day once the disk takes writes', () => {
  scheduler = new Scheduler(deps, every, hooks);
  scheduler.start();
  const left = waitingTicket('2026-11-24', 'A-001');
  storage.noticed(Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' }), 'a test');
  clock.set('2026-11-24T17:30:00.000Z');
  scheduler.checkDay();
  expect(journal.began.at(-1)).toBe('2026-11-25');
  expect(status(left)).toBe('waiting');
  storage.probe();
  scheduler.checkDay();
  expect(status(left)).toBe('expired');
});

it('runs each job on its timer, and writes what memory holds a last time at the stop', async () => {
  scheduler = new Scheduler(deps, { rolloverCheckMs: 20, checkpointMs: 20, presenceWriteMs: 20 }, hooks);
  scheduler.start();
  await expect.poll(() => journal.memoryWrites).toBeGreaterThan(1);
  const left = waitingTicket('2026-11-24', 'A-001');
  clock.set('2026-11-24T17:30:00.000Z');
  await expect.poll(() => status(left)).toBe('expired');
  const before = journal.memoryWrites;
  scheduler.stop();
  expect(journal.memoryWrites).toBe(before + 1);
});
