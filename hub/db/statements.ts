// Prepared statements are compiled once per database connection.
import type { Statement } from 'better-sqlite3';
import type { Db, ReadDb, ReadStatement } from './connection';

const cache = new WeakMap<ReadDb, Map<string, ReadStatement>>();

/** A statement of this connection: through a `Db` one that may write, through a `ReadDb` one that reads. */
export function sql(db: Db, text: string): Statement;
export function sql(db: ReadDb, text: string): ReadStatement;
export function sql(db: ReadDb, text: string): ReadStatement {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let stmt = perDb.get(text);
  if (!stmt) {
    stmt = db.prepare(text);
    perDb.set(text, stmt);
  }
  return stmt;
}

/**
 * `LIMIT n` written into the statement's text. A limit bound as a parameter makes SQLite compile the
 * statement again on every run (the value may change its plan); the hub's limits are a few constants, so
 * each is compiled once.
 */
export function limitTo(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a row count: ${n}`);
  return `LIMIT ${n}`;
}
