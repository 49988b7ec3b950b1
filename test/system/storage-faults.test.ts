// A hub whose disk fills up or turns read-only keeps running: the displays keep their queue, changes are
// refused with a code that says why, staff see the storage alarm, and once the disk takes writes again the
// hub resumes by itself, numbering on with no ticket number twice and no acknowledged ticket lost.
// Real file systems: a small tmpfs filled to the byte, and an ext4 image the kernel turns read-only.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Ticket } from '../../shared/domain/types';
import type { Patch, Snapshot, StaffSnapshot } from '../../shared/protocol/events';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, FakeClock, KIOSK_KEY, startTestHub, testSeed } from '../helpers/hub';
import { exited, spawnHub, type HubProcess } from '../helpers/hubProcess';
import { disposeMounts, ext4, fill, tmpfs } from '../helpers/mounts';

/** Short timers, so a checkpoint and a probe happen within the test (docs/configuration.md). */
const TIMERS = { ANTRIAN_CHECKPOINT_MS: '1000', ANTRIAN_STORAGE_PROBE_MS: '200' };

/** Hub processes still running: killed in afterAll (a test that timed out never reached its finally). */
const running = new Set<HubProcess>();
afterAll(async () => {
  for (const hub of running) await stop(hub);
  disposeMounts();
});

async function start(env: Record<string, string>): Promise<HubProcess> {
  const hub = await spawnHub(env);
  running.add(hub);
  return hub;
}

function hubEnv(dataDir: string): Record<string, string> {
  const seedFile = join(dataDir, '..', 'seed.json');
  writeFileSync(seedFile, JSON.stringify(testSeed()));
  return { ANTRIAN_DATA_DIR: dataDir, ANTRIAN_SEED: seedFile, ANTRIAN_ADMIN_PASSWORD: ADMIN_PASSWORD, ...TIMERS };
}

/** The database as SQLite sees it (file and log) is larger than its file: a checkpoint must grow the file. */
function grownInLogOnly(file: string): boolean {
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const pages = reader.pragma('page_count', { simple: true }) as number;
    const pageSize = reader.pragma('page_size', { simple: true }) as number;
    return pages * pageSize > statSync(file).size;
  } finally {
    reader.close();
  }
}

const storageIs = (state: StaffSnapshot['storage']) => (p: Patch) => p.audience === 'staff' && p.storage === state;
/** A ticket number's place in its service's day: A-012 → 12. */
const seq = (t: Ticket) => Number(t.number.replace(/\D/g, ''));
const staffSnapshot = (client: TestClient) => client.snapshots[client.snapshots.length - 1] as StaffSnapshot;

async function stop(hub: HubProcess | undefined): Promise<void> {
  if (!hub || hub.child.exitCode !== null) return;
  hub.child.kill('SIGTERM');
  await exited(hub.child);
  running.delete(hub);
}

/** What a test leaves: its clients closed, its hub stopped, then its disk unmounted even if the stop failed. */
async function cleanUp(clients: TestClient[], stopHub: () => Promise<void>, disk: { dispose(): void }): Promise<void> {
  for (const c of clients) c.close();
  try {
    await stopHub();
  } finally {
    disk.dispose();
  }
}

/** Rejects once the hub's process has exited: what the hub did before these fixes on a storage fault. */
function whileUp<T>(hub: HubProcess, p: Promise<T>): Promise<T> {
  let onExit = () => {};
  const died = new Promise<never>((_, reject) => {
    onExit = () => reject(new Error(`the hub exited (${hub.child.exitCode ?? hub.child.signalCode}):\n${hub.output()}`));
  });
  if (hub.child.exitCode !== null || hub.child.signalCode) onExit();
  else hub.child.once('exit', onExit);
  return Promise.race([p, died]).finally(() => hub.child.off('exit', onExit));
}

function issue(hub: HubProcess, kiosk: TestClient, serviceCode = 'A') {
  return whileUp(hub, kiosk.request('ticket:issue', { requestId: requestId(), serviceCode }));
}

