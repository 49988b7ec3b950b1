// Runtime validators for every client event: TypeScript types are not enough at the wire.
import { z } from 'zod';
import { isVisitorEmail, RETENTION_DAYS } from '../domain/caseRules';
import { CASE_ORDERS } from '../domain/caseLists';
import { parseHm } from '../domain/officeTime';
import { SKM_AGE_GROUPS, SKM_EDUCATIONS, SKM_ELEMENTS, SKM_GENDERS, SKM_OCCUPATIONS } from '../domain/skm';
import {
  CASE_CATEGORIES,
  DEVICE_KINDS,
  ROLES,
  CASE_STATUSES,
  CLOSE_CHANNELS,
  ESCALATION_TARGETS,
  PAUSE_REASONS,
  VISITOR_TYPES,
  WEEKDAYS,
} from '../domain/types';
import { PRINTER_FAULT_CODES } from './bridge';
import { fieldWord, type Lang } from './errors';

/**
 * Text as a person typed it: invisible characters (zero-width and other format characters, controls) are
 * removed before "required" or a length is judged, so a name of zero-width spaces is as empty as it looks
 * and a NUL never reaches a search. Line breaks and tabs stay where a text may have several lines.
 */
const INVISIBLE_ONE_LINE = /[\p{Cc}\p{Cf}]/gu;
const INVISIBLE_MULTI_LINE = /(?![\n\t])[\p{Cc}\p{Cf}]/gu;
const cleanText = (v: string, multiLine = false) => v.replace(multiLine ? INVISIBLE_MULTI_LINE : INVISIBLE_ONE_LINE, '').trim();
const line = (max: number) => z.string().transform((v) => cleanText(v)).pipe(z.string().max(max));
const lines = (max: number) => z.string().transform((v) => cleanText(v, true)).pipe(z.string().max(max));

/**
 * A character that shows: a letter, digit, punctuation or symbol; not a space, a mark on its own, a format
 * or control character. The Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) are letters (Lo) and the blank
 * Braille pattern (U+2800) a symbol (So), yet each is drawn as nothing: the fillers are left out as
 * default-ignorable code points (the property that names them), the Braille blank by name.
 */
const VISIBLE = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;
/** What `visible` refuses, worded by `safeParseIn` in the reader's language. */
const TEXT_ISSUES = {
  required: { id: 'wajib diisi', en: 'required' },
  invisible: { id: 'harus memuat huruf, angka atau tanda yang terlihat', en: 'must contain a visible letter, digit or sign' },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * Text a person reads (a name, the running text, a case's title): once cleaned, empty only where the field
 * is optional, and otherwise showing at least one character, so nothing is saved that looks blank on the
 * screen or the ticket.
 */
const visible = <T extends z.ZodType<string, string>>(text: T, required = false) =>
  text.superRefine((v, ctx) => {
    const textIssue: keyof typeof TEXT_ISSUES | null = v === '' ? (required ? 'required' : null) : VISIBLE.test(v) ? null : 'invisible';
    if (textIssue) ctx.addIssue({ code: 'custom', params: { textIssue } });
  });

/** A real calendar day, `YYYY-MM-DD`: 2026-13-45 is no date. */
const isCalendarDay = (v: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

const id = z.int().positive().max(Number.MAX_SAFE_INTEGER);
const serviceCode = z.string().regex(/^[A-Z]$/, 'kode layanan satu huruf A-Z');
const counterRef = { counterId: id };
const ticketRef = { counterId: id, ticketId: id };
const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'jam HH:MM');
const interval = z
  .tuple([hm, hm])
  .refine(([a, b]) => a < b, 'jam buka harus sebelum jam tutup');

/** A day's open intervals, none overlapping another. */
const dayIntervals = z
  .array(interval)
  .max(6)
  .superRefine((ivs, ctx) => {
    const sorted = [...ivs].sort((a, b) => parseHm(a[0]) - parseHm(b[0]));
    for (let i = 1; i < sorted.length; i++) {
      const [prev, cur] = [sorted[i - 1] as [string, string], sorted[i] as [string, string]];
      if (parseHm(cur[0]) < parseHm(prev[1])) {
        ctx.addIssue({ code: 'custom', message: `tumpang tindih: ${prev.join('–')} dan ${cur.join('–')}` });
      }
    }
  });

export const openingHoursSchema = z.union([
  z.literal('always'),
  z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, dayIntervals])) as Record<
    (typeof WEEKDAYS)[number],
    typeof dayIntervals
  >),
]);

