// `npm run restore -- <backup>`: puts a backup in place of the live database, with the hub stopped.
// The database it replaces is kept aside (never deleted). Numbers already given out are never given again
// (today's ticket counters and the case references are carried over, and the folder is marked restored so
// the next start checks the database and skips every ticket number reserved before), and who was shut out
// since the backup stays out (accounts, passwords and device keys as they are now; every session ends).
//
// Interrupted at any point (a power cut, a kill), the same command run again finishes it: a journal
// (`antrian.restore.json`, written durably before the live database is touched) names the backup and the
// folder the replaced database goes to, which is where what must be carried over is read from; while it is
// there the hub does not start. A backup that is refused changes nothing. See docs/backup.md.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { listBackups } from './backup';
import { loadConfig } from './config';
import {
  DATABASE_FILE,
  DataFolderInUse,
  holdForRestore,
  readRestoreJournal,
  RESTORE_JOURNAL,
  syncToDisk,
  writeDurably,
  type RestoreJournal,
} from './dataFolder';
import { MIGRATIONS } from './db/migrations/index';
import { openDatabase } from './db/open';

export class RestoreRefused extends Error {}

export interface Restored {
  tickets: number;
  /** Where the replaced database was put, if there was one. */
  keptAside: string | null;
}

/**
 * What the database being replaced knows that must outlive the restore, if it can still be read: the numbers given
 * out (ticket numbers per day and service, case references per year) and who may no longer get in (a
 * deactivated account, a changed password, a revoked or re-keyed device).
 */
interface Carried {
  sequences: { office_day: string; service_code: string; last_seq: number }[];
  caseSequences: { year: number; last_seq: number }[];
  users: { id: number; password_hash: string; temp_expires_at: string | null; active: number }[];
  devices: { id: number; key_hash: string; active: number }[];
}

function fromReplaced(file: string | null): Carried {
  const none: Carried = { sequences: [], caseSequences: [], users: [], devices: [] };
  if (file === null || !existsSync(file)) return none;
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      return {
        sequences: db.prepare('SELECT office_day, service_code, last_seq FROM day_sequences').all() as Carried['sequences'],
        caseSequences: db.prepare('SELECT year, last_seq FROM case_sequences').all() as Carried['caseSequences'],
        users: db.prepare('SELECT id, password_hash, temp_expires_at, active FROM users').all() as Carried['users'],
        devices: db.prepare('SELECT id, key_hash, active FROM devices').all() as Carried['devices'],
      };
    } finally {
      db.close();
    }
  } catch {
    return none;
  }
}

