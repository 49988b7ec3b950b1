// Backup → `npm run restore` → start: the tickets of the backup are there, and today's numbering goes on
// above every number already given out — never A-004 twice, though the backup was made before it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { StaffSnapshot } from '../../shared/protocol/events';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';

const currentDevices = (admin: TestClient): AdminDevice[] => admin.adminViews.at(-1)?.devices ?? [];
import type { AdminDevice } from '../../shared/domain/types';
import { ADMIN_PASSWORD, DISPLAY_KEY, KIOSK_KEY, ROOT, startTestHub } from '../helpers/hub';

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
  // Since the backup: a case reference handed to a visitor, a kiosk revoked, a session signed in.
  const officer = await signIn(hub.url, 'hd1', 'sandi-hd1');
  await officer.ok('counter:open', { counterId: 1 });
  const called = await officer.ok('ticket:callNext', { counterId: 1 });
  const { case: handedOut } = await officer.ok('ticket:start', { counterId: 1, ticketId: called.id });
  const tv = (currentDevices(admin)).find((d) => d.kind === 'display');
  await admin.ok('admin:deviceRevoke', { deviceId: tv?.id ?? 0 });
  const { token } = await kiosk.ok('auth:login', { username: 'hd2', password: 'sandi-hd2' });
  officer.close();

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
  // The case reference given out after the backup is not given out again.
  await staff.ok('counter:open', { counterId: 2 });
  const again2 = await staff.ok('ticket:callNext', { counterId: 2 });
  const { case: fresh } = await staff.ok('ticket:start', { counterId: 2, ticketId: again2.id });
  expect(fresh.reference).not.toBe(handedOut.reference);
  // Who was shut out since stays out: the revoked display, and every session from before.
  await expect(connect(again.url, { deviceKey: DISPLAY_KEY })).rejects.toMatchObject({ data: { code: 'DEVICE_REVOKED' } });
  await expect(connect(again.url, { token })).rejects.toMatchObject({ data: { code: 'SESSION_EXPIRED' } });
  kiosk2.close();
  staff.close();
  await again.dispose();
});

it('gives an admin account a new temporary password from the console when no admin can sign in', async () => {
  const reset = spawnSync('npm', ['run', '--silent', 'reset-admin'], {
    cwd: ROOT,
    env: { ...process.env, ANTRIAN_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(reset.status, reset.stderr).toBe(0);
  const password = /admin: (\S+)/.exec(reset.stdout)?.[1] ?? '';
  expect(password.length).toBeGreaterThanOrEqual(12);
  const hub = await startTestHub({ dataDir });
  const anonymous = await connect(hub.url);
  expect(await anonymous.ok('auth:login', { username: 'admin', password })).toMatchObject({ passwordChangeRequired: true });
  expect(await anonymous.request('auth:login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({ ok: false });
  anonymous.close();
  await hub.dispose();
});
