// The data folder belongs to one hub at a time, and remembers that it has held a database.
//
// - The lock is an SQLite file held in `locking_mode=EXCLUSIVE`: an operating-system lock that dies with
//   the process (a SIGKILLed hub restarts at once), never a PID file that a crash leaves behind.
// - The same file records whether the last run ended cleanly, so the integrity check and the skip past
//   reserved ticket numbers run only after a crash or a restore.
// - The install marker (`antrian.installed`) is written once a database has been created: from then on a
//   missing or emptied database stops the hub with how to restore, instead of a silent fresh install.
// - The restore's journal (`antrian.restore.json`) is there while a restore is unfinished: the hub does not
//   start until the same restore command has been run again to finish it.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

/** The database in the data folder. */
export const DATABASE_FILE = 'antrian.sqlite';
const LOCK_FILE = 'antrian.lock';
const MARKER_FILE = 'antrian.installed';

/** Writes a small file so that it is whole and on disk when this returns, even across a power cut. */
export function writeDurably(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncToDisk(dirname(file));
}

/** Makes a file's contents, or a folder's entries (files created, renamed or removed in it), durable. */
export function syncToDisk(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class DataFolderInUse extends Error {
  constructor(readonly dir: string) {
    super(
      `Folder data ${dir} sedang dipakai oleh hub lain; hanya satu hub per folder data. ` +
        `/ The data folder ${dir} is in use by another hub; only one hub may use a data folder.`,
    );
  }
}

const LOST_REASONS = {
  missing: { id: 'berkas basis datanya tidak ada', en: 'its database file is missing' },
  empty: { id: 'basis datanya kosong (mis. berkas -wal terhapus)', en: 'its database is empty (a deleted -wal file, say)' },
  damaged: { id: 'basis datanya rusak', en: 'its database is damaged' },
} as const;

/** A folder that has held a database has none, an empty or a damaged one: never treated as a new install. */
export class DatabaseLost extends Error {
  constructor(
    readonly dir: string,
    readonly reason: keyof typeof LOST_REASONS,
  ) {
    const why = LOST_REASONS[reason];
    const backups = join(dir, 'backups');
    super(
      `Folder data ${dir} pernah berisi basis data Antrian LPSE, tetapi ${why.id}. Hub tidak dimulai sebagai ` +
        `instalasi baru agar tidak ada nomor antrian yang terulang. Pulihkan cadangan terakhir dengan ` +
        `\`npm run restore\` (cadangan ada di ${backups}). / The data folder ${dir} has held a database, but ` +
        `${why.en}. The hub does not start as a new install, so that no ticket number is given out twice. ` +
        `Restore the latest backup with \`npm run restore\` (backups are in ${backups}).`,
    );
  }
}

/** What an unfinished restore has done so far (written by restore.ts, see there). */
export interface RestoreJournal {
  /** The backup being restored, as an absolute path. */
  backup: string;
  /** The folder in the data folder the database it replaces goes to (`replaced-<time>`), or null if there was none. */
  keptAside: string | null;
  /** `setting-aside`: the live files, if any, are the database being replaced; `placing`: they are all set aside. */
  phase: 'setting-aside' | 'placing';
}

export const RESTORE_JOURNAL = 'antrian.restore.json';

export function readRestoreJournal(dir: string): RestoreJournal | null {
  const file = join(dir, RESTORE_JOURNAL);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RestoreJournal) : null;
}

/** A restore was interrupted (a power cut, a kill): only running it again finishes it. */
export class RestoreUnfinished extends Error {
  constructor(
    readonly dir: string,
    readonly backup: string,
  ) {
    super(
      `Pemulihan cadangan ${backup} ke folder data ${dir} terputus sebelum selesai. Hub tidak dimulai; jalankan ` +
        `lagi \`npm run restore -- ${backup}\` untuk menyelesaikannya. / The restore of ${backup} into the data ` +
        `folder ${dir} was interrupted. The hub does not start; run \`npm run restore -- ${backup}\` again to finish it.`,
    );
  }
}

