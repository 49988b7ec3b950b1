// A real hub on a random port with a real SQLite file in a fresh temporary folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS, type HubLimits, type HubTimers } from '../../hub/config';
import type { Seed } from '../../hub/seed';
import { startHub, type RunningHub } from '../../hub/server';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const APPS_DIR = join(ROOT, 'dist');
export const ADMIN_PASSWORD = 'admin-rahasia';
/**
 * scrypt's cost for the test hubs' throwaway accounts: every hub start hashes its seed's passwords and every
 * sign-in checks one, which at the office's cost was a large share of the suite's time. The load tests run
 * their hubs at the office's cost.
 */
const TEST_PASSWORD_COST = 1024;
export const KIOSK_KEY = 'kiosk-key-lobi-1';
export const DISPLAY_KEY = 'display-key-tv-1';

/** A clock tests can move: the hub reads "now" only through it. */
export class FakeClock {
  constructor(private ms: number) {}
  now = (): Date => new Date(this.ms);
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function testSeed(counters = 3, extra: Partial<Seed> = {}): Seed {
  const users: NonNullable<Seed['users']> = [];
  for (let i = 1; i <= counters; i++) users.push({ username: `hd${i}`, password: `sandi-hd${i}`, name: `Petugas ${i}`, role: 'helpdesk' });
  users.push(
    { username: 'koor', password: 'sandi-koor', name: 'Koordinator Helpdesk', role: 'coordinator' },
    { username: 'kepala', password: 'sandi-kepala', name: 'Kepala Unit', role: 'head' },
  );
  return {
    office: { name: 'LPSE Kota Batam', address: 'Jl. Engku Putri No. 1, Batam Centre' },
    services: [
      { code: 'A', name: 'Gangguan / Permasalahan' },
      { code: 'B', name: 'Permintaan Informasi / Konsultasi' },
    ],
    counters: Array.from({ length: counters }, (_, i) => ({ name: `Loket ${i + 1}`, services: ['A', 'B'] })),
    users,
    devices: [
      { name: 'Kiosk Lobi', kind: 'kiosk', key: KIOSK_KEY },
      { name: 'TV Ruang Tunggu', kind: 'display', key: DISPLAY_KEY },
    ],
    settings: { kioskRateLimitPerMinute: 10_000 },
    ...extra,
  };
}

/** Budgets for tests that issue or call flat out, as no office's devices do: far above the defaults. */
export const FLAT_OUT_LIMITS: HubLimits = {
  budgets: { staff: 100_000, kiosk: 100_000, display: 100_000, visitor: 100_000, survey: 100_000 },
  refusalsBeforeDisconnect: 100_000,
  maxConnectionsPerAddress: 10_000,
  deviceKeyGuessesPerMinute: DEFAULT_LIMITS.deviceKeyGuessesPerMinute,
  visitorCodeGuessesPerMinute: DEFAULT_LIMITS.visitorCodeGuessesPerMinute,
};

/** The same budgets as start-up settings, for a hub in its own process. */
export const FLAT_OUT_ENV = {
  ANTRIAN_BUDGET_STAFF: '100000',
  ANTRIAN_BUDGET_KIOSK: '100000',
  ANTRIAN_BUDGET_DISPLAY: '100000',
  ANTRIAN_BUDGET_VISITOR: '100000',
  ANTRIAN_BUDGET_SURVEY: '100000',
  ANTRIAN_REFUSALS_BEFORE_DISCONNECT: '100000',
  ANTRIAN_MAX_CONN_PER_ADDRESS: '10000',
};

export interface TestHub extends RunningHub {
  url: string;
  dataDir: string;
  logs: string[];
  /** Stops the hub and removes its folder. */
  dispose(): Promise<void>;
}

/**
 * `seed: null` starts as `npm start` does on a new machine: no seed file and no admin password set, so the
 * admin's password is generated (temporary) and the defaults are made.
 */
export async function startTestHub(
  options: {
    seed?: Seed | null;
    clock?: FakeClock;
    dataDir?: string;
    timeZone?: string;
    port?: number;
    limits?: HubLimits;
    /** scrypt's cost: the tests' low one unless a test needs hashing to take as long as in an office. */
    passwordCost?: number;
    timers?: Partial<HubTimers>;
  } = {},
): Promise<TestHub> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'antrian-test-'));
  const bare = options.seed === null;
  const seedFile = bare ? undefined : join(dataDir, 'seed.json');
  if (seedFile) writeFileSync(seedFile, JSON.stringify(options.seed ?? testSeed()));
  const logs: string[] = [];
  const running = await startHub(
    {
      port: options.port ?? 0,
      host: '127.0.0.1',
      dataDir,
      adminPassword: bare ? undefined : ADMIN_PASSWORD,
      seedFile,
      timeZone: options.timeZone ?? 'Asia/Jakarta',
      limits: options.limits ?? DEFAULT_LIMITS,
      allowedOrigins: [],
      timers: options.timers,
    },
    { appsDir: APPS_DIR, clock: options.clock?.now, log: (l) => logs.push(l), passwordCost: options.passwordCost ?? TEST_PASSWORD_COST },
  );
  return {
    ...running,
    // The current connection: a storage fault swaps it (hub/storage.ts).
    get db() {
      return running.db;
    },
    url: `http://127.0.0.1:${running.port}`,
    dataDir,
    logs,
    async dispose() {
      await running.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
