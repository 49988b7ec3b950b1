// `npm run restore` refuses a file that is no usable backup in one sentence (Indonesian, then English), with
// no stack trace, and leaves the data folder exactly as it was: the live database untouched, nothing added.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS } from '../../hub/db/migrations/index';
import { ADMIN_PASSWORD, KIOSK_KEY, startTestHub } from '../helpers/hub';
import { connect, requestId, signIn } from '../helpers/clients';
import { runRestore } from '../helpers/restore';

const dataDir = mkdtempSync(join(tmpdir(), 'antrian-refused-'));
const files = mkdtempSync(join(tmpdir(), 'antrian-not-backups-'));
afterAll(() => {
  for (const d of [dataDir, files]) rmSync(d, { recursive: true, force: true });
});

let backup: string;
beforeAll(async () => {
  const hub = await startTestHub({ dataDir });
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  backup = join(dataDir, 'backups', (await admin.ok('admin:backupNow', {})).file);
  kiosk.close();
  admin.close();
  await hub.stop();
});

function sqlite(name: string, build: (db: Database.Database) => void): string {
  const file = join(files, name);
  const db = new Database(file);
  build(db);
  db.close();
  return file;
}

const DAMAGED = /^Berkas .+ rusak atau bukan basis data; pakai cadangan lain\. \/ The file .+ is damaged or not a database; use another backup\.$/;
const FOREIGN = /^Berkas .+ bukan cadangan Antrian LPSE .+ \/ The file .+ is not an Antrian LPSE backup .+\.$/;
const NEWER = /^Cadangan .+ dibuat oleh versi Antrian LPSE yang lebih baru .+ \/ The backup .+ is from a newer version of Antrian LPSE .+\.$/;

const cases: { name: string; file: () => string; says: RegExp }[] = [
  { name: 'random bytes', file: () => write('random.sqlite', randomBytes(64 * 1024)), says: DAMAGED },
  { name: 'a truncated copy of a backup', file: () => write('truncated.sqlite', readFileSync(backup).subarray(0, statSync(backup).size / 2)), says: DAMAGED },
  { name: 'a text file', file: () => write('notes.txt', 'Catatan rapat, bukan basis data.\n'), says: DAMAGED },
  { name: 'an empty file', file: () => write('empty.sqlite', ''), says: DAMAGED },
  {
    name: "another program's database",
    file: () => sqlite('other-app.sqlite', (db) => db.exec('CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)')),
    says: FOREIGN,
  },
  {
    name: "another program's database that sets a schema version",
    file: () =>
      sqlite('other-app-v3.sqlite', (db) => {
        db.exec('CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)');
        db.pragma('user_version = 3');
      }),
    says: FOREIGN,
  },
  {
    name: 'a backup from a newer version',
    file: () => {
      const file = join(files, 'newer.sqlite');
      copyFileSync(backup, file);
      const db = new Database(file);
      db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      db.close();
      return file;
    },
    says: NEWER,
  },
];

function write(name: string, content: string | Buffer): string {
  const file = join(files, name);
  writeFileSync(file, content);
  return file;
}

/** Every file in the folder with a digest of its content. */
function snapshot(dir: string): Record<string, string> {
  const all: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    all[path.slice(dir.length)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return all;
}

it.each(cases)('refuses $name in one sentence and changes nothing', ({ file, says }) => {
  const bad = file();
  const before = snapshot(dataDir);
  const refused = runRestore(dataDir, bad);
  expect(refused.status, refused.stderr).toBe(1);
  expect(refused.stderr).not.toMatch(/\n\s+at /);
  expect(refused.stderr.trim()).toMatch(says);
  expect(refused.stdout).toBe('');
  expect(snapshot(dataDir)).toEqual(before);
});
