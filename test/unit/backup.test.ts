// Online backups: a consistent copy that opens on its own, under a name of its own, only the newest few
// kept; one at a time; what a cut-off backup left is gone at the next start.
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Backups, lastBackupAt, listBackups } from '../../hub/backup';
import { openDatabase, type Db } from '../../hub/db/index';
import { applySeed } from '../../hub/seed';
import { quickCheck } from '../helpers/backups';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A seeded live database, its backups folder, and a clock the test sets. */
function live(): { db: Db; dir: string; backups: string; at: (iso: string) => void; open: (keep: number) => Backups; logs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-backup-'));
  dirs.push(dir);
  const { db } = openDatabase(join(dir, 'antrian.sqlite'));
  dbs.push(db);
  applySeed(db, null, 'x', '2026-11-24T00:00:00Z');
  let now = new Date('2026-11-24T01:00:00Z');
  const logs: string[] = [];
  const backups = join(dir, 'backups');
  return {
    db,
    dir,
    backups,
    logs,
    at: (iso) => (now = new Date(iso)),
    open: (keep) => new Backups(() => ({ db, release: () => undefined }), { dir: backups, keep, clock: () => now, log: (l) => logs.push(l) }),
  };
}

it('copies the live database and keeps the newest backups', async () => {
  const { backups, at, open } = live();
  const hub = open(2);
  expect(lastBackupAt(backups)).toBeNull();
  const first = await hub.now();
  expect(first).toMatchObject({ file: 'antrian-20261124T010000.000Z.sqlite', at: '2026-11-24T01:00:00.000Z' });
  const copy = new Database(join(backups, first.file), { readonly: true });
  expect(copy.prepare('SELECT code FROM services ORDER BY code').all()).toEqual([{ code: 'A' }, { code: 'B' }]);
  copy.close();
  at('2026-11-25T01:00:00.250Z');
  await hub.now();
  at('2026-11-26T01:00:00.500Z');
  expect(await hub.now()).toEqual(listBackups(backups)[0]);
  expect(readdirSync(backups).sort()).toEqual(['antrian-20261125T010000.250Z.sqlite', 'antrian-20261126T010000.500Z.sqlite']);
  expect(lastBackupAt(backups)?.toISOString()).toBe('2026-11-26T01:00:00.500Z');
});

it('names a second backup of the same millisecond apart, so neither replaces the other', async () => {
  const { backups, open } = live();
  const hub = open(5);
  const names = [(await hub.now()).file, (await hub.now()).file, (await hub.now()).file];
  expect(names).toEqual(['antrian-20261124T010000.000Z.sqlite', 'antrian-20261124T010000.000Z-2.sqlite', 'antrian-20261124T010000.000Z-3.sqlite']);
  expect(listBackups(backups).map((b) => b.file)).toEqual([...names].reverse());
  for (const name of names) expect(quickCheck(join(backups, name))).toBe('ok');
});

it('answers a backup asked for while one runs with that one', async () => {
  const { backups, open } = live();
  const hub = open(5);
  const [a, b] = await Promise.all([hub.now(), hub.now()]);
  expect(b).toEqual(a);
  expect(readdirSync(backups)).toEqual([a.file]);
});

it('lists, keeps and ages out the backups of older versions, named to the second', async () => {
  const { db, backups, at, open } = live();
  mkdirSync(backups);
  for (const name of ['antrian-20261120T020000Z.sqlite', 'antrian-20261121T020000Z.sqlite']) await db.backup(join(backups, name));
  const hub = open(2);
  expect(listBackups(backups).map((b) => [b.file, b.at])).toEqual([
    ['antrian-20261121T020000Z.sqlite', '2026-11-21T02:00:00.000Z'],
    ['antrian-20261120T020000Z.sqlite', '2026-11-20T02:00:00.000Z'],
  ]);
  at('2026-11-22T02:00:00.000Z');
  await hub.now();
  expect(readdirSync(backups).sort()).toEqual(['antrian-20261121T020000Z.sqlite', 'antrian-20261122T020000.000Z.sqlite']);
});

it('removes at start what a cut-off backup left, and only that', async () => {
  const { db, backups, open, logs } = live();
  mkdirSync(backups);
  const whole = 'antrian-20261120T020000Z.sqlite';
  await db.backup(join(backups, whole));
  // This version's temporary file with SQLite's journal of it; an older version's empty backup, and its
  // half-written one with a journal beside it.
  const partial = 'antrian-20261121T020000.000Z.sqlite.partial';
  copyFileSync(join(backups, whole), join(backups, partial));
  writeFileSync(join(backups, `${partial}-journal`), '');
  writeFileSync(join(backups, 'antrian-20261122T020000Z.sqlite'), '');
  writeFileSync(join(backups, 'antrian-20261123T020000Z.sqlite'), 'SQLite format 3\0');
  writeFileSync(join(backups, 'antrian-20261123T020000Z.sqlite-journal'), 'x');
  open(5);
  expect(readdirSync(backups)).toEqual([whole]);
  expect(lastBackupAt(backups)?.toISOString()).toBe('2026-11-20T02:00:00.000Z');
  expect(logs.join('\n')).toContain('antrian-20261122T020000Z.sqlite');
});

it('removes a database a restore set aside once as many newer backups are kept, as a backup of its time would go', async () => {
  const { dir, at, open } = live();
  for (const stamp of ['20261124T120000Z', '20261125T120000Z']) {
    mkdirSync(join(dir, `replaced-${stamp}`));
    writeFileSync(join(dir, `replaced-${stamp}`, 'antrian.sqlite'), 'Siti Rahmawati Rahasia');
  }
  const setAside = () => readdirSync(dir).filter((f) => f.startsWith('replaced-'));
  const hub = open(2);
  at('2026-11-25T01:00:00Z');
  await hub.now();
  expect(setAside()).toEqual(['replaced-20261124T120000Z', 'replaced-20261125T120000Z']);
  at('2026-11-26T01:00:00Z');
  await hub.now();
  expect(setAside()).toEqual(['replaced-20261125T120000Z']);
  at('2026-11-27T01:00:00Z');
  await hub.now();
  expect(setAside()).toEqual([]);
});
