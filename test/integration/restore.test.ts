// Backup → `npm run restore` → start: the tickets of the backup are there, and today's numbering goes on
// above every number already given out — never A-004 twice, though the backup was made before it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { StaffSnapshot } from '../../shared/protocol/events';
import { connect, requestId, signIn } from '../helpers/clients';
import { ADMIN_PASSWORD, KIOSK_KEY, ROOT, startTestHub } from '../helpers/hub';

const dataDir = mkdtempSync(join(tmpdir(), 'antrian-restore-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function restore(...args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'restore', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, ANTRIAN_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

it('restores a backup with the hub stopped, keeps the replaced database, and never gives out a number twice', async () => {
  const hub = await startTestHub({ dataDir });
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  const issue = async () => (await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).ticket.number;
  const before = [await issue(), await issue(), await issue()];
  const backup = await admin.ok('admin:backupNow', {});
  const after = [await issue(), await issue()];
  expect([...before, ...after]).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-005']);

  // Not while the hub holds the folder.
  const refused = restore(backup.file);
  expect(refused.status).not.toBe(0);
  expect(refused.stderr).toContain(dataDir);
  kiosk.close();
  admin.close();
  await hub.dispose();

  // No backup named: the command lists them and does nothing.
  const listed = restore();
  expect(listed.status).toBe(2);
  expect(listed.stderr).toContain(backup.file);

  const done = restore(backup.file);
  expect(done.status, done.stderr).toBe(0);
  expect(done.stdout).toMatch(/3 nomor antrian/);
  const keptAside = readdirSync(dataDir).filter((f) => f.startsWith('replaced-'));
  expect(keptAside).toHaveLength(1);
  expect(existsSync(join(dataDir, keptAside[0] as string, 'antrian.sqlite'))).toBe(true);

  const again = await startTestHub({ dataDir });
  const staff = await signIn(again.url, 'hd1', 'sandi-hd1');
  const numbers = (staff.snapshots[0] as StaffSnapshot).tickets.map((t) => t.number).sort();
  expect(numbers).toEqual(before);
  const kiosk2 = await connect(again.url, { deviceKey: KIOSK_KEY });
  const next = (await kiosk2.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).ticket.number;
  expect(Number(next.slice(2)), `${next} comes after A-005`).toBeGreaterThan(5);
  kiosk2.close();
  staff.close();
  await again.dispose();
});
