// Estimated wait shown on the kiosk screen and printed on the ticket. Pure: the hub passes today's real
// service durations so the estimate follows how fast the counters actually work today.

export const DEFAULT_SERVICE_SECONDS = 300;
/** Only the most recent services count: the pace changes over the day (morning rush, short Friday). */
export const RECENT_SAMPLE = 20;
/** Fewer real durations than this is noise (one quick "where is the toilet"), so the default is used. */
export const MIN_SAMPLE = 3;

export interface EstimateInput {
  /** tickets waiting before this one (same services) */
  ahead: number;
  /** counters open and not paused that serve this service */
  openCounters: number;
  /** today's real service durations (call -> finish), in seconds, newest last */
  recentServiceSeconds: number[];
  defaultServiceSeconds?: number;
}

/** Whole minutes, rounded up; 0 when nobody is ahead. */
export function estimateWaitMinutes(input: EstimateInput): number {
  const ahead = Number.isFinite(input.ahead) ? Math.max(0, Math.floor(input.ahead)) : 0;
  if (ahead === 0) return 0;

  const fallback =
    input.defaultServiceSeconds !== undefined &&
    Number.isFinite(input.defaultServiceSeconds) &&
    input.defaultServiceSeconds > 0
      ? input.defaultServiceSeconds
      : DEFAULT_SERVICE_SECONDS;
  // A zero, negative or NaN duration is a recording glitch, not a real service.
  const valid = input.recentServiceSeconds.filter((s) => Number.isFinite(s) && s > 0);
  const recent = valid.slice(-RECENT_SAMPLE);
  const perTicket = recent.length >= MIN_SAMPLE ? recent.reduce((sum, s) => sum + s, 0) / recent.length : fallback;

  const counters = Number.isFinite(input.openCounters) ? Math.max(1, Math.floor(input.openCounters)) : 1;
  const minutes = (perTicket * ahead) / counters / 60;
  // The epsilon keeps 15.000000000000002 (float noise) from showing as 16.
  return Math.max(1, Math.ceil(minutes - 1e-9));
}

/**
 * "± 15 menit" / "about 15 min"; "± 1 jam 10 menit" / "about 1 h 10 min";
 * 0 -> "segera dilayani" / "you are next".
 */
export function formatEta(minutes: number, lang: 'id' | 'en'): string {
  const total = Number.isFinite(minutes) ? Math.max(0, Math.ceil(minutes - 1e-9)) : 0;
  if (total === 0) return lang === 'id' ? 'segera dilayani' : 'you are next';
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (lang === 'id') {
    const parts = [hours > 0 ? `${hours} jam` : '', rest > 0 ? `${rest} menit` : ''].filter((p) => p !== '');
    return `± ${parts.join(' ')}`;
  }
  const parts = [hours > 0 ? `${hours} h` : '', rest > 0 ? `${rest} min` : ''].filter((p) => p !== '');
  return `about ${parts.join(' ')}`;
}
