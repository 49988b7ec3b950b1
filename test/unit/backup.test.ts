// Online backups: a consistent copy that opens on its own, and only the newest few are kept.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { backupNow, lastBackupAt } from '../../hub/backup';
import { openDatabase } from '../../hub/db/index';
import { applySeed } from '../../hub/seed';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('copies the live database and keeps the newest backups', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-backup-'));
  dirs.push(dir);
  const { db } = openDatabase(join(dir, 'antrian.sqlite'));
  applySeed(db, null, 'x', '2026-11-24T00:00:00Z');
  const backups = join(dir, 'backups');
  expect(lastBackupAt(backups)).toBeNull();
  const first = await backupNow(db, backups, new Date('2026-11-24T01:00:00Z'), 2);
  const copy = new Database(first, { readonly: true });
  expect(copy.prepare('SELECT code FROM services ORDER BY code').all()).toEqual([{ code: 'A' }, { code: 'B' }]);
  copy.close();
  await backupNow(db, backups, new Date('2026-11-25T01:00:00Z'), 2);
  await backupNow(db, backups, new Date('2026-11-26T01:00:00Z'), 2);
  expect(readdirSync(backups).sort()).toEqual(['antrian-20261125T010000Z.sqlite', 'antrian-20261126T010000Z.sqlite']);
  expect(lastBackupAt(backups)?.toISOString()).toBe('2026-11-26T01:00:00.000Z');
  db.close();
});

it('removes a database a restore set aside once as many newer backups are kept, as a backup of its time would go', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-backup-'));
  dirs.push(dir);
  const { db } = openDatabase(join(dir, 'antrian.sqlite'));
  applySeed(db, null, 'x', '2026-11-24T00:00:00Z');
  const backups = join(dir, 'backups');
  for (const stamp of ['20261124T120000Z', '20261125T120000Z']) {
    mkdirSync(join(dir, `replaced-${stamp}`));
    writeFileSync(join(dir, `replaced-${stamp}`, 'antrian.sqlite'), 'Siti Rahmawati Rahasia');
  }
  const setAside = () => readdirSync(dir).filter((f) => f.startsWith('replaced-'));
  await backupNow(db, backups, new Date('2026-11-25T01:00:00Z'), 2);
  expect(setAside()).toEqual(['replaced-20261124T120000Z', 'replaced-20261125T120000Z']);
  await backupNow(db, backups, new Date('2026-11-26T01:00:00Z'), 2);
  expect(setAside()).toEqual(['replaced-20261125T120000Z']);
  await backupNow(db, backups, new Date('2026-11-27T01:00:00Z'), 2);
  expect(setAside()).toEqual([]);
  db.close();
});
