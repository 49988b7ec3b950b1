// Opens the database file and brings its schema up to date, in one transaction.
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseLost } from '../dataFolder';
import type { Db } from './connection';
import { checkMigrations, MIGRATIONS, type Migration } from './migrations/index';

export class DatabaseTooNew extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `Basis data ini dibuat oleh versi Antrian LPSE yang lebih baru (skema ${found}, versi ini mengenal ${known}). ` +
        `Perbarui aplikasi, atau pakai cadangan yang cocok. / This database is from a newer version ` +
        `(schema ${found}, this version knows ${known}).`,
    );
  }
}

export interface Opened {
  db: Db;
  /** True when the file had no schema yet: the caller seeds it. */
  created: boolean;
}

/**
 * Opens the file, creating it unless `installed` says this folder has held a database before: then a
 * missing or empty database throws DatabaseLost, and the file is left as found for the restore.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS, installed = false): Opened {
  checkMigrations(migrations);
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: installed });
  } catch (e) {
    if (installed) throw new DatabaseLost(dirname(file), 'missing');
    throw e;
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0 && installed) throw new DatabaseLost(dirname(file), 'empty');
    configure(db);
    if (version > migrations.length) throw new DatabaseTooNew(version, migrations.length);
    db.transaction(() => {
      for (const { up } of migrations.slice(version)) {
        if (typeof up === 'string') db.exec(up);
        else up(db);
      }
      db.pragma(`user_version = ${migrations.length}`);
    }).immediate();
    // Before this version every case action rewrote its row with freed space left as it was: old copies of
    // names and phones sit in free pages, which secure_delete does not reach. Rebuilt once, they are gone.
    if (version > 0 && version < SECURE_DELETE_SINCE && migrations.length >= SECURE_DELETE_SINCE) compact(db);
    return { db, created: version === 0 };
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * A new connection to a database the hub already runs on (the storage probe's, hub/storage.ts): the same
 * settings, no migrations.
 */
export function openConnection(file: string): Db {
  const db = new Database(file, { fileMustExist: true });
  try {
    configure(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // An acknowledged ticket must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Space freed by an update or delete is zeroed, so blanked personal data does not linger in the file.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite's own default page cache (2 MB), not better-sqlite3's 16 MB: a busy day's queue fills 16 MB and
  // keeps it resident for good, while the pages a request touches (the tails of the indexes, today's
  // rows) fit in 2 MB, and the rest is one read away in the operating system's file cache.
  db.pragma('cache_size = -2000');
}

/** The schema version from which freed space is zeroed (`secure_delete`); see migration 007. */
const SECURE_DELETE_SINCE = 7;

/**
 * Rebuilds the file without its free pages and empties the write-ahead log, so no value once deleted or
 * overwritten is left in either (nor in a backup, which copies pages). Outside any transaction.
 */
export function compact(db: Db): void {
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** `PRAGMA quick_check`, after an unclean shutdown or a restore: a damaged file stops the hub. */
export function checkIntegrity(db: Db, file: string): void {
  if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new DatabaseLost(dirname(file), 'damaged');
}
