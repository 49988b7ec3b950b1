// In-memory sliding-window limits: a restart forgets them, which is acceptable for these uses.
export class RateLimiter {
  /** Per key, its hits in the order they came; those before `first` have left the window. */
  private readonly hits = new Map<string, { times: number[]; first: number }>();

  constructor(private readonly windowMs: number) {}

  /** Records a hit unless `key` already has `limit` hits in the window; returns the seconds to wait, or 0. */
  take(key: string, limit: number, nowMs: number): number {
    let entry = this.hits.get(key);
    if (!entry) {
      entry = { times: [], first: 0 };
      this.hits.set(key, entry);
    }
    const { times } = entry;
    // The hits that left the window are at the front: stepping past them, rather than copying the rest, keeps
    // a hit's cost and garbage constant however high the limit (an admin may allow a kiosk 10,000 a minute).
    while (entry.first < times.length && (times[entry.first] as number) <= nowMs - this.windowMs) entry.first++;
    if (entry.first * 2 > times.length) {
      times.splice(0, entry.first);
      entry.first = 0;
    }
    if (times.length - entry.first >= limit) {
      return Math.max(1, Math.ceil(((times[entry.first] as number) + this.windowMs - nowMs) / 1000));
    }
    times.push(nowMs);
    return 0;
  }

  clear(key: string): void {
    this.hits.delete(key);
  }
}
