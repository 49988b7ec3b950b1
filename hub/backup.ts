// Online backups of the live database (SQLite's backup API: consistent while the hub keeps serving),
// daily by default, keeping the newest few; databases a restore set aside age out with them.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupInfo } from '../shared/domain/types';
import type { Db } from './db/index';

const PATTERN = /^antrian-(\d{8}T\d{6}Z)\.sqlite$/;

/** How many daily backups are kept. */
export const BACKUPS_KEPT = 14;

export async function backupNow(db: Db, dir: string, now: Date, keep: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = join(dir, `antrian-${stamp}.sqlite`);
  await db.backup(file);
  const backups = readdirSync(dir).filter((f) => PATTERN.test(f)).sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) {
    // A backup opened since (to check or restore it) may have grown WAL companions.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, old + suffix), { force: true });
  }
  ageOutReplaced(dirname(dir), backups, keep);
  return file;
}

const REPLACED = /^replaced-(\d{8}T\d{6}Z)$/;

/**
 * A database a restore set aside (`replaced-<time>/` in the data folder, see restore.ts) holds personal data
 * the retention job never blanks: it goes once `keep` backups newer than it exist, as a backup of its time would.
 */
function ageOutReplaced(dataDir: string, backups: string[], keep: number): void {
  for (const name of readdirSync(dataDir)) {
    const stamp = REPLACED.exec(name)?.[1];
    if (!stamp) continue;
    const newer = backups.filter((b) => (PATTERN.exec(b)?.[1] ?? '') > stamp).length;
    if (newer >= keep) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
}

/** The newest backup's time, or null. Names sort by time. */
export function lastBackupAt(dir: string): Date | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => PATTERN.test(f)).sort();
  } catch {
    return null;
  }
  const stamp = PATTERN.exec(names[names.length - 1] ?? '')?.[1];
  return stamp ? new Date(stampToIso(stamp)) : null;
}

function stampToIso(stamp: string): string {
  return stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6.000Z');
}

export interface BackupSchedule {
  stop(): void;
}

/** Backs up when the newest backup is older than `everyMs`, checking hourly. */
export function scheduleBackups(
  /** The current connection, read at each backup (a storage fault swaps it). */
  db: () => Db,
  opts: { dir: string; everyMs: number; keep: number; clock: () => Date; log: (l: string) => void },
): BackupSchedule {
  let running = false;
  const check = () => {
    const last = lastBackupAt(opts.dir);
    const now = opts.clock();
    if (running || (last && now.getTime() - last.getTime() < opts.everyMs)) return;
    running = true;
    backupNow(db(), opts.dir, now, opts.keep)
      .then((file) => opts.log(`Cadangan dibuat / backup written: ${file}`))
      .catch((e: unknown) => opts.log(`Cadangan gagal / backup failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        running = false;
      });
  };
  check();
  const timer = setInterval(check, 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => PATTERN.test(f));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .map((file) => ({ file, at: stampToIso(PATTERN.exec(file)?.[1] ?? ''), bytes: statSync(join(dir, file)).size }));
}
