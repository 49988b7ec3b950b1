// Every timer of the hub's own work, in one place: the office day's rollover (checked before every request
// too) with the retention job after it, the daily backup, the WAL checkpoint and the devices' presence write.
// Each writes through the storage guard: on an unwritable disk it waits for the probe, and the hub goes on.
import { officeDay } from '../../shared/domain/officeTime';
import type { HubTimers } from '../config';
import type { Change, HubDeps } from '../context';
import { expireEarlierDays } from '../dayRollover';
import { compact } from '../db/index';
import { blankExpiredPersonalData } from '../retention';

/** A backup is made when the newest is older than this, checked at start and every BACKUP_CHECK_MS. */
export const BACKUP_EVERY_MS = 86_400_000;
const BACKUP_CHECK_MS = 3_600_000;

export interface SchedulerHooks {
  /** A new office day began: the visitors' pages of earlier days are let go, whatever the disk. */
  dayBegan(today: string): void;
  /** What the rollover changed, for the screens. */
  publish(change: Change): void;
  /** Stores what is kept in memory between writes (the devices' presence). */
  writeMemory(): void;
}

export class Scheduler {
  private lastDay: string | null = null;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly deps: HubDeps,
    private readonly every: Pick<HubTimers, 'rolloverCheckMs' | 'checkpointMs' | 'presenceWriteMs'>,
    private readonly hooks: SchedulerHooks,
  ) {}

  /** Runs the day's jobs due now, then each on its timer. */
  start(): void {
    this.checkDay();
    this.deps.backups.backUpIfDue(BACKUP_EVERY_MS);
    const { storage } = this.deps;
    this.repeat(this.every.rolloverCheckMs, () => this.checkDay());
    this.repeat(BACKUP_CHECK_MS, () => this.deps.backups.backUpIfDue(BACKUP_EVERY_MS));
    // A passive checkpoint now and then keeps the WAL short, so little ever lives only in it.
    this.repeat(this.every.checkpointMs, () => storage.write('the WAL checkpoint', (db) => db.pragma('wal_checkpoint(PASSIVE)')));
    this.repeat(this.every.presenceWriteMs, () => this.hooks.writeMemory());
  }

  /** Stops the timers; what memory holds is written a last time. */
  stop(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    this.hooks.writeMemory();
  }

  /**
   * Tickets left waiting at the end of an office day expire, and screens learn of the new day: checked before
   * every request and on a timer, so a quiet night still ends with a clean morning. On an unwritable disk the
   * day turns over once writing resumes: the next request or check after it.
   */
  checkDay(): void {
    const today = officeDay(this.deps.clock(), this.deps.timeZone);
    if (today === this.lastDay) return;
    this.hooks.dayBegan(today);
    this.deps.storage.write('the day rollover', (db) => {
      const change = db.transaction(() => expireEarlierDays(this.deps, today)).immediate();
      const firstCheck = this.lastDay === null;
      this.lastDay = today;
      this.retention(today);
      if (!firstCheck || change.ticketIds?.length) this.hooks.publish({ ...change, waiting: true });
    });
  }

  /**
   * The retention job, apart from the queue's rollover: a failure (disk full, a locked file) is logged and the
   * queue keeps working; the job runs again at the next office day or start.
   */
  private retention(today: string): void {
    const { db, log, storage } = this.deps;
    try {
      // Blanked cases were closed long before today: no screen holds them, so nothing is broadcast.
      const blanked = db.transaction(() => blankExpiredPersonalData(this.deps, today)).immediate();
      if (!blanked.length) return;
      log(`retention: blanked the personal data of ${blanked.length} closed case(s)`);
      // The old values leave the free pages and the write-ahead log too, and so every later backup.
      compact(db);
    } catch (e) {
      storage.noticed(e, 'the retention job');
      log(`retention: failed, tried again at the next office day or start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private repeat(ms: number, job: () => void): void {
    const timer = setInterval(job, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
