import { describe, expect, it } from 'vitest';
import { formatOfficeDateTime, GOVERNMENT_HOURS, officeDay, openState } from '../../shared/domain/officeTime';

describe('office day', () => {
  it('follows the office zone, not UTC or the machine', () => {
    expect(officeDay(new Date('2026-11-24T16:59:59Z'), 'Asia/Jakarta')).toBe('2026-11-24');
    expect(officeDay(new Date('2026-11-24T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-11-25');
    expect(officeDay(new Date('2026-11-24T15:59:59Z'), 'Asia/Makassar')).toBe('2026-11-24');
    expect(officeDay(new Date('2026-11-24T16:00:00Z'), 'Asia/Makassar')).toBe('2026-11-25');
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