export const settingsSchema = z.strictObject({
  publicUrl: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === '' || /^https?:\/\/[^/\s?#@]+\/?$/.test(v), 'alamat seperti http://192.168.1.10:7400')
    .transform((v) => v.replace(/\/$/, '')),
  headName: visible(line(120)),
  headNip: z.string().trim().regex(/^[0-9 ]{0,24}$/, 'NIP berupa angka'),
  priorityEnabled: z.boolean(),
  kioskRateLimitPerMinute: z.int().min(1).max(10_000),
  runningText: visible(line(500)),
  ticketFooter: visible(line(200)),
  voice: z.enum(['clips', 'system']),
  openingHours: openingHoursSchema,
  ticketHoldSeconds: z.int().min(3).max(300),
  ticketQr: z.boolean(),
  surveyEnabled: z.boolean(),
  retentionDays: z.int().min(RETENTION_DAYS.min).max(RETENTION_DAYS.max),
});

export const officeSchema = z.strictObject({
  name: visible(line(120), true),
  address: visible(line(200)),
});

// Cases: free text is cleaned (see `line`); required intake fields are checked by the hub (CASE_INTAKE_INCOMPLETE) so the
// form can name them, while a missing note is a validation failure.
const note = visible(lines(4000), true);
const day = z.string().refine(isCalendarDay, 'tanggal YYYY-MM-DD yang ada di kalender');

/** A report's office days, inclusive; their order and span are the hub's to judge (REPORT_PERIOD_*). */
export const reportPeriod = z.strictObject({ from: day, to: day });
const caseRef = { caseId: id, revision: z.int().min(0).max(Number.MAX_SAFE_INTEGER) };
/** A stable code, or '' while not chosen: typed as a string like `CaseIntake`, so a stored intake can be sent back. */
const codeOrEmpty = (codes: readonly string[], what: string) =>
  z.string().refine((v) => v === '' || codes.includes(v), `${what}: ${codes.join('/')}`);

export const caseIntakeSchema = z.strictObject({
  visitorName: visible(line(120)),
  visitorType: codeOrEmpty(VISITOR_TYPES, 'jenis pengguna'),
  visitorOrg: visible(line(160)),
  visitorPhone: visible(line(40)),
  visitorEmail: visible(line(120)).refine((v) => v === '' || isVisitorEmail(v), 'alamat e-mail'),
  module: visible(line(120)),
  errorCode: visible(line(80)),
  lpseTicket: visible(line(60)),
  category: codeOrEmpty(CASE_CATEGORIES, 'kategori'),
  title: visible(line(200)),
  description: visible(lines(4000)),
});

// Admin section. A create carries a request id: a retried create returns the first result.
const requestId = z.string().min(8).max(64);
/** A name a person types: cleaned like every other line of text, then required, and visible. */
export const label = (max: number) => visible(line(max), true);
export const printerSchema = z.strictObject({
  host: z.string().trim().min(1, 'wajib diisi').max(253),
  port: z.int('1–65535').min(1, '1–65535').max(65535, '1–65535'),
  width: z.union([z.literal(58), z.literal(80)]),
});
const serviceFields = {
  name: label(80),
  nameEn: visible(line(80)),
  sort: z.int().min(0).max(999),
  askPriority: z.boolean(),
  active: z.boolean(),
};
const counterFields = {
  name: label(40),
  number: z.int('1–999').min(1, '1–999').max(999, '1–999'),
  serviceCodes: z.array(serviceCode).max(26),
  active: z.boolean(),
};
const staffFields = { name: label(80), role: z.enum(ROLES) };
const deviceFields = { name: label(60), printer: printerSchema.nullable(), counterId: id.nullable() };
const userRef = { userId: id };
const deviceRef = { deviceId: id };

export const clientEventSchemas = {
  'auth:login': z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
  'auth:logout': z.strictObject({}),
  // `current` is left out only right after signing in with a temporary password.
  'auth:changePassword': z.strictObject({ current: z.string().max(200).optional(), next: z.string().max(200) }),
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
  // `caseId`: a returning visitor's case to continue instead of opening a new one.
  'ticket:start': z.strictObject({ ...ticketRef, caseId: id.optional() }),
  'ticket:finish': z.strictObject(ticketRef),
  'ticket:cancel': z.strictObject({ ticketId: id }),
  'settings:update': z
    .strictObject({ office: officeSchema.optional(), settings: settingsSchema.partial().optional() })
    .refine((p) => p.office !== undefined || p.settings !== undefined, { message: 'tidak ada yang diubah' }),
  'settings:retentionPreview': settingsSchema.pick({ retentionDays: true }),
  'case:attach': z.strictObject({ ...ticketRef, caseId: id }),
  'case:intake': z.strictObject({ ...caseRef, intake: caseIntakeSchema }),
  'case:handle': z.strictObject({ ...caseRef, note }),
  'case:escalate': z.strictObject({
    ...caseRef,
    target: z.enum(ESCALATION_TARGETS),
    lpseSupportTicket: visible(line(60)).optional(),
    note: visible(lines(4000)).optional(),
  }),
  'case:take': z.strictObject(caseRef),
  'case:followup': z.strictObject({ ...caseRef, note }),
  'case:report': z.strictObject({ ...caseRef, note }),
  'case:recommend': z.strictObject({ ...caseRef, recommendation: note }),
  'case:resolve': z.strictObject({ ...caseRef, resolution: note }),
  'case:close': z.strictObject({ ...caseRef, channel: z.enum(CLOSE_CHANNELS) }),
  'case:reassign': z.strictObject({ ...caseRef, ownerId: id }),
  'case:get': z.strictObject({ caseId: id }),
  'case:search': z.strictObject({
    query: line(100).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    ownerId: id.optional(),
    from: day.optional(),
    to: day.optional(),
    /** Only cases not closed (the head's board). */
    unclosed: z.boolean().optional(),
    /** The list's order; by default the asker's own cases not closed first, then the newest. */
    order: z.enum(CASE_ORDERS).optional(),
    limit: z.int().min(1).max(200).optional(),
    /** Rows of the list already held: the next page starts after them. */
    offset: z.int().min(0).max(1_000_000).optional(),
  }),
  'print:ticket': z.strictObject({ ticketId: id }),
  'print:fault': z.strictObject({ ticketId: id, code: z.enum(PRINTER_FAULT_CODES), message: line(500) }),
  'print:ok': z.strictObject({ ticketId: id }),
  'print:reprint': z.strictObject({ ticketId: id }),
  'print:closeFaults': z.strictObject({ ticketId: id }),
  'admin:serviceCreate': z.strictObject({ requestId, code: serviceCode, ...serviceFields }),
  'admin:serviceUpdate': z.strictObject({ serviceId: id, ...serviceFields }),
  'admin:counterCreate': z.strictObject({ requestId, ...counterFields }),
  'admin:counterUpdate': z.strictObject({ counterId: id, ...counterFields }),
  'admin:userCreate': z.strictObject({
    requestId,
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{2,32}$/, '2–32 huruf, angka, titik, garis bawah atau tanda hubung'),
    ...staffFields,
  }),
  'admin:userUpdate': z.strictObject({ ...userRef, ...staffFields }),
  'admin:userResetPassword': z.strictObject(userRef),
  'admin:userDeactivate': z.strictObject(userRef),
  'admin:userReactivate': z.strictObject(userRef),
  'admin:deviceCreate': z.strictObject({ requestId, kind: z.enum(DEVICE_KINDS), ...deviceFields }),
  'admin:deviceUpdate': z.strictObject({ ...deviceRef, ...deviceFields }),
  'admin:deviceRekey': z.strictObject(deviceRef),
  'admin:deviceRevoke': z.strictObject(deviceRef),
  'admin:testPrint': z.strictObject(deviceRef),
  'admin:backupNow': z.strictObject({}),
  // From the visitor's page (its own ticket) or a survey tablet (the visit its counter just finished, named
  // by `ticketNumber` so an answer never lands on a newer visit than the one the form showed).
  'survey:submit': z.strictObject({
    answers: z.strictObject(
      Object.fromEntries(SKM_ELEMENTS.map((u) => [u, z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])])) as Record<
        (typeof SKM_ELEMENTS)[number],
        z.ZodUnion<[z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>]>
      >,
    ),
    profile: z
      .strictObject({
        gender: z.enum(SKM_GENDERS).nullable(),
        ageGroup: z.enum(SKM_AGE_GROUPS).nullable(),
        education: z.enum(SKM_EDUCATIONS).nullable(),
        occupation: z.enum(SKM_OCCUPATIONS).nullable(),
      })
      .optional(),
    ticketNumber: z.string().max(12).optional(),
  }),
  'survey:ikm': z.strictObject({ from: day, to: day }).refine((p) => p.from <= p.to, { message: 'dari ≤ sampai' }),
  'report:get': reportPeriod,
} as const;

