// The data folder belongs to one hub at a time, and remembers that it has held a database.
//
// - The lock is an SQLite file held in `locking_mode=EXCLUSIVE`: an operating-system lock that dies with
//   the process (a SIGKILLed hub restarts at once), never a PID file that a crash leaves behind.
// - The same file records whether the last run ended cleanly, so the integrity check and the skip past
//   reserved ticket numbers run only after a crash or a restore.
// - The install marker (`antrian.installed`) is written once a database has been created: from then on a
//   missing or emptied database stops the hub with how to restore, instead of a silent fresh install.
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
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
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

/**
 * For the restore command, after it has put a backup in place (with no hub running: it throws
 * DataFolderInUse otherwise): the next start checks the database and skips every ticket number reserved
 * before, since the backup may predate numbers already given out today.
 */
export function markRestored(dir: string, from: string, at = new Date()): void {
  const lock = openLock(dir);
  try {
    lock.prepare('INSERT INTO run (id, clean) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET clean = 0').run();
    const marker = readMarker(dir);
    const next: InstallMarker = { installedAt: marker?.installedAt ?? at.toISOString(), restoredAt: at.toISOString(), restoredFrom: from };
    writeDurably(join(dir, MARKER_FILE), JSON.stringify(next, null, 2));
  } finally {
    lock.close();
  }
}
