// A hub whose disk fills up or turns read-only keeps running: the displays keep their queue, changes are
// refused with a code that says why, staff see the storage alarm, and once the disk takes writes again the
// hub resumes by itself, numbering on with no ticket number twice and no acknowledged ticket lost.
// Real file systems: a small tmpfs filled to the byte, and an ext4 image the kernel turns read-only.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Ticket } from '../../shared/domain/types';
import type { Patch, Snapshot, StaffSnapshot } from '../../shared/protocol/events';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, FakeClock, KIOSK_KEY, startTestHub, testSeed } from '../helpers/hub';
import { exited, spawnHub, type HubProcess } from '../helpers/hubProcess';
import { ext4, fill, tmpfs } from '../helpers/mounts';

/** Short timers, so a checkpoint and a probe happen within the test (docs/configuration.md). */
const TIMERS = { ANTRIAN_CHECKPOINT_MS: '300', ANTRIAN_STORAGE_PROBE_MS: '200' };

function hubEnv(dataDir: string): Record<string, string> {
  const seedFile = join(dataDir, '..', 'seed.json');
  writeFileSync(seedFile, JSON.stringify(testSeed()));
  return { ANTRIAN_DATA_DIR: dataDir, ANTRIAN_SEED: seedFile, ANTRIAN_ADMIN_PASSWORD: ADMIN_PASSWORD, ...TIMERS };
}

const storageIs = (state: StaffSnapshot['storage']) => (p: Patch) => p.audience === 'staff' && p.storage === state;
/** A ticket number's place in its service's day: A-012 → 12. */
const seq = (t: Ticket) => Number(t.number.replace(/\D/g, ''));
const staffSnapshot = (client: TestClient) => client.snapshots[client.snapshots.length - 1] as StaffSnapshot;

async function stop(hub: HubProcess | undefined): Promise<void> {
  if (!hub || hub.child.exitCode !== null) return;
  hub.child.kill('SIGTERM');
  await exited(hub.child);
}

async function issue(kiosk: TestClient, serviceCode = 'A') {
  return kiosk.request('ticket:issue', { requestId: requestId(), serviceCode });
}

it('on a full disk keeps serving the displays, refuses with STORAGE_FULL, shows the alarm and resumes by itself', { timeout: 120_000 }, async () => {
  const disk = tmpfs(24);
  let hub: HubProcess | undefined;
  const clients: TestClient[] = [];
  try {
    const dataDir = join(disk.dir, 'data');
    const env = hubEnv(dataDir);
    hub = await spawnHub(env);
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    const staff = await signIn(hub.url, 'koor', 'sandi-koor');
    const display = await connect(hub.url);
    clients.push(kiosk, staff, display);
    expect(staffSnapshot(staff).storage).toBe('ok');
    // The first start's backup takes its share of the disk first.
    const running = hub;
    await expect.poll(() => running.output(), { timeout: 10_000 }).toContain('backup written');

    // Tickets taken while the disk fills: the last of them still only in the write-ahead log, so the next
    // checkpoint must grow the database into a disk with no room left.
    fill(disk.dir, 2 * 1024 * 1024);
    const acked: Ticket[] = [];
    // About 30 kB of write-ahead log each: well within the room left.
    for (let i = 0; i < 15; i++) {
      const reply = await issue(kiosk);
      if (!reply.ok) throw new Error(`refused with room left: ${reply.error.code}\n${hub.output()}`);
      acked.push(reply.data.ticket);
    }
    fill(disk.dir);
    // Until the hub has found the fault, a ticket may still fit in space the log already holds; the next
    // block of ticket numbers at the latest needs new space.
    let refused: { code: string; message: string } | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const reply = await issue(kiosk);
      if (reply.ok) acked.push(reply.data.ticket);
      else refused = reply.error;
    }
    expect(refused?.code).toBe('STORAGE_FULL');
    expect(refused?.message).toContain('penuh');
    await staff.waitForPatch(storageIs('full'));

    // While the fault stands: refused at once, the displays and staff screens that connect get their
    // snapshots (staff with the alarm), a kiosk that connects (a presence write) changes nothing.
    const again = await issue(kiosk, 'B');
    expect(again.ok ? null : again.error.code).toBe('STORAGE_FULL');
    const lateDisplay = await connect(hub.url);
    const lateKiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    const lateStaff = await connect(hub.url, { token: (staff.socket.auth as { token: string }).token });
    clients.push(lateDisplay, lateKiosk, lateStaff);
    const shown = lateDisplay.snapshots[0] as Extract<Snapshot, { audience: 'display' }>;
    expect(shown.waiting.A).toBe(acked.length);
    expect(staffSnapshot(lateStaff).storage).toBe('full');
    expect(hub.child.exitCode).toBeNull();

    rmSync(join(disk.dir, 'filler'));
    await staff.waitForPatch(storageIs('ok'), 15_000);
    expect(hub.output()).toContain('storage writable again');
    const after: Ticket[] = [];
    for (const service of ['A', 'A', 'B']) {
      const reply = await issue(kiosk, service);
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
    hub = await spawnHub(env);
    const check = await signIn(hub.url, 'koor', 'sandi-koor');
    clients.push(check);
    const stored = staffSnapshot(check).tickets;
    for (const t of [...acked, ...after]) expect(stored.find((s) => s.id === t.id)?.number).toBe(t.number);
    expect(new Set(stored.map((t) => t.number)).size).toBe(stored.length);
  } finally {
    for (const c of clients) c.close();
    await stop(hub);
    disk.dispose();
  }
});

it('on a file system turned read-only keeps serving, refuses with STORAGE_READ_ONLY and shows the alarm', { timeout: 120_000 }, async () => {
  const disk = ext4();
  let hub: HubProcess | undefined;
  const clients: TestClient[] = [];
  try {
    hub = await spawnHub(hubEnv(join(disk.dir, 'data')));
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    const staff = await signIn(hub.url, 'koor', 'sandi-koor');
    clients.push(kiosk, staff);
    const acked = [await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' })];

    disk.fail();
    // A kiosk connecting records its presence: the first write to meet the read-only disk.
    clients.push(await connect(hub.url, { deviceKey: KIOSK_KEY }));
    await staff.waitForPatch(storageIs('read_only'));
    const refused = await issue(kiosk);
    expect(refused.ok ? null : refused.error.code).toBe('STORAGE_READ_ONLY');
    const display = await connect(hub.url);
    const lateStaff = await connect(hub.url, { token: (staff.socket.auth as { token: string }).token });
    clients.push(display, lateStaff);
    expect((display.snapshots[0] as Extract<Snapshot, { audience: 'display' }>).waiting.A).toBe(acked.length);
    expect(staffSnapshot(lateStaff).storage).toBe('read_only');
    expect(hub.child.exitCode).toBeNull();

    // The kernel decides whether a file system that had an error may be written again.
    const remount = disk.remountReadWrite();
    console.log(`ext4 remount rw after trigger_fs_error: ${remount.ok ? 'allowed' : `refused (${remount.output})`}`);
    if (remount.ok) {
      await staff.waitForPatch(storageIs('ok'), 15_000);
      const next = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
      expect(seq(next.ticket)).toBeGreaterThan(Math.max(...acked.map((a) => seq(a.ticket))));
    } else {
      const still = await issue(kiosk);
      expect(still.ok ? null : still.error.code).toBe('STORAGE_READ_ONLY');
      expect(hub.child.exitCode).toBeNull();
    }
  } finally {
    for (const c of clients) c.close();
    await stop(hub);
    disk.dispose();
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
    for (const c of clients) c.close();
    await hub.dispose();
    disk.dispose();
  }
});
