// A hub killed (SIGKILL, a power cut) while it writes a backup: the next start removes what was left,
// makes its start-up backup, and every backup it lists opens sound and restores.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listBackups } from '../../hub/backup';
import { growEventLog, quickCheck } from '../helpers/backups';
import { ADMIN_PASSWORD, ROOT, testSeed } from '../helpers/hub';
import { exited, launch, spawnHub } from '../helpers/hubProcess';

const dataDir = mkdtempSync(join(tmpdir(), 'antrian-backup-crash-'));
const backups = join(dataDir, 'backups');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = () => {
  const seedFile = join(dataDir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(testSeed()));
  return { ANTRIAN_DATA_DIR: dataDir, ANTRIAN_SEED: seedFile, ANTRIAN_ADMIN_PASSWORD: ADMIN_PASSWORD };
};

it('cleans up after a hub killed in the middle of a backup, backs up again, and every listed backup restores', { timeout: 120_000 }, async () => {
  const first = await spawnHub(env());
  first.child.kill('SIGTERM');
  await exited(first.child);
  // A database that takes a while to copy, and no backup yet: the next start backs up at once.
  growEventLog(join(dataDir, 'antrian.sqlite'), 80);
  rmSync(backups, { recursive: true, force: true });
  mkdirSync(backups);

  // Killed as soon as SQLite's journal of the copy appears: the copy is being written.
  const killed = launch(env());
  const watcher = watch(backups, (_event, file) => {
    if (file?.endsWith('-journal')) killed.kill('SIGKILL');
  });
  try {
    await exited(killed);
  } finally {
    watcher.close();
  }
  expect(killed.signalCode).toBe('SIGKILL');
  expect(readdirSync(backups).some((f) => f.endsWith('-journal')), 'killed while the backup was written').toBe(true);

  const second = await spawnHub(env());
  try {
    await expect.poll(() => listBackups(backups).length, { timeout: 30_000 }).toBe(1);
  } finally {
    second.child.kill('SIGTERM');
    await exited(second.child);
  }
  // Only whole backups are left: no journal, no partial copy.
  const listed = listBackups(backups);
  expect(readdirSync(backups).sort()).toEqual(listed.map((b) => b.file).sort());
  for (const b of listed) expect(quickCheck(join(backups, b.file)), b.file).toBe('ok');
  const restored = spawnSync('npm', ['run', '--silent', 'restore', '--', listed[0]?.file ?? ''], {
    cwd: ROOT,
    env: { ...process.env, ANTRIAN_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(restored.status, restored.stderr).toBe(0);
});
