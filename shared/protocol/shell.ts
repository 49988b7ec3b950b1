// The Electron shell's own settings (its config file) and its setup screen's answers. The main process
// treats both as unknown until they pass these: a hand-edited file and the setup page alike.
import { z } from 'zod';
import { pagePath } from './apps';

export const SHELL_ROLES = ['kiosk', 'counter', 'display', 'survey', 'hub'] as const;
export type ShellRole = (typeof SHELL_ROLES)[number];

/** Roles that open a device page with a device key (the admin section makes these devices). */
export const DEVICE_ROLES = ['kiosk', 'display', 'survey'] as const satisfies readonly ShellRole[];

/** The hub page each role opens; the hub role opens the staff app of the hub it runs. */
export const rolePath = (role: ShellRole): string => pagePath(role === 'hub' ? 'counter' : role);

const isDeviceRole = (role: ShellRole): role is (typeof DEVICE_ROLES)[number] => (DEVICE_ROLES as readonly string[]).includes(role);

/** An http(s) origin only: no user, path, query or fragment, which could hide a different host. */
function hubOriginOf(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  return url.origin;
}

const hubUrl = z
  .string()
  .trim()
  .max(200)
  .refine((v) => hubOriginOf(v) !== null, 'alamat hub seperti http://192.168.1.10:7400')
  .transform((v) => hubOriginOf(v) as string);

const deviceKey = z.string().trim().regex(/^[A-Za-z0-9._~-]{8,200}$/, 'kunci perangkat dari bagian Admin → Perangkat');

export const printerSettingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('network'),
    host: z.string().trim().regex(/^[A-Za-z0-9.-]{1,253}$/, 'nama atau alamat IP printer'),
    port: z.int().min(1).max(65535),
  }),
  // Linux's usblp device files; any other path could be any file the shell's user may write.
  z.strictObject({ kind: z.literal('usb'), path: z.string().regex(/^\/dev\/usb\/lp\d{1,2}$/, 'berkas seperti /dev/usb/lp0') }),
  z.strictObject({
    kind: z.literal('windows'),
    name: z.string().trim().min(1).max(200).regex(/^[^\p{Cc}"]+$/u, 'nama printer seperti di Windows'),
  }),
]);
export type PrinterSetting = z.output<typeof printerSettingSchema>;

const paperWidth = z.union([z.literal(58), z.literal(80)]);

/** Remembered size and place of the counter's normal window. */
const bounds = z.strictObject({
  x: z.int().optional(),
  y: z.int().optional(),
  width: z.int().min(400).max(10_000),
  height: z.int().min(300).max(10_000),
});

export const shellConfigSchema = z
  .strictObject({
    role: z.enum(SHELL_ROLES),
    hubUrl,
    deviceKey: deviceKey.optional(),
    printer: printerSettingSchema,
    paperWidth,
    /** The local setup PIN, hashed (scrypt); set at first run. */
    pinHash: z.string().regex(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{128}$/),
    counterBounds: bounds.optional(),
    /** The hub role: the port its hub listens on. */
    hubPort: z.int().min(1).max(65535).optional(),
  })
  .superRefine((c, ctx) => {
    if (isDeviceRole(c.role) && c.deviceKey === undefined) {
      ctx.addIssue({ code: 'custom', path: ['deviceKey'], message: 'perangkat ini memerlukan kunci perangkat' });
    }
    if (c.role !== 'kiosk' && c.printer.kind !== 'none') {
      ctx.addIssue({ code: 'custom', path: ['printer'], message: 'hanya kiosk yang mencetak tiket' });
    }
  });
export type ShellConfig = z.output<typeof shellConfigSchema>;

/** What the setup screen sends: `address` is the hub's address or a device's whole address from the admin section. */
export const setupInputSchema = z.strictObject({
  role: z.enum(SHELL_ROLES),
  address: z.string().trim().min(1).max(400),
  deviceKey: z.string().trim().max(200).optional(),
  printer: printerSettingSchema,
  paperWidth,
  /** Required to set the PIN at first run; empty later keeps the current one. */
  newPin: z.string().max(12).optional(),
});
export type SetupInput = z.input<typeof setupInputSchema>;

export const pinSchema = z.string().regex(/^\d{4,12}$/, 'PIN 4–12 angka');

/**
 * A device's address as the admin section shows it (`http://hub:7400/kiosk?key=…`): the hub, the role and
 * the key in one paste or scan. Null when it is not one.
 */
export function parseDeviceAddress(text: string): { hubUrl: string; role: (typeof DEVICE_ROLES)[number]; deviceKey: string } | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
  const role = DEVICE_ROLES.find((r) => rolePath(r) === url.pathname.replace(/\/$/, ''));
  const key = url.searchParams.get('key');
  if (!role || key === null || !deviceKey.safeParse(key).success) return null;
  return { hubUrl: url.origin, role, deviceKey: key };
}

/** The page a configured shell opens on its hub. */
export function roleUrl(config: Pick<ShellConfig, 'role' | 'hubUrl' | 'deviceKey'>): string {
  const url = new URL(rolePath(config.role), config.hubUrl);
  if (config.deviceKey !== undefined && isDeviceRole(config.role)) url.searchParams.set('key', config.deviceKey);
  return url.toString();
}
