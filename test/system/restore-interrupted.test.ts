// `npm run restore` killed at any step (strace stops it with SIGKILL at the chosen file operation, as a power
// cut would), then run again, ends as a restore never interrupted: a kiosk revoked and an account
// deactivated since the backup stay out, no case reference or ticket number is given out twice, the next
// start checks the database; and while it is unfinished the hub does not start on the wrong database.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StaffSnapshot } from '../../shared/protocol/events';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, KIOSK_KEY, startTestHub, testSeed, type TestHub } from '../helpers/hub';
import { runRestore } from '../helpers/restore';

const SECOND_KIOSK_KEY = 'kiosk-key-lantai-2';
/** The file operations a kill can land on: every change the restore makes to the data folder is one of them. */
const STEPS = 'rename,renameat,renameat2,unlink,unlinkat';
const GIVEN_OUT = ['A-001', 'A-002', 'A-003', 'A-004', 'A-005'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-interrupted-'));
  dirs.push(dir);
  return dir;
}

/** Kills the restore as it reaches `steps[index]`: strace counts each system call apart, so its nth rename, say. */
function killedAt(dataDir: string, backup: string, steps: string[], index: number) {
  const call = (step: string | undefined) => /^\w+/.exec(step ?? '')?.[0];
  const nth = steps.slice(0, index + 1).filter((s) => call(s) === call(steps[index])).length;
  return runRestore(dataDir, backup, ['-o', '/dev/null', '-e', `trace=${STEPS}`, '-e', `inject=${call(steps[index])}:signal=KILL:when=${nth}`]);
}

const issue = async (kiosk: TestClient) => (await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).ticket.number;

let template: string;
let backup: string;
let handedOut: string;

beforeAll(async () => {
  if (spawnSync('strace', ['-V']).error) {
    throw new Error("strace is not installed: these tests kill the restore with it (Debian's strace package; test/run.sh installs it as root)");
  }
  template = tempDir();
  const seed = testSeed(3, { devices: [...(testSeed().devices ?? []), { name: 'Kiosk Lantai 2', kind: 'kiosk', key: SECOND_KIOSK_KEY }] });
  const hub = await startTestHub({ dataDir: template, seed });
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  for (let i = 0; i < 3; i++) await issue(kiosk);
  backup = (await admin.ok('admin:backupNow', {})).file;
  // Since the backup: two more numbers, a case reference handed to a visitor, a kiosk revoked, an officer deactivated.
  expect([await issue(kiosk), await issue(kiosk)]).toEqual(GIVEN_OUT.slice(3));
  const officer = await signIn(hub.url, 'hd1', 'sandi-hd1');
  await officer.ok('counter:open', { counterId: 1 });
  const called = await officer.ok('ticket:callNext', { counterId: 1 });
  handedOut = (await officer.ok('ticket:start', { counterId: 1, ticketId: called.id })).case.reference;
  const devices = admin.adminViews.at(-1)?.devices ?? [];
  const users = admin.adminViews.at(-1)?.users ?? [];
  await admin.ok('admin:deviceRevoke', { deviceId: devices.find((d) => d.name === 'Kiosk Lantai 2')?.id ?? 0 });
  await admin.ok('admin:userDeactivate', { userId: users.find((u) => u.username === 'hd3')?.id ?? 0 });
  for (const c of [officer, kiosk, admin]) c.close();
  await hub.stop();
});

/** A copy of the folder as it was when the hub stopped, before any restore. */
function freshFolder(): string {
  const dir = tempDir();
  cpSync(template, dir, { recursive: true });
  return dir;
}

const replacedFolders = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('replaced-'));

function ticketsIn(file: string): string[] {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.prepare('SELECT number FROM tickets ORDER BY number').all() as { number: string }[]).map((t) => t.number);
  } finally {
    db.close();
  }
}

