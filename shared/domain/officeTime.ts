// The office day and opening hours, always in the office's time zone (never the machine's).
import type { OpenState, OpeningHours, TimeInterval, Weekday } from './types';
import { WEEKDAYS } from './types';

export const DEFAULT_TIMEZONE = 'Asia/Jakarta';

/**
 * Indonesia's three zones (WIB, WITA, WIT): whole-hour offsets with no daylight saving, unchanged since
 * Pontianak joined WIB on 1 January 1988. From then on the hub reads them by arithmetic, so it never loads
 * ICU's date formatting (5-10 MB resident) for the zone nearly every office uses; any other zone, or an
 * earlier instant, is ICU's (`test/unit/office-time.test.ts` checks the two agree). Should Indonesia change
 * its zones, this table changes with the tzdata that says so: the test fails once the ICU of the Node or
 * Electron in use knows of the change.
 */
const INDONESIAN_ZONES = new Map<string, { abbreviation: string; offsetMinutes: number }>([
  ['Asia/Jakarta', { abbreviation: 'WIB', offsetMinutes: 7 * 60 }],
  ['Asia/Pontianak', { abbreviation: 'WIB', offsetMinutes: 7 * 60 }],
  ['Asia/Makassar', { abbreviation: 'WITA', offsetMinutes: 8 * 60 }],
  ['Asia/Jayapura', { abbreviation: 'WIT', offsetMinutes: 9 * 60 }],
]);
const FIXED_SINCE_MS = Date.UTC(1988, 0, 1);

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  /** `YYYY-MM-DD` */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (INDONESIAN_ZONES.has(timeZone)) return true;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The last instant asked about, to the second: one request asks for "now" several times over. */
let lastLocal: { timeZone: string; second: number; local: LocalTime } | null = null;

function fixedOffsetTime(now: Date, offsetMinutes: number): LocalTime {
  const shifted = new Date(now.getTime() + offsetMinutes * 60_000);
  const date = shifted.toISOString().slice(0, 10);
  return { date, weekday: weekdayOf(date), minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

function icuLocalTime(now: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(now)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: (parts.weekday ?? 'Mon').slice(0, 3).toLowerCase() as Weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function localTime(now: Date, timeZone: string): LocalTime {
  // Zone offsets are whole seconds, so every instant within one second has the same local minute.
  const second = Math.floor(now.getTime() / 1000);
  if (lastLocal && lastLocal.second === second && lastLocal.timeZone === timeZone) return { ...lastLocal.local };
  const fixed = INDONESIAN_ZONES.get(timeZone);
  const local = fixed && now.getTime() >= FIXED_SINCE_MS ? fixedOffsetTime(now, fixed.offsetMinutes) : icuLocalTime(now, timeZone);
  lastLocal = { timeZone, second, local };
  return { ...local };
}

/** The office day an instant belongs to, e.g. `2026-11-24`. */
export function officeDay(now: Date, timeZone: string): string {
  return localTime(now, timeZone).date;
}

export function parseHm(hm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hm);
  if (!m) throw new Error(`not a time of day: ${hm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Offset of the zone from UTC at `at`, in minutes. */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const lt = localTime(at, timeZone);
  const [y, mo, d] = lt.date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d) + lt.minutes * 60_000;
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** The UTC instant of a local date and minute of day in the zone. */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, mo - 1, d) + minutes * 60_000;
  const offset = zoneOffsetMinutes(new Date(naive), timeZone);
  return new Date(naive - offset * 60_000);
}

/** The office day `days` after (or, negative, before) `date`, both `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): Weekday {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  // getUTCDay: 0 = Sunday.
  return WEEKDAYS[(new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7] as Weekday;
}

function intervalMinutes(iv: TimeInterval): [number, number] {
  return [parseHm(iv[0]), parseHm(iv[1])];
}

/** Is the office open at `now`, and if not, when does it open next (within a week)? */
export function openState(now: Date, timeZone: string, hours: OpeningHours): OpenState {
  if (hours === 'always') return { open: true, opensAt: null };
  const lt = localTime(now, timeZone);
  for (const iv of hours[lt.weekday]) {
    const [start, end] = intervalMinutes(iv);
    if (lt.minutes >= start && lt.minutes < end) return { open: true, opensAt: null };
  }
  for (let day = 0; day <= 7; day++) {
    const date = addDays(lt.date, day);
    const starts = hours[weekdayOf(date)]
      .map((iv) => intervalMinutes(iv)[0])
      .filter((start) => day > 0 || start > lt.minutes)
      .sort((a, b) => a - b);
    const first = starts[0];
    if (first !== undefined) return { open: false, opensAt: zonedInstant(date, first, timeZone).toISOString() };
  }
  return { open: false, opensAt: null };
}

/** The usual Indonesian government office hours, offered to admins as a preset. */
export const GOVERNMENT_HOURS: Record<Weekday, TimeInterval[]> = {
  mon: [['08:00', '16:00']],
  tue: [['08:00', '16:00']],
  wed: [['08:00', '16:00']],
  thu: [['08:00', '16:00']],
  fri: [
    ['08:00', '11:30'],
    ['13:30', '16:30'],
  ],
  sat: [],
  sun: [],
};

export function zoneAbbreviation(timeZone: string): string {
  return INDONESIAN_ZONES.get(timeZone)?.abbreviation ?? timeZone;
}

/** Building a formatter costs far more than using one: one per language, zone and parts. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time as people in the office read it: "Selasa, 24 November 2026 09.15 WIB". */
export function formatOfficeDateTime(
  iso: string,
  timeZone: string,
  lang: 'id' | 'en',
  parts: { date?: boolean; time?: boolean } = { date: true, time: true },
): string {
  const key = `${lang} ${timeZone} ${parts.date ? 'date' : ''} ${parts.time ? 'time' : ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { timeZone };
    if (parts.date) Object.assign(options, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    if (parts.time) Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    format = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', options);
    dateTimeFormats.set(key, format);
  }
  const text = format.format(new Date(iso));
  return parts.time ? `${text} ${zoneAbbreviation(timeZone)}` : text;
}
