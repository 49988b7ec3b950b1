// The hub's database connection and whether the disk under it takes writes.
//
// A full disk (SQLITE_FULL, ENOSPC), a read-only file system (SQLITE_READONLY*, EROFS) or an I/O error
// (SQLITE_IOERR*, EIO) is a storage fault, not a crash: the hub keeps answering reads, snapshots and the
// displays from the connection it has, and refuses every write at once (STORAGE_FULL, STORAGE_READ_ONLY)
// without touching the disk. An I/O error counts as read-only: the disk takes nothing until it is fixed.
//
// While a fault stands the hub probes every `probeMs` (5 s by default, DEFAULT_TIMERS in config.ts): it opens a
// new connection, runs `PRAGMA quick_check`, commits a real write (the schema version set to itself: one
// page through the write-ahead log and its fsync) and writes and removes a small file beside the database
// (room for the ticket-number blocks). Only when all of that succeeds is the new connection swapped in and
// the old one closed (once a backup reading it lets go): after a failed fsync the old connection's view of the
// file cannot be trusted. Every
// user reads `storage.db` at its use (HubDeps.db is a getter), and prepared statements are cached per
// connection (db/statements.ts), so nothing keeps the old one. See docs/storage.md.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DomainError } from '../shared/protocol/errors';
import type { StorageState } from '../shared/protocol/events';
import { writeDurably } from './dataFolder';
import { openConnection, type Db } from './db/index';

export type StorageFault = Exclude<StorageState, 'ok'>;

/** A connection kept across awaits (a backup): one the probe swaps out meanwhile is closed only once released. */
export interface HeldConnection {
  db: Db;
  release(): void;
}

const PROBE_FILE = 'antrian.probe';
/** What the probe writes beside the database: a disk with less room than this is still full. */
const PROBE_BYTES = 64 * 1024;

/** The storage fault an error is, or null for any other error. */
export function storageFault(e: unknown): StorageFault | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'read_only';
  return null;
}

/**
 * SQLite refusing a write (the bare SQLITE_READONLY, what `query_only` gives). Read only of a transaction that
 * was not to write: there it means a step tried to, whatever the disk.
 */
export function writeRefused(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'SQLITE_READONLY';
}

const describe = (e: unknown) => (e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e));

export class Storage {
  private connection: Db;
  private fault: StorageFault | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private readonly listeners: Array<() => void> = [];
  private readonly file: string;
  /** How many holders each connection has; a swapped-out one in `retired` closes when its last lets go. */
  private readonly holders = new Map<Db, number>();
  private readonly retired = new Set<Db>();

  constructor(
    db: Db,
    private readonly options: { probeMs: number; log: (line: string) => void },
  ) {
    this.connection = db;
    this.file = db.name;
  }

  /** The current connection: read it at each use, never keep it. */
  get db(): Db {
    return this.connection;
  }

  /** The current connection for work that awaits: call `release` when done, or a swapped-out one stays open. */
  hold(): HeldConnection {
    const db = this.connection;
    this.holders.set(db, (this.holders.get(db) ?? 0) + 1);
    let released = false;
    return {
      db,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.holders.get(db) ?? 1) - 1;
        if (left > 0) return void this.holders.set(db, left);
        this.holders.delete(db);
        if (this.retired.delete(db)) this.closeOld(db);
      },
    };
  }

  get state(): StorageState {
    return this.fault ?? 'ok';
  }

  /** Called whenever the state changes (a fault found, or writing resumed). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The refusal for a write while a fault stands, or null when the disk takes writes. */
  refusal(): DomainError | null {
    if (!this.fault) return null;
    return new DomainError(this.fault === 'full' ? 'STORAGE_FULL' : 'STORAGE_READ_ONLY');
  }

  /**
   * Takes note of an error from a write: a storage fault stops writes and starts the probe (true); any other
   * error is left to the caller (false).
   */
  noticed(e: unknown, what: string): boolean {
    const fault = storageFault(e);
    if (!fault) return false;
    if (this.fault === fault) return true;
    // A full disk found while already read-only stays read-only: the probe clears both.
    if (this.fault === 'read_only') return true;
    this.fault = fault;
    this.options.log(
      `Penyimpanan tidak dapat ditulisi / storage cannot be written (${fault}) in ${what}: ${describe(e)}; ` +
        `perubahan ditolak, diperiksa lagi tiap ${this.options.probeMs} ms / writes refused, probing every ${this.options.probeMs} ms`,
    );
    this.probeTimer ??= setInterval(() => this.probe(), this.options.probeMs);
    this.probeTimer.unref();
    this.changed();
    return true;
  }

  /**
   * A write of the hub's own, outside any client's request (a timer, a device's presence): skipped while a
   * fault stands, and whatever it throws is logged, never left to the event loop.
   */
  write(what: string, fn: (db: Db) => void): void {
    if (this.fault) return;
    try {
      fn(this.connection);
    } catch (e) {
      if (!this.noticed(e, what)) this.options.log(`error in ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** Tries the disk with a new connection; swaps it in when everything the hub writes would succeed. */
  probe(): void {
    if (!this.fault) return;
    let fresh: Db | undefined;
    const room = join(dirname(this.file), PROBE_FILE);
    try {
      fresh = openConnection(this.file);
      const check = fresh.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
      const probe = fresh;
      probe.transaction(() => probe.pragma(`user_version = ${Number(probe.pragma('user_version', { simple: true }))}`)).immediate();
      writeDurably(room, 'x'.repeat(PROBE_BYTES));
      rmSync(room, { force: true });
    } catch {
      // Still unwritable: the next probe tries again. Logged once, when the fault was found.
      rmSync(`${room}.tmp`, { force: true });
      try {
        fresh?.close();
      } catch {
        // A connection that cannot even close is dropped.
      }
      return;
    }
    const old = this.connection;
    this.connection = fresh;
    // A backup still reading the old connection finishes on it; it closes when the backup lets go.
    if (this.holders.has(old)) this.retired.add(old);
    else this.closeOld(old);
    this.fault = null;
    this.stopProbing();
    this.options.log('Penyimpanan dapat ditulisi lagi / storage writable again: writes resume');
    this.changed();
  }

  /** Stops probing and closes the connection (the hub's stop). */
  close(): void {
    this.stopProbing();
    this.connection.close();
  }

  private closeOld(db: Db): void {
    try {
      db.close();
    } catch (e) {
      this.options.log(`storage: closing the old connection failed: ${describe(e)}`);
    }
  }

  private stopProbing(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
  }

  private changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (e) {
        this.options.log(`storage: a listener failed: ${describe(e)}`);
      }
    }
  }
}
