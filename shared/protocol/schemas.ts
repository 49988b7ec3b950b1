// Runtime validators for every client event: TypeScript types are not enough at the wire.
import { z } from 'zod';
import { PAUSE_REASONS, WEEKDAYS } from '../domain/types';

const id = z.int().positive().max(Number.MAX_SAFE_INTEGER);
const serviceCode = z.string().regex(/^[A-Z]$/, 'kode layanan satu huruf A-Z');
const counterRef = { counterId: id };
const ticketRef = { counterId: id, ticketId: id };
const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'jam HH:MM');
const interval = z
  .tuple([hm, hm])
  .refine(([a, b]) => a < b, 'jam buka harus sebelum jam tutup');

export const openingHoursSchema = z.union([
  z.literal('always'),
  z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(interval).max(6)])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodArray<typeof interval>
  >),
]);

export const settingsSchema = z.strictObject({
  priorityEnabled: z.boolean(),
  kioskRateLimitPerMinute: z.int().min(1).max(10_000),
  runningText: z.string().max(500),
  ticketFooter: z.string().max(200),
  voice: z.enum(['clips', 'system']),
  openingHours: openingHoursSchema,
  ticketHoldSeconds: z.int().min(3).max(300),
});

export const officeSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  address: z.string().max(200),
});

export const clientEventSchemas = {
  'auth:login': z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
  'auth:logout': z.strictObject({}),
  'sync:snapshot': z.strictObject({}),
  'ticket:issue': z.strictObject({
    requestId: z.string().min(8).max(64),
    serviceCode,
    priority: z.boolean().optional(),
  }),
  'counter:open': z.strictObject(counterRef),
  'counter:pause': z.strictObject({ ...counterRef, reason: z.enum(PAUSE_REASONS) }),
  'counter:resume': z.strictObject(counterRef),
  'counter:close': z.strictObject(counterRef),
  'ticket:callNext': z.strictObject(counterRef),
  'ticket:callSpecific': z.strictObject(ticketRef),
  'ticket:recall': z.strictObject(ticketRef),
  'ticket:noShow': z.strictObject(ticketRef),
  'ticket:requeue': z.strictObject({ ticketId: id }),
  'ticket:transfer': z
    .strictObject({ ...ticketRef, serviceCode: serviceCode.optional(), toCounterId: id.optional() })
    .refine((p) => (p.serviceCode === undefined) !== (p.toCounterId === undefined), {
      message: 'pilih satu tujuan: layanan atau loket',
    }),
  'ticket:start': z.strictObject(ticketRef),
  'ticket:finish': z.strictObject(ticketRef),
  'ticket:cancel': z.strictObject({ ticketId: id }),
  'settings:update': z
    .strictObject({ office: officeSchema.optional(), settings: settingsSchema.partial().optional() })
    .refine((p) => p.office !== undefined || p.settings !== undefined, { message: 'tidak ada yang diubah' }),
} as const;

export type ClientEventName = keyof typeof clientEventSchemas;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEventSchemas)[E]>;
export type ParsedPayload<E extends ClientEventName> = z.output<(typeof clientEventSchemas)[E]>;

export function isClientEvent(name: string): name is ClientEventName {
  return Object.hasOwn(clientEventSchemas, name);
}

/** Short human-readable detail of a validation failure, e.g. `serviceCode: kode layanan satu huruf A-Z`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