/** What an uninterrupted restore leaves, as the hub started on it and its users see it. */
async function expectRestored(dir: string, output: string, at: string): Promise<void> {
  expect(output, at).toMatch(/3 nomor antrian/);
  const hub = await startTestHub({ dataDir: dir });
  const clients: TestClient[] = [];
  try {
    // Marked restored: the start checks the database and skips every number reserved before.
    expect(hub.logs.join('\n'), at).toMatch(/memeriksa basis data/);
    await expect(connect(hub.url, { deviceKey: SECOND_KIOSK_KEY }), at).rejects.toMatchObject({ data: { code: 'DEVICE_REVOKED' } });
    const anonymous = await connect(hub.url);
    clients.push(anonymous);
    expect(await anonymous.request('auth:login', { username: 'hd3', password: 'sandi-hd3' }), at).toMatchObject({ ok: false });
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    clients.push(kiosk);
    const next = await issue(kiosk);
    expect(Number(next.slice(2)), `${at}: ${next} comes after A-005`).toBeGreaterThan(5);
    const staff = await signIn(hub.url, 'hd1', 'sandi-hd1');
    clients.push(staff);
    expect((staff.snapshots[0] as StaffSnapshot).tickets.map((t) => t.number).sort(), at).toEqual([...GIVEN_OUT.slice(0, 3), next]);
    await staff.ok('counter:open', { counterId: 2 });
    const called = await staff.ok('ticket:callNext', { counterId: 2 });
    const { case: fresh } = await staff.ok('ticket:start', { counterId: 2, ticketId: called.id });
    expect(fresh.reference, at).not.toBe(handedOut);
  } finally {
    for (const c of clients) c.close();
    await hub.stop();
  }
  // One database set aside, the one that was live before the restore: the way back, if the restore was wrong.
  const [keptAside, ...more] = replacedFolders(dir);
  expect(more, at).toEqual([]);
  expect(output, at).toContain(join(dir, keptAside ?? 'replaced-?'));
  expect(ticketsIn(join(dir, keptAside ?? '', 'antrian.sqlite')), at).toEqual(GIVEN_OUT);
}

/** The file operations of an uninterrupted restore, in order: the steps a kill can land on. */
function uninterruptedSteps(): string[] {
  const dir = freshFolder();
  const trace = join(tempDir(), 'trace');
  const done = runRestore(dir, backup, ['-o', trace, '-e', `trace=${STEPS}`]);
  expect(done.status, done.stderr).toBe(0);
  const lines = readFileSync(trace, 'utf8').trim().split('\n');
  // Without the process number and the folder, a step reads as what it does.
  return lines.map((l) => l.replace(/^\d+ +/, '').replaceAll(dir, ''));
}

it('killed at any step of the restore, then run again, ends as an uninterrupted restore', { timeout: 300_000 }, async () => {
  const steps = uninterruptedSteps();
  // Setting the old database aside and putting the backup in place are among them.
  expect(steps.join('\n')).toMatch(/rename\("\/antrian\.sqlite", "\/replaced-/);
  expect(steps.join('\n')).toMatch(/rename\("\/antrian\.sqlite\.restoring", "\/antrian\.sqlite"\)/);
  for (const [i, step] of steps.entries()) {
    const at = `killed at step ${i + 1}: ${step}`;
    const dir = freshFolder();
    const killed = killedAt(dir, backup, steps, i);
    expect(killed.signal ?? killed.status, `${at}\n${killed.stderr}`).toBe('SIGKILL');
    const again = runRestore(dir, backup);
    expect(again.status, `${at}\n${again.stderr}`).toBe(0);
    await expectRestored(dir, again.stdout, at);
  }
});

async function hubRefusal(dir: string): Promise<string> {
  let hub: TestHub | undefined;
  try {
    hub = await startTestHub({ dataDir: dir });
  } catch (e) {
    return (e as Error).message;
  }
  await hub.stop();
  return 'the hub started';
}

it('while a restore is unfinished, the hub does not start and says to run the same restore again', { timeout: 120_000 }, async () => {
  const steps = uninterruptedSteps();
  // Between setting the old database aside and putting the backup in place, and once it is in place.
  // (a kill lands on a step before it is done, so the one after each).
  const windows = [
    steps.findIndex((s) => s.startsWith('rename("/antrian.sqlite", "/replaced-')) + 1,
    steps.findIndex((s) => s.startsWith('rename("/antrian.sqlite.restoring", "/antrian.sqlite")')) + 1,
  ];
  for (const step of windows) {
    const at = `killed at step ${step + 1}: ${steps[step] ?? '?'}`;
    const dir = freshFolder();
    expect(killedAt(dir, backup, steps, step).signal, at).toBe('SIGKILL');
    const refusal = await hubRefusal(dir);
    expect(refusal, at).toMatch(/terputus sebelum selesai/);
    expect(refusal, at).toContain(`npm run restore -- ${join(dir, 'backups', backup)}`);
    expect(refusal, at).toMatch(/was interrupted/);
    // Another backup waits until this restore is finished, and is told how to finish it.
    const other = join(tempDir(), 'other.sqlite');
    copyFileSync(join(dir, 'backups', backup), other);
    const refused = runRestore(dir, other);
    expect(refused.status, at).toBe(1);
    expect(refused.stderr, at).toContain(`npm run restore -- ${join(dir, 'backups', backup)}`);
    const again = runRestore(dir, backup);
    expect(again.status, `${at}\n${again.stderr}`).toBe(0);
    await expectRestored(dir, again.stdout, at);
  }
});
