// The shell's config file (role, hub, key, printer, hashed setup PIN) in the app's user-data folder: read
// as unknown and validated, written whole through a temporary file so a power cut leaves the old one.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { shellConfigSchema, type ShellConfig } from '../../shared/protocol/shell';
import { describeIssues } from '../../shared/protocol/schemas';

const scrypt = promisify(scryptCb) as (pin: string, salt: Buffer, length: number) => Promise<Buffer>;

export const CONFIG_FILE = 'antrian-shell.json';

/** The parts of node:fs the config file needs. */
export interface ConfigFiles {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string, options: { mode: number }): void;
  renameSync(from: string, to: string): void;
}

/** No file is a first run; a file that is unreadable or invalid opens setup with the reason shown. */
export type Loaded = { config: ShellConfig } | { config: null; problem: string | null };

export function readShellConfig(path: string, files: ConfigFiles): Loaded {
  let text: string;
  try {
    text = files.readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { config: null, problem: null };
    return { config: null, problem: String(e) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { config: null, problem: 'Berkas pengaturan rusak (bukan JSON).' };
  }
  const parsed = shellConfigSchema.safeParse(raw);
  return parsed.success ? { config: parsed.data } : { config: null, problem: describeIssues(parsed.error) };
}

export function writeShellConfig(path: string, config: ShellConfig, files: ConfigFiles): void {
  const temporary = `${path}.tmp`;
  // Only this Windows/Linux account reads it: it holds the device key.
  files.writeFileSync(temporary, `${JSON.stringify(shellConfigSchema.parse(config), null, 2)}\n`, { mode: 0o600 });
  files.renameSync(temporary, path);
}

/** scrypt with a random salt: a PIN of a few digits must not sit in the file as itself. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(pin, salt, 64);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [, saltHex, hashHex] = stored.split('$');
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scrypt(pin, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}
