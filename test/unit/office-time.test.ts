import { describe, expect, it } from 'vitest';
import { formatOfficeDateTime, GOVERNMENT_HOURS, isValidTimeZone, localTime, officeDay, openState, zonedInstant } from '../../shared/domain/officeTime';

describe('office day', () => {
  it('follows the office zone, not UTC or the machine', () => {
    expect(officeDay(new Date('2026-11-24T16:59:59Z'), 'Asia/Jakarta')).toBe('2026-11-24');
    expect(officeDay(new Date('2026-11-24T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-11-25');
    expect(officeDay(new Date('2026-11-24T15:59:59Z'), 'Asia/Makassar')).toBe('2026-11-24');
    expect(officeDay(new Date('2026-11-24T16:00:00Z'), 'Asia/Makassar')).toBe('2026-11-25');
  });

  it("reads Indonesia's zones by arithmetic exactly as ICU's time-zone data does, from 1988 to 2040", () => {
    const icu = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' });
    for (const zone of ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura', 'Europe/Amsterdam']) {
      const f = icu(zone);
      // Every 5 days and 7 hours and 13 minutes: each hour of the day and each weekday comes round.
      for (let t = Date.UTC(1988, 0, 1); t < Date.UTC(2040, 0, 1); t += ((5 * 24 + 7) * 60 + 13) * 60_000) {
        const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
        const expected = { date: `${p.year}-${p.month}-${p.day}`, weekday: (p.weekday ?? '').toLowerCase(), minutes: Number(p.hour) * 60 + Number(p.minute) };
        expect(localTime(new Date(t), zone), `${zone} ${new Date(t).toISOString()}`).toEqual(expected);
      }
    }
    // Before 1988 Pontianak was on WITA: ICU answers for earlier instants.
    expect(officeDay(new Date('1987-06-01T16:30:00Z'), 'Asia/Pontianak')).toBe('1987-06-02');
    expect(officeDay(new Date('1988-06-01T16:30:00Z'), 'Asia/Pontianak')).toBe('1988-06-01');
    expect(zonedInstant('2026-11-24', 8 * 60, 'Asia/Jayapura').toISOString()).toBe('2026-11-23T23:00:00.000Z');
    // The last instant of a year and a leap day, to the millisecond.
    expect(localTime(new Date('2026-12-31T16:59:59.999Z'), 'Asia/Jakarta')).toEqual({ date: '2026-12-31', weekday: 'thu', minutes: 23 * 60 + 59 });
    expect(localTime(new Date('2026-12-31T17:00:00.000Z'), 'Asia/Jakarta')).toEqual({ date: '2027-01-01', weekday: 'fri', minutes: 0 });
    expect(localTime(new Date('2028-02-28T15:30:00Z'), 'Asia/Jayapura')).toEqual({ date: '2028-02-29', weekday: 'tue', minutes: 30 });
    expect(isValidTimeZone('Asia/Jakarta')).toBe(true);
    expect(isValidTimeZone('Asia/Batam')).toBe(false);
    // Names an object holds by itself are no zones.
    expect(isValidTimeZone('constructor')).toBe(false);
    expect(isValidTimeZone('__proto__')).toBe(false);
  });
});

describe('opening hours', () => {
  const at = (iso: string) => openState(new Date(iso), 'Asia/Jakarta', GOVERNMENT_HOURS);

  it('is always open until an admin sets hours', () => {
    expect(openState(new Date('2026-11-29T20:00:00Z'), 'Asia/Jakarta', 'always')).toEqual({ open: true, opensAt: null });
  });

  it('opens Monday to Thursday 08:00–16:00 WIB', () => {
    expect(at('2026-11-24T01:00:00Z')).toEqual({ open: true, opensAt: null }); // Tue 08:00
    expect(at('2026-11-24T00:59:00Z')).toEqual({ open: false, opensAt: '2026-11-24T01:00:00.000Z' });
    expect(at('2026-11-24T09:00:00Z')).toEqual({ open: false, opensAt: '2026-11-25T01:00:00.000Z' }); // Tue 16:00
  });

  it('breaks for Friday prayer and skips the weekend', () => {
    expect(at('2026-11-27T04:30:00Z')).toEqual({ open: false, opensAt: '2026-11-27T06:30:00.000Z' }); // Fri 11:30
    expect(at('2026-11-27T06:30:00Z').open).toBe(true); // Fri 13:30
    expect(at('2026-11-27T09:29:00Z').open).toBe(true); // Fri 16:29
    expect(at('2026-11-27T09:30:00Z')).toEqual({ open: false, opensAt: '2026-11-30T01:00:00.000Z' }); // → Mon 08:00
  });

  it('says so when no opening is configured at all', () => {
    const never = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(openState(new Date('2026-11-24T03:00:00Z'), 'Asia/Jakarta', never)).toEqual({ open: false, opensAt: null });
  });

  it('formats times as the office reads them', () => {
    expect(formatOfficeDateTime('2026-11-30T01:00:00.000Z', 'Asia/Jakarta', 'id')).toMatch(/^Senin, 30 November 2026.*08[.:]00 WIB$/);
    expect(formatOfficeDateTime('2026-11-30T01:00:00.000Z', 'Asia/Jakarta', 'en')).toMatch(/^Monday, 30 November 2026.*08:00 WIB$/);
  });
});
