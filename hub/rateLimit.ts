// In-memory sliding-window limits: a restart forgets them, which is acceptable for these uses.
export class RateLimiter {
  /** Per key, the times of its hits in the window, oldest first (hits are recorded as they happen). */
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  /** Records a hit unless `key` already has `limit` hits in the window; returns the seconds to wait, or 0. */
  take(key: string, limit: number, nowMs: number): number {
    const recent = this.inWindow(key, nowMs);
    if (recent.length >= limit) return Math.max(1, Math.ceil(((recent[0] as number) + this.windowMs - nowMs) / 1000));
    recent.push(nowMs);
    this.hits.set(key, recent);
    return 0;
  }

  /** How many hits `key` has in the window, without recording one. */
  count(key: string, nowMs: number): number {
    return this.inWindow(key, nowMs).length;
  }

  clear(key: string): void {
    this.hits.delete(key);
  }

  /**
   * The key's hits still in the window. Only the oldest can have left it, so they are dropped from the front:
   * a kiosk allowed thousands of tickets a minute costs no more per ticket than one allowed ten. (A clock set
   * back keeps a hit counted until the hits before it have left.)
   */
  private inWindow(key: string, nowMs: number): number[] {
    const recent = this.hits.get(key) ?? [];
    let expired = 0;
    while (expired < recent.length && (recent[expired] as number) <= nowMs - this.windowMs) expired++;
    if (expired) recent.splice(0, expired);
    return recent;
  }
}
