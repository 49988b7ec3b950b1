// One hub per data folder, and a folder that has held a database is never silently a new install: a
// second hub exits, a SIGKILLed hub restarts at once, and a lost or damaged WAL never brings back a
// number already given out.
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { connect, requestId, signIn } from '../helpers/clients';
import { markRestored } from '../../hub/dataFolder';
import { ADMIN_PASSWORD, FLAT_OUT_ENV, KIOSK_KEY, startTestHub, testSeed } from '../helpers/hub';
import { exited, refusedHub, spawnHub, type HubProcess } from '../helpers/hubProcess';

const dirs: string[] = [];
const running: HubProcess[] = [];
afterEach(async () => {
  for (const hub of running.splice(0)) {
    hub.child.kill('SIGKILL');
    await exited(hub.child);
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-folder-'));
  dirs.push(dir);
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(testSeed()));
  // The kiosk below issues back to back, faster than a kiosk's budget allows: the budgets are raised.
  return { dir, env: { ANTRIAN_DATA_DIR: dir, ANTRIAN_SEED: seedFile, ANTRIAN_ADMIN_PASSWORD: ADMIN_PASSWORD, ...FLAT_OUT_ENV } };
}

async function start(env: Record<string, string>): Promise<HubProcess> {
  const hub = await spawnHub(env);
  running.push(hub);
  return hub;
}

async function kill(hub: HubProcess): Promise<void> {
  hub.child.kill('SIGKILL');
  await exited(hub.child);
  running.splice(running.indexOf(hub), 1);
}

async function issue(url: string, count: number): Promise<string[]> {
  const kiosk = await connect(url, { deviceKey: KIOSK_KEY });
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) numbers.push((await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).ticket.number);
  kiosk.close();
  return numbers;
}

const FIRST_FORTY = Array.from({ length: 40 }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`);

it('refuses a second hub on the same folder, naming it, while the first keeps serving', { timeout: 60_000 }, async () => {
  const { dir, env } = folder();
  const first = await start(env);
  const second = await refusedHub(env);
  expect(second.code).not.toBe(0);
  expect(second.output).toContain(dir);
  expect(second.output).toMatch(/sedang dipakai oleh hub lain/);
  expect(await issue(first.url, 1)).toEqual(['A-001']);
});

it('restarts at once on the same folder after a SIGKILL: the lock died with the process', { timeout: 60_000 }, async () => {
  const { env } = folder();
  const first = await start(env);
  await issue(first.url, 3);
  await kill(first);
  const again = await start(env);
  expect(again.output()).toMatch(/tidak berhenti dengan rapi/);
  const [next] = await issue(again.url, 1);
  expect(FIRST_FORTY.slice(0, 3)).not.toContain(next);
});

it('stops with how to restore when the WAL that held the database is deleted', { timeout: 90_000 }, async () => {
  const { dir, env } = folder();
  const first = await start(env);
  expect(await issue(first.url, 40)).toEqual(FIRST_FORTY);
  await kill(first);
  // Nothing was ever checkpointed: the whole database lived in the WAL.
  expect(statSync(join(dir, 'antrian.sqlite-wal')).size).toBeGreaterThan(statSync(join(dir, 'antrian.sqlite')).size);
  rmSync(join(dir, 'antrian.sqlite-wal'));
  rmSync(join(dir, 'antrian.sqlite-shm'), { force: true });

  const refused = await refusedHub(env);
  expect(refused.code).not.toBe(0);
  expect(refused.output).toContain(dir);
  expect(refused.output).toContain('npm run restore');
  expect(refused.output).not.toMatch(/Akun admin dibuat/);
});

it('never gives out a number again when a damaged WAL loses tickets', { timeout: 90_000 }, async () => {
  const { dir, env } = folder();
  const first = await start(env);
  expect(await issue(first.url, 40)).toEqual(FIRST_FORTY);
  await kill(first);
  // Scribble over the second half of the WAL: SQLite keeps what came before the first bad frame.
  const wal = join(dir, 'antrian.sqlite-wal');
  const size = statSync(wal).size;
  const fd = openSync(wal, 'r+');
  writeSync(fd, Buffer.alloc(size - Math.floor(size / 2), 0x5a), 0, size - Math.floor(size / 2), Math.floor(size / 2));
  closeSync(fd);
  truncateSync(wal, size);
  rmSync(join(dir, 'antrian.sqlite-shm'), { force: true });

  const again = await start(env);
  const staff = await signIn(again.url, 'hd1', 'sandi-hd1');
  const kept = (staff.snapshots[0] as { tickets: { number: string }[] }).tickets.length;
  staff.close();
  expect(kept).toBeLessThan(40); // tickets really were lost
  const after = await issue(again.url, 5);
  for (const number of after) expect(FIRST_FORTY).not.toContain(number);
});

it('after a restore marked by markRestored, skips every number reserved today', { timeout: 60_000 }, async () => {
  const { dir } = folder();
  const first = await startTestHub({ dataDir: dir });
  // The backup made at start holds no tickets yet.
  await expect.poll(() => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : []).length).toBe(1);
  expect(await issue(first.url, 3)).toEqual(FIRST_FORTY.slice(0, 3));
  await first.stop();
  const [backup] = readdirSync(join(dir, 'backups'));
  copyFileSync(join(dir, 'backups', backup as string), join(dir, 'antrian.sqlite'));
  markRestored(dir, backup as string);

  const again = await startTestHub({ dataDir: dir });
  try {
    expect(again.logs.join('\n')).toMatch(/memeriksa basis data/);
    const [next] = await issue(again.url, 1);
    expect(FIRST_FORTY.slice(0, 3)).not.toContain(next);
  } finally {
    await again.stop();
  }
});