it('on a full disk keeps serving the displays, refuses with STORAGE_FULL, shows the alarm and resumes by itself', { timeout: 120_000 }, async () => {
  const disk = tmpfs(24);
  let hub: HubProcess | undefined;
  const clients: TestClient[] = [];
  try {
    const dataDir = join(disk.dir, 'data');
    const env = hubEnv(dataDir);
    hub = await start(env);
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    const staff = await signIn(hub.url, 'koor', 'sandi-koor');
    const display = await connect(hub.url);
    clients.push(kiosk, staff, display);
    // The first start's backup takes its share of the disk first.
    const first = hub;
    await expect.poll(() => first.output(), { timeout: 10_000 }).toContain('backup written');

    // Tickets taken until the database has grown in the write-ahead log only: the next checkpoint must
    // write new pages into a disk that by then has no room left.
    fill(disk.dir, 4 * 1024 * 1024);
    const acked: Ticket[] = [];
    for (let i = 0; i < 300 && !grownInLogOnly(join(dataDir, 'antrian.sqlite')); i++) {
      const reply = await issue(hub, kiosk);
      if (!reply.ok) throw new Error(`refused with room left: ${reply.error.code}\n${hub.output()}`);
      acked.push(reply.data.ticket);
    }
    fill(disk.dir);
    await whileUp(hub, staff.waitForPatch(storageIs('full')));
    expect(hub.output()).toMatch(/storage cannot be written \(full\) in the WAL checkpoint/);
    const refused = await issue(hub, kiosk);
    expect(refused.ok ? null : refused.error.code).toBe('STORAGE_FULL');
    expect(refused.ok ? '' : refused.error.message).toContain('penuh');

    // While the fault stands: refused at once, the displays and staff screens that connect get their
    // snapshots (staff with the alarm), a kiosk that connects (a presence write) changes nothing.
    const again = await issue(hub, kiosk, 'B');
    expect(again.ok ? null : again.error.code).toBe('STORAGE_FULL');
    expect(hub.output()).not.toMatch(/storage cannot be written \(full\) in ticket:issue/);
    const lateDisplay = await whileUp(hub, connect(hub.url));
    const lateKiosk = await whileUp(hub, connect(hub.url, { deviceKey: KIOSK_KEY }));
    const lateStaff = await whileUp(hub, connect(hub.url, { token: (staff.socket.auth as { token: string }).token }));
    clients.push(lateDisplay, lateKiosk, lateStaff);
    const shown = lateDisplay.snapshots[0] as Extract<Snapshot, { audience: 'display' }>;
    expect(shown.waiting.A).toBe(acked.length);
    expect(staffSnapshot(lateStaff).storage).toBe('full');
    expect(hub.child.exitCode).toBeNull();

    rmSync(join(disk.dir, 'filler'));
    await whileUp(hub, staff.waitForPatch(storageIs('ok'), 15_000));
    expect(hub.output()).toContain('storage writable again');
    const after: Ticket[] = [];
    for (const service of ['A', 'A', 'B']) {
      const reply = await issue(hub, kiosk, service);
      if (!reply.ok) throw new Error(`refused after the disk was freed: ${reply.error.code}`);
      after.push(reply.data.ticket);
    }
    const lastA = Math.max(...acked.map(seq));
    const newA = after.filter((t) => t.serviceCode === 'A');
    expect(newA.every((t) => seq(t) > lastA)).toBe(true);
    expect(newA.length).toBe(2);

    for (const c of clients.splice(0)) c.close();
    await stop(hub);
    expect(hub.child.exitCode).toBe(0);
    // Started again on the same disk: every acknowledged ticket is stored, each number once.
    hub = await start(env);
    const check = await signIn(hub.url, 'koor', 'sandi-koor');
    clients.push(check);
    const stored = staffSnapshot(check).tickets;
    for (const t of [...acked, ...after]) expect(stored.find((s) => s.id === t.id)?.number).toBe(t.number);
    expect(new Set(stored.map((t) => t.number)).size).toBe(stored.length);
  } finally {
    await cleanUp(clients, () => stop(hub), disk);
  }
});

