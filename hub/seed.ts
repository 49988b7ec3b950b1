// The first start of a new database: the seed file's services, counters, users, devices and settings,
// or the defaults (services A and B, Loket 1–3, an admin, one kiosk).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ROLES } from '../shared/domain/types';
import { label, officeSchema, printerSchema, safeParseIn, settingsSchema } from '../shared/protocol/schemas';
import {
  DEFAULT_OFFICE,
  DEFAULT_SETTINGS,
  insertCounter,
  insertDevice,
  insertService,
  insertUser,
  saveOffice,
  saveSettings,
  type Db,
} from './db/index';
import { generatePassword, hashPasswordSync, newDeviceKey, PASSWORD_COST, tempPasswordExpiry } from './passwords';

const seedPrinterSchema = printerSchema.partial({ port: true, width: true }).transform((p) => ({ port: 9100, width: 80 as const, ...p }));

export const seedSchema = z.strictObject({
  office: officeSchema.partial({ address: true }).optional(),
  services: z
    .array(z.strictObject({ code: z.string().regex(/^[A-Z]$/), name: label(80) }))
    .min(1)
    .optional(),
  counters: z
    .array(
      z.strictObject({
        name: label(40),
        number: z.int().min(1).max(999).optional(),
        services: z.array(z.string()).min(1),
      }),
    )
    .optional(),
  users: z
    .array(
      z.strictObject({
        username: z.string().min(1).max(64),
        password: z.string().min(1),
        name: label(80),
        role: z.enum(ROLES),
      }),
    )
    .optional(),
  devices: z
    .array(
      z.strictObject({
        name: label(60),
        kind: z.enum(['kiosk', 'display']),
        key: z.string().min(16),
        printer: seedPrinterSchema.optional(),
      }),
    )
    .optional(),
  settings: settingsSchema.partial().optional(),
});

export type Seed = z.infer<typeof seedSchema>;

export function readSeed(file: string): Seed {
  const parsed = safeParseIn(seedSchema, JSON.parse(readFileSync(file, 'utf8')), 'id');
  if (!parsed.success) {
    throw new Error(`ANTRIAN_SEED ${file} tidak valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

const DEFAULT_SERVICES = [
  { code: 'A', name: 'Gangguan / Permasalahan' },
  { code: 'B', name: 'Permintaan Informasi / Konsultasi' },
];

/** "Loket 12" → 12: what the voice says when the seed gives no number. */
function spokenNumber(c: { name: string; number?: number }): number {
  const m = /(\d+)\s*$/.exec(c.name);
  const n = c.number ?? (m ? Number(m[1]) : 0);
  if (n < 1 || n > 999) throw new Error(`ANTRIAN_SEED: loket "${c.name}" perlu "number" 1–999 (yang diucapkan: "loket dua")`);
  return n;
}

export interface SeedResult {
  /** Set when the admin password was generated: a temporary one, printed once, never stored in clear. */
  generatedAdminPassword?: string;
  /** The devices made, with their keys: printed once, as only their hashes are stored. */
  devices: { name: string; kind: 'kiosk' | 'display'; key: string }[];
}

/** Applies to a new database only; runs inside the caller's transaction. `null`: no seed file. */
export function applySeed(
  db: Db,
  seedFile: Seed | null,
  adminPassword: string | undefined,
  now: string,
  passwordCost = PASSWORD_COST,
): SeedResult {
  const seed = seedFile ?? {};
  saveOffice(db, { ...DEFAULT_OFFICE, ...seed.office });
  saveSettings(db, settingsSchema.parse({ ...DEFAULT_SETTINGS, ...seed.settings }));

  const services = seed.services ?? DEFAULT_SERVICES;
  const serviceIds = new Map<string, number>();
  services.forEach((s, i) => serviceIds.set(s.code, insertService(db, { ...s, sort: i })));
  if (serviceIds.size !== services.length) throw new Error('ANTRIAN_SEED: kode layanan ganda');

  const counters = seed.counters ?? [1, 2, 3].map((n) => ({ name: `Loket ${n}`, number: n, services: [...serviceIds.keys()] }));
  const numbers = new Set<number>();
  for (const c of counters) {
    const ids = c.services.map((code) => {
      const id = serviceIds.get(code);
      if (id === undefined) throw new Error(`ANTRIAN_SEED: loket ${c.name} memakai layanan ${code} yang tidak ada`);
      return id;
    });
    const number = spokenNumber(c);
    if (numbers.has(number)) throw new Error(`ANTRIAN_SEED: nomor loket ${number} dipakai dua kali`);
    numbers.add(number);
    insertCounter(db, { name: c.name, number, serviceIds: ids });
  }

  const result: SeedResult = { devices: [] };
  const users = seed.users ?? [];
  if (!users.some((u) => u.username === 'admin')) {
    // A generated password is temporary: the admin sets their own at first sign-in. One from the
    // environment is the admin's own choice.
    const password = adminPassword ?? generatePassword();
    if (!adminPassword) result.generatedAdminPassword = password;
    insertUser(db, {
      username: 'admin',
      name: 'Administrator',
      role: 'admin',
      passwordHash: hashPasswordSync(password, passwordCost),
      tempExpiresAt: adminPassword ? null : tempPasswordExpiry(new Date(now)),
      createdAt: now,
    });
  }
  for (const u of users) {
    insertUser(db, { username: u.username, name: u.name, role: u.role, passwordHash: hashPasswordSync(u.password, passwordCost), tempExpiresAt: null, createdAt: now });
  }

  // Without a seed, one kiosk, so a fresh `npm start` can try the whole flow in a browser.
  const devices = seed.devices ?? (seedFile ? [] : [{ name: 'Kiosk', kind: 'kiosk' as const, key: newDeviceKey() }]);
  for (const d of devices) {
    insertDevice(db, { name: d.name, kind: d.kind, key: d.key, printer: d.printer ?? null, counterId: null, createdAt: now });
    result.devices.push({ name: d.name, kind: d.kind, key: d.key });
  }
  return result;
}
