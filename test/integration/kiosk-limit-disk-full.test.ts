// A kiosk's tickets per minute count the tickets it issued, not its attempts: while the disk was full every
// issue failed, and once space is freed the kiosk issues its full minute's worth again at once, rather than
// turning visitors away for up to a minute for tickets that were never made.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, requestId, type TestClient } from '../helpers/clients';
import { FakeClock, KIOSK_KEY, startTestHub, testSeed, type TestHub } from '../helpers/hub';

const LIMIT = 3;
/** Attempts while the disk is full: more than the limit, so counting them would use the whole minute up. */
const ATTEMPTS_WHILE_FULL = LIMIT + 2;

const dataDir = mkdtempSync(join(tmpdir(), 'antrian-full-disk-'));
const filler = join(dataDir, 'filler.bin');
// The office's clock stands still: every attempt falls within one minute of the kiosk's limit.
const clock = new FakeClock(Date.parse('2026-11-24T01:00:00.000Z'));
let mounted = false;
let hub: TestHub | undefined;
let kiosk: TestClient | undefined;

async function until<T>(what: string, probe: () => T | Promise<T>, done: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Writes to the filler until the file system refuses a single byte more. */
function fillDisk(): void {
  const fd = openSync(filler, 'w');
  try {
    for (let chunk = 1 << 20; chunk >= 1; chunk >>= 2) {
      const bytes = Buffer.alloc(chunk, 0x55);
      for (;;) {
        try {
          writeSync(fd, bytes);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

beforeAll(async () => {
  // A small file system of its own, so filling it troubles nothing else on the machine.
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dataDir]);
  mounted = true;
  hub = await startTestHub({ dataDir, clock, seed: testSeed(1, { settings: { kioskRateLimitPerMinute: LIMIT } }) });
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  // The start-up backup is written before the disk is filled, so that it is not what fails.
  const started = hub;
  await until('the start-up backup', () => started.logs.some((l) => /backup written|backup failed/.test(l)), Boolean);
});
afterAll(async () => {
  try {
    kiosk?.close();
    await hub?.dispose();
  } finally {
    // Lazily, so a file still open cannot keep the test's file system mounted.
    if (mounted) execFileSync('umount', ['--lazy', dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

const issue = () => (kiosk as TestClient).request('ticket:issue', { requestId: requestId(), serviceCode: 'A' });

it('after a full disk, issues the whole minute’s limit: the failed attempts took no place in it', async () => {
  // An empty write-ahead log: the next ticket needs new space on the disk, which will not be there.
  (hub as TestHub).db.pragma('wal_checkpoint(TRUNCATE)');
  fillDisk();
  // Read through the hub each time: after the fault it writes on a new connection (hub/storage.ts).
  const stored = () => ((hub as TestHub).db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

  for (let i = 0; i < ATTEMPTS_WHILE_FULL; i++) expect((await issue()).ok, `attempt ${i + 1} on a full disk`).toBe(false);
  expect(stored()).toBe(0);

  unlinkSync(filler);
  // The hub needs no restart: it finds the space by itself. A refusal for the kiosk's limit ends the wait
  // too, as the failed attempts would have been counted.
  const first = await until('an issue once the disk has room', issue, (r) => r.ok || r.error.code === 'KIOSK_RATE_LIMITED', 20_000);
  expect(first.ok || first.error.code, 'the first issue once the disk has room').toBe(true);
  expect(first).toMatchObject({ ok: true, data: { ticket: { number: 'A-001' } } });
  for (let n = 2; n <= LIMIT; n++) expect(await issue()).toMatchObject({ ok: true, data: { ticket: { number: `A-00${n}` } } });
  // The limit itself still holds: the issued tickets are what it counts.
  expect(await issue()).toMatchObject({ ok: false, error: { code: 'KIOSK_RATE_LIMITED' } });
  expect(stored()).toBe(LIMIT);
});