export type ClientEventName = keyof typeof clientEventSchemas;

const printText = (max: number) => z.string().max(max);

/**
 * A ticket's text on its way to a printer bridge (the hub's relay to a kiosk page, the page to the shell
 * over IPC): both ends treat it as unknown until it passes this.
 */
export const ticketPrintSchema = z.strictObject({
  officeName: printText(200),
  officeAddress: printText(300).optional(),
  ticketNumber: printText(20),
  serviceName: printText(200),
  issuedAt: printText(100),
  aheadText: printText(200),
  etaText: printText(200).optional(),
  qrText: printText(600).optional(),
  footer: printText(300).optional(),
  title: printText(60).optional(),
});

/** What a bridge answers for a print (see PrinterBridge), checked before the hub records it. */
export const bridgePrintResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), code: z.enum(PRINTER_FAULT_CODES), message: z.string().max(500) }),
]);
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEventSchemas)[E]>;
export type ParsedPayload<E extends ClientEventName> = z.output<(typeof clientEventSchemas)[E]>;

export function isClientEvent(name: string): name is ClientEventName {
  return Object.hasOwn(clientEventSchemas, name);
}

const ZOD_LOCALES = { id: z.locales.id(), en: z.locales.en() };
const errorMapIn =
  (lang: Lang): z.core.$ZodErrorMap =>
  (issue) => {
    const textIssue = issue.code === 'custom' ? (issue.params as { textIssue?: keyof typeof TEXT_ISSUES } | undefined)?.textIssue : undefined;
    return textIssue ? TEXT_ISSUES[textIssue][lang] : ZOD_LOCALES[lang].localeError(issue);
  };

/**
 * Validates with zod's own messages in the caller's language (ours are written in Indonesian, except those
 * for text left empty or showing nothing, worded in both).
 */
export function safeParseIn<S extends z.ZodType>(schema: S, data: unknown, lang: 'id' | 'en') {
  return schema.safeParse(data, { error: errorMapIn(lang) });
}

/**
 * Short human-readable detail of a validation failure, each field named in the reader's language, e.g.
 * `Kode layanan: kode layanan satu huruf A-Z`.
 */
export function describeIssues(error: z.ZodError, lang: Lang = 'id'): string {
  return error.issues
    .slice(0, 3)
    .map((i) => {
      const field = [...i.path].reverse().find((k): k is string => typeof k === 'string');
      return field ? `${fieldWord(field, lang)}: ${i.message}` : i.message;
    })
    .join('; ');
}