interface InstallMarker {
  installedAt: string;
  restoredAt?: string;
  restoredFrom?: string;
}

export interface DataFolder {
  dir: string;
  /** A database has been created in this folder before (the install marker is there). */
  installed: boolean;
  /** The last run did not stop cleanly (a crash, a power cut, SIGKILL) or a backup was restored since. */
  uncleanShutdown: boolean;
  /** A restore that was interrupted, if one was. */
  unfinishedRestore: RestoreJournal | null;
  /** Records that this folder now holds a database. */
  markInstalled(at: Date): void;
  /** Records a clean stop and lets go of the folder. */
  close(): void;
  /** Lets go of the folder without recording a clean stop (a start that failed). */
  release(): void;
}

function openLock(dir: string): Database.Database {
  const lock = new Database(join(dir, LOCK_FILE), { timeout: 0 });
  try {
    // Exclusive locking mode keeps the lock from the first write until the connection closes.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS run (id INTEGER PRIMARY KEY CHECK (id = 1), clean INTEGER NOT NULL) STRICT');
    lock.exec('COMMIT');
    return lock;
  } catch (e) {
    lock.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new DataFolderInUse(dir);
    throw e;
  }
}

function readMarker(dir: string): InstallMarker | null {
  const file = join(dir, MARKER_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as InstallMarker) : null;
}

/** Takes the folder for this process, or throws DataFolderInUse. */
export function openDataFolder(dir: string): DataFolder {
  const lock = openLock(dir);
  const row = lock.prepare('SELECT clean FROM run WHERE id = 1').get() as { clean: number } | undefined;
  const setClean = (clean: boolean) =>
    lock.prepare('INSERT INTO run (id, clean) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET clean = excluded.clean').run(Number(clean));
  setClean(false);
  const marker = readMarker(dir);
  return {
    dir,
    installed: marker !== null,
    uncleanShutdown: row !== undefined && row.clean === 0,
    unfinishedRestore: readRestoreJournal(dir),
    markInstalled(at) {
      writeDurably(join(dir, MARKER_FILE), JSON.stringify({ installedAt: at.toISOString() } satisfies InstallMarker, null, 2));
    },
    close() {
      setClean(true);
      lock.close();
    },
    release() {
      lock.close();
    },
  };
}

/** The folder as the restore command holds it: taken, but no run recorded, so a refused restore changes nothing. */
export interface RestoreHold {
  /**
   * The next start checks the database and skips every ticket number reserved before, since the backup may
   * predate numbers already given out today. Recorded before the backup is put in place: harmless if the
   * restore stops short (the journal keeps the hub from starting), and no window where it is missing.
   */
  markRestored(from: string, at: Date): void;
  release(): void;
}

/** Takes the folder for the restore command, or throws DataFolderInUse. */
export function holdForRestore(dir: string): RestoreHold {
  const lock = openLock(dir);
  return {
    markRestored: (from, at) => recordRestored(lock, dir, from, at),
    release: () => lock.close(),
  };
}

/** markRestored for a folder no process holds (it throws DataFolderInUse otherwise). */
export function markRestored(dir: string, from: string, at = new Date()): void {
  const hold = holdForRestore(dir);
  try {
    hold.markRestored(from, at);
  } finally {
    hold.release();
  }
}

function recordRestored(lock: Database.Database, dir: string, from: string, at: Date): void {
  lock.prepare('INSERT INTO run (id, clean) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET clean = 0').run();
  const marker = readMarker(dir);
  const next: InstallMarker = { installedAt: marker?.installedAt ?? at.toISOString(), restoredAt: at.toISOString(), restoredFrom: from };
  writeDurably(join(dir, MARKER_FILE), JSON.stringify(next, null, 2));
}
