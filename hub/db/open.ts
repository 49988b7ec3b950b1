// Opens the database file and brings its schema up to date, in one transaction.
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

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

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Opened {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // An acknowledged ticket must survive a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) throw new DatabaseTooNew(version, migrations.length);
    db.transaction(() => {
      for (const migration of migrations.slice(version)) {
        if (typeof migration === 'string') db.exec(migration);
        else migration(db);
      }
      db.pragma(`user_version = ${migrations.length}`);
    }).immediate();
    return { db, created: version === 0 };
  } catch (e) {
    db.close();
    throw e;
  }
}
