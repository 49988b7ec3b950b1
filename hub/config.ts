// Start-up settings: environment variables, or the same keys in a JSON config file
// (`ANTRIAN_CONFIG`, else `./antrian.config.json` when present). The environment wins.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_TIMEZONE, isValidTimeZone } from '../shared/domain/officeTime';

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | undefined;
  seedFile: string | undefined;
  timeZone: string;
}

const KEYS = ['PORT', 'HOST', 'ANTRIAN_DATA_DIR', 'ANTRIAN_ADMIN_PASSWORD', 'ANTRIAN_SEED', 'ANTRIAN_TIMEZONE'] as const;

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
  const port = Number(get('PORT') ?? 7400);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT tidak valid: ${get('PORT')}`);
  const timeZone = get('ANTRIAN_TIMEZONE') ?? DEFAULT_TIMEZONE;
  if (!isValidTimeZone(timeZone)) throw new Error(`ANTRIAN_TIMEZONE tidak dikenal: ${timeZone}`);
  const seed = get('ANTRIAN_SEED');
  return {
    port,
    host: get('HOST') ?? '0.0.0.0',
    dataDir: resolve(cwd, get('ANTRIAN_DATA_DIR') ?? './data'),
    adminPassword: get('ANTRIAN_ADMIN_PASSWORD') || undefined,
    seedFile: seed ? resolve(cwd, seed) : undefined,
    timeZone,
  };
}
