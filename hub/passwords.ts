// Staff passwords and session tokens, with node:crypto only. Hashing runs off the event loop (libuv's
// thread pool) and at most a few at a time: a burst of sign-ins waits in a short line or is refused, and
// never stalls kiosks and counters.
import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost (N) for new hashes. A stored hash names its own, so a check costs what its hash did. */
export const PASSWORD_COST = 16384;
const params = (N: number): ScryptOptions => ({ N, r: 8, p: 1 });
const KEY_LENGTH = 32;
/** Hashes running at once; the thread pool has four threads, and file reads need some. */
const CONCURRENT = 2;
/** Hashes waiting their turn; past that a sign-in is refused as busy (PASSWORD_CHECK_BUSY). */
const MAX_WAITING = 500;

export class HashingBusy extends Error {}

let running = 0;
const waiting: Array<() => void> = [];

async function scryptBounded(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  if (running >= CONCURRENT) {
    if (waiting.length >= MAX_WAITING) throw new HashingBusy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))),
    );
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const format = (N: number, salt: Buffer, key: Buffer) => {
  const { r, p } = params(N);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
};

export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  return format(cost, salt, await scryptBounded(password, salt, KEY_LENGTH, params(cost)));
}

/** For the first start's seed and the console's admin reset only, while the hub serves no one. */
export function hashPasswordSync(password: string, cost: number): string {
  const salt = randomBytes(16);
  return format(cost, salt, scryptSync(password, salt, KEY_LENGTH, params(cost)));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptBounded(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A stored hash to check an unknown username's password against: the check runs scrypt at `cost` as a real
 * one does, so a wrong username is not told apart by its time. Its key is random, not hashed: no password
 * matches it, and making it costs nothing (a hashed one took a synchronous scrypt, at start-up or at the
 * first unknown username).
 */
export function dummyHash(cost: number): string {
  return format(cost, randomBytes(16), randomBytes(KEY_LENGTH));
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A password or key people can type from a printout: no look-alike characters. */
export function generatePassword(length = 14): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  // Rejection sampling keeps every character equally likely (256 is not a multiple of the alphabet).
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

/** How long a temporary password (a new account's, or a reset's) works. */
const TEMP_PASSWORD_DAYS = 7;

export function tempPasswordExpiry(now: Date): string {
  return new Date(now.getTime() + TEMP_PASSWORD_DAYS * 86_400_000).toISOString();
}

/** A device key: 128 bits, URL-safe. */
export function newDeviceKey(): string {
  return randomBytes(16).toString('base64url');
}
