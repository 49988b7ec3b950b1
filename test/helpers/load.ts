// Measuring a hub under load from outside: its memory as the kernel reports it, a kiosk's latency,
// and noisy clients in their own processes.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOING, type FloodPlan, type FloodResult } from '../load/flooding';
import { connect, requestId, type TestClient } from './clients';
import type { Seed } from '../../hub/seed';
import { ADMIN_PASSWORD, FLAT_OUT_ENV, KIOSK_KEY, ROOT, testSeed } from './hub';
import { exited, spawnHub, type HubProcess } from './hubProcess';

/** Resident memory of a process in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`no VmRSS for ${pid}`);
  return Number(line[1]) / 1024;
}

/** Samples a process's RSS every 200 ms until stopped; returns the highest seen. */
export function watchRss(pid: number): { stop: () => number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

export function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Infinity;
}

/**
 * A kiosk taking one ticket every `everyMs`, for `forMs` or, given a promise, until it settles: each ticket's
 * time to acknowledgement, and any refusal.
 */
export async function kioskAtPace(kiosk: TestClient, forMs: number | Promise<unknown>, everyMs = 100): Promise<{ latencies: number[]; errors: string[] }> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const requests: Promise<void>[] = [];
  let over = false;
  if (typeof forMs !== 'number') forMs.then(() => (over = true), () => (over = true));
  const tickets = typeof forMs === 'number' ? Math.floor(forMs / everyMs) : Infinity;
  for (let i = 0; i < tickets && !over; i++) {
    const started = performance.now();
    requests.push(
      kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' }).then(
        (reply) => {
          latencies.push(performance.now() - started);
          if (!reply.ok) errors.push(reply.error.code);
        },
        (e: unknown) => void errors.push(String(e)),
      ),
    );
    await new Promise((r) => setTimeout(r, everyMs));
  }
  await Promise.all(requests);
  return { latencies, errors };
}

/**
 * Runs a noisy client in its own process (see test/load/flooder.ts): `going` settles once it is at work,
 * `done` with what it saw.
 */
export function flood(plan: FloodPlan): { going: Promise<void>; done: Promise<FloodResult> } {
  const args = ['--import', 'tsx', join(ROOT, 'test/load/flooder.ts'), JSON.stringify(plan)];
  let atWork: () => void = () => undefined;
  let never: (e: Error) => void = () => undefined;
  const going = new Promise<void>((resolve, reject) => ((atWork = resolve), (never = reject)));
  const done = new Promise<FloodResult>((resolve, reject) => {
    const child = execFile(process.execPath, args, { cwd: ROOT, timeout: plan.ms + 30_000, maxBuffer: 1e6 }, (err, stdout) =>
      err ? reject(err) : resolve(JSON.parse(stdout.trim().split('\n').pop() as string) as FloodResult),
    );
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').includes(GOING)) atWork();
    });
  });
  // A flooder that ends without getting to work leaves nothing waiting for it; a test that does not wait
  // for it to go learns of that failure from `done`.
  done.then(() => never(new Error('the flooder never got to work')), never);
  going.catch(() => undefined);
  return { going, done };
}

/**
 * Fills a data folder with a busy day's tickets, so the staff snapshot is as heavy as the one that once
 * stalled the hub. Issued flat out by several kiosks through a hub of its own (budgets raised for this part
 * only), stopped cleanly before the hub under test takes the folder.
 */
export async function busyDay(env: Record<string, string>, tickets: number): Promise<void> {
  const filler = await spawnHub({ ...env, ...FLAT_OUT_ENV });
  const kiosks = await Promise.all(Array.from({ length: 8 }, () => connect(filler.url, { deviceKey: KIOSK_KEY })));
  await Promise.all(
    kiosks.map(async (k, i) => {
      for (let n = i; n < tickets; n += kiosks.length) await k.ok('ticket:issue', { requestId: requestId(), serviceCode: n % 2 ? 'B' : 'A' });
    }),
  );
  for (const k of kiosks) k.close();
  filler.child.kill('SIGTERM');
  await exited(filler.child);
}

export interface LoadHub extends HubProcess {
  /** The test's clients: closed when the hub stops. */
  clients: TestClient[];
  /** Closes the clients, kills the hub and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * A hub in its own process on a fresh data folder, seeded with `seed` (else the test seed), after a busy day
 * of `ticketsBefore` tickets when asked. `env` adds to its environment (FLAT_OUT_ENV raises the budgets).
 */
export async function loadHub(opts: { ticketsBefore?: number; env?: Record<string, string>; seed?: Seed } = {}): Promise<LoadHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'antrian-load-'));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  const seedFile = join(dataDir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(opts.seed ?? testSeed()));
  const env = { ANTRIAN_DATA_DIR: dataDir, ANTRIAN_SEED: seedFile, ANTRIAN_ADMIN_PASSWORD: ADMIN_PASSWORD };
  let hub: HubProcess;
  try {
    if (opts.ticketsBefore) await busyDay(env, opts.ticketsBefore);
    hub = await spawnHub({ ...env, ...opts.env });
  } catch (e) {
    remove();
    throw e;
  }
  const clients: TestClient[] = [];
  return {
    ...hub,
    clients,
    async stop() {
      for (const c of clients) c.close();
      hub.child.kill('SIGKILL');
      await exited(hub.child);
      remove();
    },
  };
}