it('on a file system turned read-only keeps serving, refuses with STORAGE_READ_ONLY and shows the alarm', { timeout: 120_000 }, async () => {
  const disk = ext4();
  let hub: HubProcess | undefined;
  const clients: TestClient[] = [];
  try {
    hub = await start(hubEnv(join(disk.dir, 'data')));
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    const staff = await signIn(hub.url, 'koor', 'sandi-koor');
    clients.push(kiosk, staff);
    const acked = [await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' })];

    disk.fail();
    // A kiosk connecting meanwhile writes nothing (its presence is kept in memory); the first write to meet
    // the read-only disk is the WAL checkpoint's, every second here.
    clients.push(await whileUp(hub, connect(hub.url, { deviceKey: KIOSK_KEY })));
    await whileUp(hub, staff.waitForPatch(storageIs('read_only')));
    const refused = await issue(hub, kiosk);
    expect(refused.ok ? null : refused.error.code).toBe('STORAGE_READ_ONLY');
    const display = await whileUp(hub, connect(hub.url));
    const lateStaff = await whileUp(hub, connect(hub.url, { token: (staff.socket.auth as { token: string }).token }));
    clients.push(display, lateStaff);
    expect((display.snapshots[0] as Extract<Snapshot, { audience: 'display' }>).waiting.A).toBe(acked.length);
    expect(staffSnapshot(lateStaff).storage).toBe('read_only');
    expect(hub.child.exitCode).toBeNull();

    // The kernel decides whether a file system that had an error may be written again.
    const remount = disk.remountReadWrite();
    console.log(`ext4 remount rw after trigger_fs_error: ${remount.ok ? 'allowed' : `refused (${remount.output})`}`);
    if (remount.ok) {
      await whileUp(hub, staff.waitForPatch(storageIs('ok'), 15_000));
      const next = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
      expect(seq(next.ticket)).toBeGreaterThan(Math.max(...acked.map((a) => seq(a.ticket))));
    } else {
      const still = await issue(hub, kiosk);
      expect(still.ok ? null : still.error.code).toBe('STORAGE_READ_ONLY');
      expect(hub.child.exitCode).toBeNull();
    }
  } finally {
    await cleanUp(clients, () => stop(hub), disk);
  }
});

it('lets the day roll over only once the disk takes writes: the timer and the first request after midnight do not crash', { timeout: 60_000 }, async () => {
  const disk = ext4();
  const clock = new FakeClock(Date.parse('2026-11-24T02:00:00.000Z')); // 09:00 in Jakarta
  const clients: TestClient[] = [];
  mkdirSync(join(disk.dir, 'data'));
  const hub = await startTestHub({ dataDir: join(disk.dir, 'data'), clock, timers: { rolloverCheckMs: 50, storageProbeMs: 50 } }).catch(
    (e: unknown) => {
      disk.dispose();
      throw e;
    },
  );
  try {
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    const staff = await signIn(hub.url, 'koor', 'sandi-koor');
    clients.push(kiosk, staff);
    const { ticket } = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });

    disk.fail();
    clock.set('2026-11-24T18:00:00.000Z'); // 01:00 the next office day: yesterday's ticket is due to expire.
    const display = await connect(hub.url);
    clients.push(display);
    const snapshot = await display.ok('sync:snapshot', {});
    expect(snapshot.audience).toBe('display');
    await staff.waitForPatch(storageIs('read_only'));
    expect(hub.logs.join('\n')).toMatch(/storage cannot be written \(read_only\) in the day rollover/);
    // The expiry waits for a writable disk: nothing was half-done.
    expect(hub.storage.state).toBe('read_only');
    expect(hub.db.prepare('SELECT status FROM tickets WHERE id = ?').pluck().get(ticket.id)).toBe('waiting');
  } finally {
    await cleanUp(clients, () => hub.dispose(), disk);
  }
});

it('refuses the first ticket of the day on a full disk with STORAGE_FULL, and the refused one takes no number', { timeout: 60_000 }, async () => {
  const disk = tmpfs(16);
  const clients: TestClient[] = [];
  mkdirSync(join(disk.dir, 'data'));
  // No checkpoint within the test: the ticket's own commit, or the block of ticket numbers it takes
  // (antrian.numbers.json, written outside the database), meets the full disk.
  const hub = await startTestHub({ dataDir: join(disk.dir, 'data'), timers: { checkpointMs: 3_600_000, storageProbeMs: 50 } }).catch(
    (e: unknown) => {
      disk.dispose();
      throw e;
    },
  );
  try {
    await expect.poll(() => hub.logs.join('\n'), { timeout: 10_000 }).toContain('backup written');
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    clients.push(kiosk);
    fill(disk.dir);
    const refused = await kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    expect(refused.ok ? null : refused.error.code).toBe('STORAGE_FULL');
    expect(hub.logs.join('\n')).toMatch(/storage cannot be written \(full\) in ticket:issue: (SQLITE_FULL|ENOSPC)/);

    rmSync(join(disk.dir, 'filler'));
    await expect.poll(() => hub.storage.state, { timeout: 10_000 }).toBe('ok');
    // The refused ticket took no number: the first one of the day is still A-001.
    const { ticket } = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    expect(ticket.number).toBe('A-001');
  } finally {
    await cleanUp(clients, () => hub.dispose(), disk);
  }
});