/** Puts what the live database knew into the restored one, in one transaction; ends every session. */
function carryOver(db: Database.Database, carried: Carried): void {
  const seq = db.prepare(
    `INSERT INTO day_sequences (office_day, service_code, last_seq) VALUES (@office_day, @service_code, @last_seq)
     ON CONFLICT (office_day, service_code) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
  );
  const caseSeq = db.prepare(
    `INSERT INTO case_sequences (year, last_seq) VALUES (@year, @last_seq)
     ON CONFLICT (year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
  );
  const user = db.prepare('UPDATE users SET password_hash = @password_hash, temp_expires_at = @temp_expires_at, active = @active WHERE id = @id');
  const device = db.prepare('UPDATE devices SET key_hash = @key_hash, active = @active WHERE id = @id');
  db.transaction(() => {
    carried.sequences.forEach((s) => seq.run(s));
    carried.caseSequences.forEach((s) => caseSeq.run(s));
    carried.users.forEach((u) => user.run(u));
    carried.devices.forEach((d) => device.run(d));
    // Everyone signs in again: a session ended since the backup must not come back with it.
    db.exec('DELETE FROM sessions');
  }).immediate();
}

/** A database's files: SQLite keeps what is not yet checkpointed beside it. */
const DATABASE_FILES = ['', '-wal', '-shm'] as const;

function removeDatabase(file: string): void {
  for (const suffix of DATABASE_FILES) rmSync(file + suffix, { force: true });
}

const isSqliteError = (e: unknown): boolean => e instanceof Database.SqliteError;

/** The tables a database of this version has, from a fresh one. */
function currentTables(): string[] {
  const { db } = openDatabase(':memory:');
  try {
    return tableNames(db);
  } finally {
    db.close();
  }
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
}

/**
 * Copies the backup beside the live database and brings it to this version's schema, so the replaced
 * database's rows fit it; refuses, in words, a damaged file, another program's database or a newer backup.
 */
function prepare(incoming: string, backup: string): void {
  // A stale -wal left by an interrupted attempt would be applied to the fresh copy.
  removeDatabase(incoming);
  copyFileSync(backup, incoming);
  const damaged = new RestoreRefused(
    `Berkas ${backup} rusak atau bukan basis data; pakai cadangan lain. / The file ${backup} is damaged or not a database; use another backup.`,
  );
  const foreign = new RestoreRefused(
    `Berkas ${backup} bukan cadangan Antrian LPSE (isinya basis data lain); pakai cadangan dari folder backups. ` +
      `/ The file ${backup} is not an Antrian LPSE backup (it holds another database); use a backup from the backups folder.`,
  );
  let version: number;
  try {
    const db = new Database(incoming, { fileMustExist: true });
    try {
      if (db.pragma('quick_check', { simple: true }) !== 'ok') throw damaged;
      // An empty file opens as a database with nothing in it.
      if (tableNames(db).length === 0) throw damaged;
      version = db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch (e) {
    throw isSqliteError(e) ? damaged : e;
  }
  if (version > MIGRATIONS.length) {
    throw new RestoreRefused(
      `Cadangan ${backup} dibuat oleh versi Antrian LPSE yang lebih baru (skema ${version}, versi ini mengenal ${MIGRATIONS.length}); ` +
        `perbarui aplikasi dulu. / The backup ${backup} is from a newer version of Antrian LPSE (schema ${version}, ` +
        `this version knows ${MIGRATIONS.length}); update the application first.`,
    );
  }
  if (version === 0) throw foreign;
  try {
    const { db } = openDatabase(incoming);
    try {
      const has = new Set(tableNames(db));
      if (!currentTables().every((t) => has.has(t))) throw foreign;
    } finally {
      db.close();
    }
  } catch (e) {
    // Another program's database that happens to set user_version fails this version's migrations.
    throw isSqliteError(e) ? foreign : e;
  }
}

/** Moves whatever is left of the database being replaced into `folder`, durably. */
function setAside(live: string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const suffix of DATABASE_FILES) {
    if (existsSync(live + suffix)) renameSync(live + suffix, join(folder, DATABASE_FILE + suffix));
  }
  syncToDisk(folder);
}

function countTickets(file: string): number {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export function restoreBackup(dataDir: string, backupFile: string, now = new Date()): Restored {
  const backup = resolve(backupFile);
  if (!existsSync(backup)) throw new RestoreRefused(`Berkas cadangan tidak ada / no such backup: ${backup}`);
  mkdirSync(dataDir, { recursive: true });
  const hold = holdForRestore(dataDir);
  const live = join(dataDir, DATABASE_FILE);
  const incoming = `${live}.restoring`;
  const journalFile = join(dataDir, RESTORE_JOURNAL);
  const record = (j: RestoreJournal) => writeDurably(journalFile, JSON.stringify(j, null, 2));
  try {
    let journal = readRestoreJournal(dataDir);
    if (journal && journal.backup !== backup) {
      throw new RestoreRefused(
        `Pemulihan ${journal.backup} belum selesai; jalankan dulu \`npm run restore -- ${journal.backup}\` untuk menyelesaikannya. ` +
          `/ The restore of ${journal.backup} was interrupted; run \`npm run restore -- ${journal.backup}\` first to finish it.`,
      );
    }
    // Interrupted once the backup was in place: all that is left is to say so.
    const placed = journal?.phase === 'placing' && existsSync(live);
    if (!placed) prepare(incoming, backup);
    if (!journal) {
      const replacing = DATABASE_FILES.some((suffix) => existsSync(live + suffix));
      journal = {
        backup,
        keptAside: replacing ? `replaced-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}` : null,
        phase: 'setting-aside',
      };
      record(journal);
    }
    hold.markRestored(basename(backup), now);
    const keptAside = journal.keptAside === null ? null : join(dataDir, journal.keptAside);
    if (journal.phase === 'setting-aside') {
      if (keptAside) setAside(live, keptAside);
      journal = { ...journal, phase: 'placing' };
      record(journal);
    }
    if (!placed) {
      const db = new Database(incoming, { fileMustExist: true });
      try {
        carryOver(db, fromReplaced(keptAside && join(keptAside, DATABASE_FILE)));
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      // Checkpointed and closed, the copy is whole in its main file; companions must not follow it.
      for (const suffix of ['-wal', '-shm']) rmSync(incoming + suffix, { force: true });
      syncToDisk(incoming);
      renameSync(incoming, live);
      syncToDisk(dataDir);
    }
    const tickets = countTickets(live);
    // Removing the journal is the restore's last step: killed before it, running it again only says it is done.
    hold.release();
    rmSync(journalFile, { force: true });
    syncToDisk(dataDir);
    return { tickets, keptAside };
  } catch (e) {
    removeDatabase(incoming);
    hold.release();
    throw e;
  }
}

function main(): void {
  const config = loadConfig();
  const backupDir = join(config.dataDir, 'backups');
  const wanted = process.argv[2];
  if (!wanted) {
    console.error('Pakai / usage: npm run restore -- <berkas cadangan / backup file>');
    const backups = listBackups(backupDir);
    console.error(backups.length ? `Cadangan di / backups in ${backupDir}:` : `Tidak ada cadangan di / no backups in ${backupDir}`);
    for (const b of backups) console.error(`  ${b.file}  (${b.at}, ${Math.round(b.bytes / 1024)} KB)`);
    process.exit(2);
  }
  // A bare name is one of the folder's backups.
  const file = existsSync(wanted) ? resolve(wanted) : join(backupDir, wanted);
  try {
    const done = restoreBackup(config.dataDir, file);
    console.log(`Dipulihkan / restored ${basename(file)} ke / into ${config.dataDir}: ${done.tickets} nomor antrian / tickets.`);
    if (done.keptAside) console.log(`Basis data sebelumnya disimpan di / the replaced database is kept in ${done.keptAside}`);
    console.log('Jalankan hub lagi / start the hub again: npm start');
  } catch (e) {
    if (e instanceof DataFolderInUse || e instanceof RestoreRefused) {
      console.error(e.message);
      if (e instanceof DataFolderInUse) console.error('Hentikan hub dulu / stop the hub first.');
      process.exit(1);
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
