// `npm run restore -- <backup>`: puts a backup in place of the live database, with the hub stopped.
// The database it replaces is kept aside (never deleted). Numbers already given out are never given again
// (today's ticket counters and the case references are carried over, and the folder is marked restored so
// the next start checks the database and skips every ticket number reserved before), and who was shut out
// since the backup stays out (accounts, passwords and device keys as they are now; every session ends).
// See docs/backup.md.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { listBackups } from './backup';
import { loadConfig } from './config';
import { DATABASE_FILE, DataFolderInUse, markRestored, openDataFolder } from './dataFolder';
import { MIGRATIONS } from './db/migrations/index';
import { openDatabase } from './db/open';

export class RestoreRefused extends Error {}

export interface Restored {
  tickets: number;
  /** Where the replaced database was put, if there was one. */
  keptAside: string | null;
}

/**
 * What the live database knows that must outlive the restore, if it can still be read: the numbers given
 * out (ticket numbers per day and service, case references per year) and who may no longer get in (a
 * deactivated account, a changed password, a revoked or re-keyed device).
 */
interface Carried {
  sequences: { office_day: string; service_code: string; last_seq: number }[];
  caseSequences: { year: number; last_seq: number }[];
  users: { id: number; password_hash: string; temp_expires_at: string | null; active: number }[];
  devices: { id: number; key_hash: string; active: number }[];
}

function fromLive(file: string): Carried {
  const none: Carried = { sequences: [], caseSequences: [], users: [], devices: [] };
  if (!existsSync(file)) return none;
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

export function restoreBackup(dataDir: string, backupFile: string, now = new Date()): Restored {
  if (!existsSync(backupFile)) throw new RestoreRefused(`Berkas cadangan tidak ada / no such backup: ${backupFile}`);
  mkdirSync(dataDir, { recursive: true });
  const folder = openDataFolder(dataDir);
  const live = join(dataDir, DATABASE_FILE);
  const incoming = `${live}.restoring`;
  try {
    copyFileSync(backupFile, incoming);
    let db = new Database(incoming, { fileMustExist: true });
    let tickets: number;
    try {
      if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new RestoreRefused(`Cadangan rusak / the backup is damaged: ${backupFile}`);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version === 0 || version > MIGRATIONS.length) {
        throw new RestoreRefused(`Bukan cadangan Antrian LPSE yang cocok (skema ${version}) / not a usable backup (schema ${version})`);
      }
      // The backup is brought to this version's schema first, so the live database's rows fit it.
      db.close();
      openDatabase(incoming).db.close();
      db = new Database(incoming, { fileMustExist: true });
      carryOver(db, fromLive(live));
      tickets = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    let keptAside: string | null = null;
    if (existsSync(live)) {
      keptAside = join(dataDir, `replaced-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`);
      mkdirSync(keptAside, { recursive: true });
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(live + suffix)) renameSync(live + suffix, join(keptAside, DATABASE_FILE + suffix));
      }
    }
    for (const suffix of ['-wal', '-shm']) rmSync(incoming + suffix, { force: true });
    renameSync(incoming, live);
    folder.release();
    markRestored(dataDir, basename(backupFile), now);
    return { tickets, keptAside };
  } catch (e) {
    rmSync(incoming, { force: true });
    folder.release();
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
