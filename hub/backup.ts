// Online backups of the live database (SQLite's backup API: consistent while the hub keeps serving),
// daily by default, keeping the newest few; databases a restore set aside age out with them.
//
// A backup is written under a temporary name no listing matches, checked, flushed to disk and only then
// renamed into place, so a listed backup is always whole; a hub killed mid-way leaves only the temporary
// file, removed at the next start. One backup runs at a time: whoever asks while one runs gets that one.
// See docs/backup.md.
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupInfo } from '../shared/domain/types';
import type { Db } from './db/index';
import type { HeldConnection } from './storage';

/**
 * `antrian-20261126T020000.123Z.sqlite`, `-2` before `.sqlite` for a second one in the same millisecond;
 * names of older versions have no milliseconds (`antrian-20261126T020000Z.sqlite`).
 */
const PATTERN = /^antrian-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.(\d{3}))?Z(?:-(\d+))?\.sqlite$/;
/** Added to a backup's name while it is written. */
const PARTIAL = '.partial';
/** SQLite's companions of a database file. */
const COMPANIONS = ['-journal', '-wal', '-shm'];

/** How many daily backups are kept. */
export const BACKUPS_KEPT = 14;

interface Named {
  file: string;
  ms: number;
  count: number;
}

function parse(file: string): Named | null {
  const m = PATTERN.exec(file);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, count] = m;
  return { file, ms: Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms ?? '000'}Z`), count: Number(count ?? 1) };
}

/** The backups in `dir`, oldest first. */
function backupsIn(dir: string): Named[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map(parse)
    .filter((b): b is Named => b !== null)
    .sort((a, b) => a.ms - b.ms || a.count - b.count);
}

function removeWithCompanions(file: string): void {
  for (const suffix of ['', ...COMPANIONS]) rmSync(file + suffix, { force: true });
}

/**
 * What a backup cut off (a SIGKILL, a power cut) leaves: its temporary file, SQLite's journal of it, and,
 * from versions that wrote under the final name, an empty backup or one with a journal beside it.
 */
function removePartial(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const partial = names.filter(
    (f) =>
      f.includes(PARTIAL) ||
      f.endsWith('-journal') ||
      (parse(f) !== null && (names.includes(`${f}-journal`) || statSync(join(dir, f)).size === 0)),
  );
  for (const f of partial) rmSync(join(dir, f), { force: true });
  return partial;
}

const REPLACED = /^replaced-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * A database a restore set aside (`replaced-<time>/` in the data folder, see restore.ts) holds personal data
 * the retention job never blanks: it goes once `keep` backups newer than it exist, as a backup of its time would.
 */
function ageOutReplaced(dataDir: string, backups: Named[], keep: number): void {
  for (const name of readdirSync(dataDir)) {
    const m = REPLACED.exec(name);
    if (!m) continue;
    const at = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
    if (backups.filter((b) => b.ms > at).length >= keep) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
}

/** Flushes a file, or a folder's entries (a rename), to disk. Windows cannot flush a folder, and need not. */
function flush(path: string, folder = false): void {
  if (folder && process.platform === 'win32') return;
  // Windows flushes only a file open for writing.
  const fd = openSync(path, folder ? 'r' : 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The copy opens on its own, is sound, and is the live database's schema. */
function check(file: string, db: Db): void {
  const tables = (d: Database.Database) =>
    (d.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).join(',');
  // Read-write, though nothing is written: the last connection to close removes the WAL files it opened.
  const copy = new Database(file, { fileMustExist: true });
  try {
    const integrity = copy.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the copy is damaged: ${String(integrity)}`);
    const version = copy.pragma('user_version', { simple: true });
    const live = db.pragma('user_version', { simple: true });
    if (version !== live) throw new Error(`the copy has schema ${String(version)}, the live database ${String(live)}`);
    if (tables(copy) !== tables(db)) throw new Error(`the copy's tables (${tables(copy)}) are not the live database's`);
  } finally {
    copy.close();
  }
}

export interface BackupOptions {
  dir: string;
  keep: number;
  clock: () => Date;
  log: (line: string) => void;
}

/** A hub's backups: the scheduled ones and those an admin asks for, one at a time. */
export class Backups {
  readonly dir: string;
  private running: Promise<BackupInfo> | null = null;

  /** Removes what a backup cut off by the last run left, before anything can be written. */
  constructor(
    /** The current connection, held for each backup (a storage fault may swap it meanwhile). */
    private readonly connection: () => HeldConnection,
    private readonly options: BackupOptions,
  ) {
    this.dir = options.dir;
    try {
      const removed = removePartial(this.dir);
      if (removed.length) options.log(`Sisa cadangan yang terputus dihapus / removed what an unfinished backup left: ${removed.join(', ')}`);
    } catch (e) {
      options.log(`Sisa cadangan tidak dapat dihapus / could not remove an unfinished backup: ${message(e)}`);
    }
  }

  /** Backs up now, or, while a backup runs, answers with that one. Rejects when it cannot be written whole. */
  now(): Promise<BackupInfo> {
    this.running ??= this.write().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Backs up when the newest backup is older than `everyMs` (hub/core/scheduler.ts asks hourly); a failure is logged and tried at the next ask. */
  backUpIfDue(everyMs: number): void {
    const last = lastBackupAt(this.dir);
    if (last && this.options.clock().getTime() - last.getTime() < everyMs) return;
    // Logged where it is written.
    this.now().catch(() => undefined);
  }

  /** The backups written so far, newest first. */
  list(): BackupInfo[] {
    return listBackups(this.dir);
  }

  /** Waits for a backup that runs, so the database is not closed under it. */
  async stop(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async write(): Promise<BackupInfo> {
    const { dir, keep, clock, log } = this.options;
    const stamp = clock().toISOString().replace(/[-:]/g, '');
    let partial = '';
    let name = `antrian-${stamp}.sqlite`;
    const held = this.connection();
    try {
      mkdirSync(dir, { recursive: true });
      const taken = new Set(readdirSync(dir));
      for (let n = 2; taken.has(name); n++) name = `antrian-${stamp}-${n}.sqlite`;
      partial = join(dir, name + PARTIAL);
      removeWithCompanions(partial);
      await held.db.backup(partial);
      check(partial, held.db);
      flush(partial);
      renameSync(partial, join(dir, name));
      flush(dir, true);
    } catch (e) {
      if (partial) removeWithCompanions(partial);
      log(`Cadangan gagal / backup failed: ${message(e)}`);
      throw e;
    } finally {
      held.release();
    }
    log(`Cadangan dibuat / backup written: ${join(dir, name)}`);
    // The backup is made whatever happens here; what is not removed now goes after a later backup.
    try {
      const backups = backupsIn(dir);
      for (const old of backups.slice(0, Math.max(0, backups.length - keep))) {
        // A backup opened since (to check or restore it) may have grown WAL companions.
        removeWithCompanions(join(dir, old.file));
      }
      ageOutReplaced(dirname(dir), backups, keep);
    } catch (e) {
      log(`Cadangan lama tidak dapat dihapus / could not remove old backups: ${message(e)}`);
    }
    return info(dir, parse(name) as Named);
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function info(dir: string, b: Named): BackupInfo {
  return { file: b.file, at: new Date(b.ms).toISOString(), bytes: statSync(join(dir, b.file)).size };
}

/** The newest backup's time, or null. */
export function lastBackupAt(dir: string): Date | null {
  const newest = backupsIn(dir).at(-1);
  return newest ? new Date(newest.ms) : null;
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  return backupsIn(dir)
    .reverse()
    .map((b) => info(dir, b));
}
