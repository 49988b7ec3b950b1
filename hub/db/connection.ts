// The connection types, and nothing else: the migrations, the database functions and the handlers all name
// them, so this module imports no code of the hub (it would be a cycle: open.ts runs the migrations).
import type Database from 'better-sqlite3';

/** The hub's connection, with every write. */
export type Db = Database.Database;

/**
 * A statement compiled through a read handle: it has no `run`, and no way back to the connection. What it
 * may still change (`all` on a `DELETE … RETURNING`) is stopped at run time: a read-only event's transaction
 * runs `query_only` (hub/createHub.ts).
 */
export interface ReadStatement {
  readonly source: string;
  /** Whether the statement only reads, as SQLite compiled it. */
  readonly readonly: boolean;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(toggleState?: boolean): ReadStatement;
  raw(toggleState?: boolean): ReadStatement;
}

/**
 * The connection as a reader holds it: statements to read with, and no `exec`, `pragma`, `transaction` or
 * `run`. A `Db` is one; a `ReadDb` is no `Db`, so a function that writes (it takes a `Db`) cannot be given it.
 */
export interface ReadDb {
  readonly name: string;
  prepare(source: string): ReadStatement;
}
