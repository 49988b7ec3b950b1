// For backup tests: a database as large as an office's after long use, and whether a backup is sound.
import Database from 'better-sqlite3';

/** Grows the event log of a stopped hub's database by about `megabytes`, so a backup of it takes a while. */
export function growEventLog(file: string, megabytes: number): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO events (at, type, data) SELECT '2026-01-05T02:00:00.000Z', 'admin.note', json_object('note', hex(randomblob(2000))) FROM n`,
    ).run(megabytes * 250);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** `PRAGMA quick_check` of a backup, opened on its own. */
export function quickCheck(file: string): unknown {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return copy.pragma('quick_check', { simple: true });
  } finally {
    copy.close();
  }
}
