// A keyed TV on flaky Wi-Fi: a display that connects and drops 100 times costs the hub no disk write per drop,
// and no build of the admin view while no admin is connected to see it. Counted from outside the hub process
// with strace: every fsync and fdatasync it makes, and every opening of the backups folder, which each admin
// view lists. What the admin sees stays live, and the last time seen reaches the database all the same.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, DISPLAY_KEY, KIOSK_KEY, testSeed } from '../helpers/hub';
import { exited, spawnHub } from '../helpers/hubProcess';

const NEW_TV_KEY = 'display-key-tv-baru';
const dir = mkdtempSync(join(tmpdir(), 'antrian-presence-'));
const dataDir = join(dir, 'data');
const trace = join(dir, 'hub.strace');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  if (spawnSync('strace', ['-V']).error) {
    throw new Error("strace is not installed: this test counts the hub's fsyncs with it (Debian's strace package; test/run.sh installs it as root)");
  }
});

interface Call {
  at: number;
  line: string;
}
/** The traced calls made between two instants (ms since the epoch, as strace's -ttt and Date.now() tell them). */
function callsBetween(calls: Call[], from: number, to: number) {
  const within = calls.filter((c) => c.at >= from && c.at <= to);
  return {
    fsyncs: within.filter((c) => /\b(fsync|fdatasync)\(/.test(c.line)).length,
    adminViews: within.filter((c) => /\bopenat\(.*\/backups", .*O_DIRECTORY/.test(c.line)).length,
  };
}

/** One drop: the TV connects, gets its snapshot, and goes. */
async function flap(url: string, key: string): Promise<void> {
  const tv = await connect(url, { deviceKey: key });
  tv.close();
}

it('costs no fsync and no admin view per connect and drop, while admins still see it live', { timeout: 180_000 }, async () => {
  const seedFile = join(dir, 'seed.json');
  const seed = testSeed();
  seed.devices?.push({ name: 'TV Baru', kind: 'display', key: NEW_TV_KEY });
  writeFileSync(seedFile, JSON.stringify(seed));
  const env = {
    ANTRIAN_DATA_DIR: dataDir,
    ANTRIAN_SEED: seedFile,
    ANTRIAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
    // Nothing of the hub's own writes falls inside the counted windows but what presence does.
    ANTRIAN_CHECKPOINT_MS: '3600000',
    ANTRIAN_PRESENCE_WRITE_MS: '3600000',
  };
  const hub = await spawnHub(env, ['strace', '-f', '-qq', '--seccomp-bpf', '-ttt', '-e', 'trace=fsync,fdatasync,openat', '-o', trace]);
  const clients: TestClient[] = [];
  const windows: Record<'alone' | 'watched' | 'ticket', [number, number]> = { alone: [0, 0], watched: [0, 0], ticket: [0, 0] };
  let lastFlap = '';
  /** The TV's stored last-seen time: after its first connection, after 100 drops, after 10 drops watched. */
  const stored: Array<string | null> = [];
  try {
    // The start-up backup is written (and the folder listed) before anything is counted.
    await expect.poll(() => hub.output(), { timeout: 30_000 }).toMatch(/backup written/);
    // The TV's first connection ever is stored at once: the admin's setup checklist reads it.
    await flap(hub.url, DISPLAY_KEY);
    const live = new Database(join(dataDir, 'antrian.sqlite'), { readonly: true });
    const seen = (name: string) => live.prepare('SELECT last_seen_at FROM devices WHERE name = ?').pluck().get(name) as string | null;
    try {
      stored.push(seen('TV Ruang Tunggu'));

      windows.alone[0] = Date.now();
      for (let i = 0; i < 100; i++) await flap(hub.url, DISPLAY_KEY);
      windows.alone[1] = Date.now();
      stored.push(seen('TV Ruang Tunggu'));

      const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
      clients.push(admin);
      windows.watched[0] = Date.now();
      for (let i = 0; i < 10; i++) {
        lastFlap = new Date().toISOString();
        await flap(hub.url, DISPLAY_KEY);
      }
      windows.watched[1] = Date.now();
      // The admin sees the TV go and when it was last seen, though the database does not hold that yet.
      const tv = () => admin.adminViews.at(-1)?.devices.find((d) => d.name === 'TV Ruang Tunggu');
      await expect.poll(() => tv()?.online).toBe(false);
      expect(Date.parse(tv()?.lastSeenAt ?? '')).toBeGreaterThanOrEqual(Date.parse(lastFlap));
      stored.push(seen('TV Ruang Tunggu'));

      // A device never seen before is stored at its first connection.
      await flap(hub.url, NEW_TV_KEY);
      await expect.poll(() => seen('TV Baru')).not.toBeNull();

      // What the counting sees of a write: a ticket's commit is one fsync at least.
      const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
      clients.push(kiosk);
      windows.ticket[0] = Date.now();
      await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
      windows.ticket[1] = Date.now();
    } finally {
      live.close();
    }
  } finally {
    for (const c of clients) c.close();
    // strace's child is the hub: it stops cleanly on SIGTERM, and strace ends with it.
    const [hubPid] = readFileSync(`/proc/${hub.child.pid}/task/${hub.child.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    process.kill(hubPid as number, 'SIGTERM');
    await exited(hub.child);
  }

  const calls = readFileSync(trace, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const m = /^\d+\s+(\d+\.\d+)\s/.exec(line);
      return m ? [{ at: Number(m[1]) * 1000, line }] : [];
    });
  expect(callsBetween(calls, ...windows.alone)).toEqual({ fsyncs: 0, adminViews: 0 });
  const watched = callsBetween(calls, ...windows.watched);
  expect(watched.fsyncs).toBe(0);
  // Watched, each connect and drop is sent to the admin as it happens.
  expect(watched.adminViews).toBeGreaterThanOrEqual(10);
  expect(callsBetween(calls, ...windows.ticket).fsyncs).toBeGreaterThanOrEqual(1);
  // Stored at the first connection, and not again while the TV flapped.
  expect(stored[0]).not.toBeNull();
  expect(stored).toEqual([stored[0], stored[0], stored[0]]);

  // The clean stop wrote the last time seen.
  const db = new Database(join(dataDir, 'antrian.sqlite'), { readonly: true });
  try {
    const stored = db.prepare("SELECT last_seen_at FROM devices WHERE name = 'TV Ruang Tunggu'").pluck().get() as string;
    expect(Date.parse(stored)).toBeGreaterThanOrEqual(Date.parse(lastFlap));
  } finally {
    db.close();
  }
});
