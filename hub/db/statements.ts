// Prepared statements are compiled once per database connection.
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const cache = new WeakMap<Db, Map<string, Statement>>();

export function sql(db: Db, text: string): Statement {
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
