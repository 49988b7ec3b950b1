// In-memory sliding-window limits: a restart forgets them, which is acceptable for these uses.
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  /** Records a hit unless `key` already has `limit` hits in the window; returns the seconds to wait, or 0. */
  take(key: string, limit: number, nowMs: number): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil(((recent[0] as number) + this.windowMs - nowMs) / 1000));
    }
    recent.push(nowMs);
    this.hits.set(key, recent);
    return 0;
  }

  /** How many hits `key` has in the window, without recording one. */
  count(key: string, nowMs: number): number {
    return (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs).length;
  }

  clear(key: string): void {
    this.hits.delete(key);
  }
}
