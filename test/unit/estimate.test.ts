import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes, formatEta } from '../../shared/domain/estimate';

describe('estimateWaitMinutes', () => {
  it('is 0 when nobody is ahead, whatever the pace', () => {
    expect(estimateWaitMinutes({ ahead: 0, openCounters: 2, recentServiceSeconds: [600, 600, 600] })).toBe(0);
    expect(estimateWaitMinutes({ ahead: -1, openCounters: 0, recentServiceSeconds: [] })).toBe(0);
  });

  it('uses the 5-minute default until there are 3 real services today', () => {
    expect(estimateWaitMinutes({ ahead: 3, openCounters: 1, recentServiceSeconds: [] })).toBe(15);
    expect(estimateWaitMinutes({ ahead: 3, openCounters: 1, recentServiceSeconds: [60, 60] })).toBe(15);
    expect(estimateWaitMinutes({ ahead: 3, openCounters: 1, recentServiceSeconds: [60, 60, 60] })).toBe(3);
  });

  it('honours a configured default', () => {
    expect(estimateWaitMinutes({ ahead: 2, openCounters: 1, recentServiceSeconds: [], defaultServiceSeconds: 600 })).toBe(20);
  });

  it('averages only the 20 most recent durations', () => {
    // 10 old slow services (30 min) then 20 recent quick ones (2 min): the morning's slow pace no longer counts
    const durations = [...Array<number>(10).fill(1800), ...Array<number>(20).fill(120)];
    expect(estimateWaitMinutes({ ahead: 5, openCounters: 1, recentServiceSeconds: durations })).toBe(10);
  });

  it('divides by the open counters, and never by zero', () => {
    const recent = [300, 300, 300];
    expect(estimateWaitMinutes({ ahead: 6, openCounters: 3, recentServiceSeconds: recent })).toBe(10);
    expect(estimateWaitMinutes({ ahead: 6, openCounters: 0, recentServiceSeconds: recent })).toBe(30);
  });

  it('rounds up to whole minutes, without float noise adding a minute', () => {
    expect(estimateWaitMinutes({ ahead: 1, openCounters: 2, recentServiceSeconds: [90, 90, 90] })).toBe(1); // 45 s
    expect(estimateWaitMinutes({ ahead: 1, openCounters: 1, recentServiceSeconds: [61, 61, 61] })).toBe(2);
    expect(estimateWaitMinutes({ ahead: 3, openCounters: 3, recentServiceSeconds: [100, 200, 300] })).toBe(4); // 200 s
    expect(estimateWaitMinutes({ ahead: 7, openCounters: 7, recentServiceSeconds: [0.1 * 600, 0.2 * 600, 0.3 * 600] })).toBe(2);
  });

  it('ignores glitched durations (zero, negative, NaN)', () => {
    expect(estimateWaitMinutes({ ahead: 1, openCounters: 1, recentServiceSeconds: [0, -5, Number.NaN, 240] })).toBe(5);
    expect(estimateWaitMinutes({ ahead: 1, openCounters: 1, recentServiceSeconds: [0, 240, 240, 240] })).toBe(4);
  });
});

describe('formatEta', () => {
  it('says the visitor is next at 0', () => {
    expect(formatEta(0, 'id')).toBe('segera dilayani');
    expect(formatEta(0, 'en')).toBe('you are next');
  });

  it('gives minutes under an hour', () => {
    expect(formatEta(15, 'id')).toBe('± 15 menit');
    expect(formatEta(15, 'en')).toBe('about 15 min');
    expect(formatEta(1, 'id')).toBe('± 1 menit');
  });

  it('gives hours and minutes from an hour on', () => {
    expect(formatEta(70, 'id')).toBe('± 1 jam 10 menit');
    expect(formatEta(70, 'en')).toBe('about 1 h 10 min');
    expect(formatEta(120, 'id')).toBe('± 2 jam');
    expect(formatEta(120, 'en')).toBe('about 2 h');
  });

  it('rounds fractional minutes up and treats nonsense as 0', () => {
    expect(formatEta(14.2, 'id')).toBe('± 15 menit');
    expect(formatEta(Number.NaN, 'en')).toBe('you are next');
    expect(formatEta(-3, 'id')).toBe('segera dilayani');
  });
});
