// Start-up settings: environment variables, or the same keys in a JSON config file
// (`ANTRIAN_CONFIG`, else `./antrian.config.json` when present). The environment wins.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_TIMEZONE, isValidTimeZone } from '../shared/domain/officeTime';

/** How much one client may ask of the hub, so one noisy client never slows the others. */
export interface HubLimits {
  /** Events per second one socket may send, per audience. */
  budgets: { staff: number; kiosk: number; display: number; visitor: number; survey: number };
  /** Refusals within ten seconds after which a socket that keeps on is disconnected. */
  refusalsBeforeDisconnect: number;
  /** Open connections one network address may hold. */
  maxConnectionsPerAddress: number;
  /** Unknown device keys one address may try per minute. */
  deviceKeyGuessesPerMinute: number;
  /** Unknown visitor codes (the ticket's QR) one address may try per minute. */
  visitorCodeGuessesPerMinute: number;
}

export const DEFAULT_LIMITS: HubLimits = {
  // A visitor's phone only reads its ticket and sends one survey; a tablet sends a survey now and then.
  budgets: { staff: 50, kiosk: 20, display: 20, visitor: 5, survey: 10 },
  refusalsBeforeDisconnect: 50,
  maxConnectionsPerAddress: 20,
  deviceKeyGuessesPerMinute: 10,
  visitorCodeGuessesPerMinute: 20,
};

export const DEFAULT_TIMERS: HubTimers = {
  // A passive checkpoint now and then keeps the WAL short, so little ever lives only in it.
  checkpointMs: 60_000,
  // Besides the check before every request: a quiet night still ends with a clean morning.
  rolloverCheckMs: 30_000,
  // How often an unwritable disk is tried again (hub/storage.ts).
  storageProbeMs: 5_000,
  // Kiosks' and displays' last-seen times are held in memory and written this often (hub/core/presence.ts).
  presenceWriteMs: 60_000,
};

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | undefined;
  seedFile: string | undefined;
  timeZone: string;
  limits: HubLimits;
  /** Browser origins accepted besides the hub's own address (a reverse proxy's name, say). */
  allowedOrigins: string[];
  /** The hub's timers, shortened only by tests: the WAL checkpoint, the day-rollover check, the storage probe, the presence write. */
  timers?: Partial<HubTimers>;
}

export interface HubTimers {
  checkpointMs: number;
  rolloverCheckMs: number;
  storageProbeMs: number;
  presenceWriteMs: number;
}

const KEYS = [
  'PORT',
  'HOST',
  'ANTRIAN_DATA_DIR',
  'ANTRIAN_ADMIN_PASSWORD',
  'ANTRIAN_SEED',
  'ANTRIAN_TIMEZONE',
  'ANTRIAN_BUDGET_STAFF',
  'ANTRIAN_BUDGET_KIOSK',
  'ANTRIAN_BUDGET_DISPLAY',
  'ANTRIAN_BUDGET_VISITOR',
  'ANTRIAN_BUDGET_SURVEY',
  'ANTRIAN_REFUSALS_BEFORE_DISCONNECT',
  'ANTRIAN_MAX_CONN_PER_ADDRESS',
  'ANTRIAN_DEVICE_KEY_GUESSES',
  'ANTRIAN_VISITOR_CODE_GUESSES',
  'ANTRIAN_ALLOWED_ORIGINS',
  'ANTRIAN_CHECKPOINT_MS',
  'ANTRIAN_ROLLOVER_CHECK_MS',
  'ANTRIAN_STORAGE_PROBE_MS',
  'ANTRIAN_PRESENCE_WRITE_MS',
] as const;

const fileSchema = z.strictObject(Object.fromEntries(KEYS.map((k) => [k, z.union([z.string(), z.number()]).optional()])));

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): HubConfig {
  const path = env.ANTRIAN_CONFIG ?? (existsSync(resolve(cwd, 'antrian.config.json')) ? 'antrian.config.json' : undefined);
  const fromFile: Record<string, string> = {};
  if (path) {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(resolve(cwd, path), 'utf8')));
    if (!parsed.success) throw new Error(`Berkas konfigurasi ${path} tidak valid: ${parsed.error.message}`);
    for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) fromFile[k] = String(v);
  }
  const get = (key: (typeof KEYS)[number]) => env[key] ?? fromFile[key];
  const count = (key: (typeof KEYS)[number], fallback: number) => {
    const raw = get(key);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${key} harus bilangan bulat positif / must be a positive integer: ${raw}`);
    return n;
  };
  const port = Number(get('PORT') ?? 7400);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT tidak valid: ${get('PORT')}`);
  const timeZone = get('ANTRIAN_TIMEZONE') ?? DEFAULT_TIMEZONE;
  if (!isValidTimeZone(timeZone)) throw new Error(`ANTRIAN_TIMEZONE tidak dikenal: ${timeZone}`);
  const seed = get('ANTRIAN_SEED');
  const d = DEFAULT_LIMITS;
  return {
    port,
    host: get('HOST') ?? '0.0.0.0',
    dataDir: resolve(cwd, get('ANTRIAN_DATA_DIR') ?? './data'),
    adminPassword: get('ANTRIAN_ADMIN_PASSWORD') || undefined,
    seedFile: seed ? resolve(cwd, seed) : undefined,
    timeZone,
    limits: {
      budgets: {
        staff: count('ANTRIAN_BUDGET_STAFF', d.budgets.staff),
        kiosk: count('ANTRIAN_BUDGET_KIOSK', d.budgets.kiosk),
        display: count('ANTRIAN_BUDGET_DISPLAY', d.budgets.display),
        visitor: count('ANTRIAN_BUDGET_VISITOR', d.budgets.visitor),
        survey: count('ANTRIAN_BUDGET_SURVEY', d.budgets.survey),
      },
      refusalsBeforeDisconnect: count('ANTRIAN_REFUSALS_BEFORE_DISCONNECT', d.refusalsBeforeDisconnect),
      maxConnectionsPerAddress: count('ANTRIAN_MAX_CONN_PER_ADDRESS', d.maxConnectionsPerAddress),
      deviceKeyGuessesPerMinute: count('ANTRIAN_DEVICE_KEY_GUESSES', d.deviceKeyGuessesPerMinute),
      visitorCodeGuessesPerMinute: count('ANTRIAN_VISITOR_CODE_GUESSES', d.visitorCodeGuessesPerMinute),
    },
    allowedOrigins: parseOrigins(get('ANTRIAN_ALLOWED_ORIGINS') ?? ''),
    timers: {
      checkpointMs: count('ANTRIAN_CHECKPOINT_MS', DEFAULT_TIMERS.checkpointMs),
      rolloverCheckMs: count('ANTRIAN_ROLLOVER_CHECK_MS', DEFAULT_TIMERS.rolloverCheckMs),
      storageProbeMs: count('ANTRIAN_STORAGE_PROBE_MS', DEFAULT_TIMERS.storageProbeMs),
      presenceWriteMs: count('ANTRIAN_PRESENCE_WRITE_MS', DEFAULT_TIMERS.presenceWriteMs),
    },
  };
}

/** `https://antrian.lpse.example, http://10.0.0.5:7400` → their normalised origins. */
function parseOrigins(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      try {
        return new URL(s).origin;
      } catch {
        throw new Error(`ANTRIAN_ALLOWED_ORIGINS: bukan alamat / not an origin: ${s}`);
      }
    });
}
