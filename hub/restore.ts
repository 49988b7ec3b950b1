// `npm run restore -- <backup>`: puts a backup in place of the live database, with the hub stopped.
// The database it replaces is kept aside (never deleted); today's ticket numbering stays above every number
// already given out (the old database's counters are carried over, and the folder is marked restored so the
// next start checks the database and skips every number reserved before); see docs/backup.md.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { listBackups } from './backup';
import { loadConfig } from './config';
import { DATABASE_FILE, DataFolderInUse, markRestored, openDataFolder } from './dataFolder';
import { MIGRATIONS } from './db/migrations/index';

export class RestoreRefused extends Error {}

interface Sequence {
  office_day: string;
  service_code: string;
  last_seq: number;
}

export interface Restored {
  tickets: number;
  /** Where the replaced database was put, if there was one. */
  keptAside: string | null;
}

/** The numbers the live database has given out, if it can still be read. */
function liveSequences(file: string): Sequence[] {
  if (!existsSync(file)) return [];
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      return db.prepare('SELECT office_day, service_code, last_seq FROM day_sequences').all() as Sequence[];
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

export function restoreBackup(dataDir: string, backupFile: string, now = new Date()): Restored {
  if (!existsSync(backupFile)) throw new RestoreRefused(`Berkas cadangan tidak ada / no such backup: ${backupFile}`);
  mkdirSync(dataDir, { recursive: true });
  const folder = openDataFolder(dataDir);
  const live = join(dataDir, DATABASE_FILE);
  const incoming = `${live}.restoring`;
  try {
    copyFileSync(backupFile, incoming);
    const db = new Database(incoming, { fileMustExist: true });
    let tickets: number;
    try {
      if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new RestoreRefused(`Cadangan rusak / the backup is damaged: ${backupFile}`);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version === 0 || version > MIGRATIONS.length) {
        throw new RestoreRefused(`Bukan cadangan Antrian LPSE yang cocok (skema ${version}) / not a usable backup (schema ${version})`);
      }
      const carry = db.prepare(
        `INSERT INTO day_sequences (office_day, service_code, last_seq) VALUES (@office_day, @service_code, @last_seq)
         ON CONFLICT (office_day, service_code) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
      );
      const sequences = liveSequences(live);
      db.transaction(() => sequences.forEach((s) => carry.run(s))).immediate();
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
