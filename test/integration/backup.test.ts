// "Back up now" from the admin section, as several admins and the daily backup meet: every answer is a
// backup that exists and is sound, none replaces another; a backup that cannot be written is refused with
// its own code, and the hub goes on.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/domain/types';
import { listBackups } from '../../hub/backup';
import { growEventLog, quickCheck } from '../helpers/backups';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, KIOSK_KEY, startTestHub, testSeed, type TestHub } from '../helpers/hub';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const SEED = testSeed(3, { users: [...(testSeed().users ?? []), { username: 'admin2', password: 'sandi-admin2', name: 'Admin Dua', role: 'admin' }] });

async function hubIn(dataDir: string): Promise<TestHub> {
  const hub = await startTestHub({ dataDir, seed: SEED });
  cleanups.push(() => hub.dispose());
  return hub;
}

/**
 * A hub on an office's database after some months, which takes a while to copy, and no backup yet: its
 * start-up backup is due.
 */
async function hubOnLargeDatabase(dataDir: string, megabytes: number): Promise<TestHub> {
  await (await startTestHub({ dataDir, seed: SEED })).stop();
  growEventLog(join(dataDir, 'antrian.sqlite'), megabytes);
  rmSync(join(dataDir, 'backups'), { recursive: true, force: true });
  return hubIn(dataDir);
}

async function admin(hub: TestHub, username = 'admin', password = ADMIN_PASSWORD): Promise<TestClient> {
  const client = await signIn(hub.url, username, password);
  cleanups.push(() => client.close());
  return client;
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-backups-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every backup answered is listed, whole, and opens with quick_check ok. */
function expectKept(dir: string, answered: BackupInfo[]): void {
  const listed = listBackups(join(dir, 'backups'));
  for (const b of answered) {
    expect(listed, b.file).toContainEqual(b);
    expect(quickCheck(join(dir, 'backups', b.file)), b.file).toBe('ok');
  }
}

it('answers two admins pressing "back up now" at once, round after round, each with a sound backup, and loses none', async () => {
  const dir = folder();
  // A copy takes several steps, so two can overlap.
  const hub = await hubOnLargeDatabase(dir, 10);
  const first = await admin(hub);
  const second = await admin(hub, 'admin2', 'sandi-admin2');
  // The start-up backup is made; the rounds land in the same second as each other.
  await expect.poll(() => listBackups(join(dir, 'backups')).length).toBe(1);
  const answered: BackupInfo[] = [];
  for (let round = 0; round < 5; round++) {
    const replies = await Promise.all([first.request('admin:backupNow', {}), second.request('admin:backupNow', {})]);
    for (const reply of replies) {
      expect(reply, `round ${round}`).toMatchObject({ ok: true });
      if (reply.ok) answered.push(reply.data);
    }
  }
  // Nothing half-written is left beside them.
  expect(readdirSync(join(dir, 'backups')).sort()).toEqual(listBackups(join(dir, 'backups')).map((b) => b.file).sort());
  expectKept(dir, answered);
});

it('answers "back up now" asked while the daily backup runs with that backup', async () => {
  const dir = folder();
  const hub = await hubOnLargeDatabase(dir, 80);
  const client = await admin(hub);
  // SQLite's journal of the copy lives as long as it is being written.
  const writing = () => readdirSync(join(dir, 'backups')).some((f) => f.endsWith('-journal'));
  expect(existsSync(join(dir, 'backups')) && writing(), 'the daily backup is still being written').toBe(true);
  const reply = await client.ok('admin:backupNow', {});
  expect(listBackups(join(dir, 'backups'))).toEqual([reply]);
  expectKept(dir, [reply]);
});

it('refuses a backup that cannot be written with BACKUP_FAILED, leaves nothing half-written, and keeps serving', async () => {
  const dir = folder();
  // A backups folder on a disk too small for any backup: full at once.
  const backups = join(dir, 'backups');
  mkdirSync(backups);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', backups]);
  let mounted = true;
  const unmount = () => {
    if (mounted) execFileSync('umount', [backups]);
    mounted = false;
  };
  cleanups.push(unmount);
  const hub = await hubIn(dir);
  // The start-up backup failed too, and was only logged.
  await expect.poll(() => hub.logs.join('\n')).toContain('backup failed');
  const client = await admin(hub);
  const reply = await client.request('admin:backupNow', {});
  expect(reply).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED', message: expect.stringMatching(/^Cadangan tidak dapat dibuat/) } });
  expect(readdirSync(backups)).toEqual([]);
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  cleanups.push(() => kiosk.close());
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  // With room again, the next one is written.
  unmount();
  const next = await client.ok('admin:backupNow', {});
  expectKept(dir, [next]);
});
