// In-memory sliding-window limits: a restart forgets them, which is acceptable for these uses.
export class RateLimiter {
  /** Per key, its hits in the order they came; those before `first` have left the window. */
  private readonly hits = new Map<string, { times: number[]; first: number }>();
  /** Per key, hits held for a transaction still open (see `hold`). */
  private readonly held = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Records a hit unless `key` already has `limit` hits in the window; returns the seconds to wait, or 0. */
  take(key: string, limit: number, nowMs: number): number {
    const wait = this.wait(key, limit, nowMs);
    if (wait === 0) this.record(key, nowMs);
    return wait;
  }

  /**
   * The seconds to wait before `key` may have another hit, or 0; records nothing. Hits held (`hold`) count
   * as taken.
   */
  wait(key: string, limit: number, nowMs: number): number {
    const entry = this.hits.get(key);
    const held = this.held.get(key) ?? 0;
    if (!entry) return held >= limit ? Math.ceil(this.windowMs / 1000) : 0;
    const { times } = entry;
    // The hits that left the window are at the front: stepping past them, rather than copying the rest, keeps
    // a hit's cost and garbage constant however high the limit (an admin may allow a kiosk 10,000 a minute).
    while (entry.first < times.length && (times[entry.first] as number) <= nowMs - this.windowMs) entry.first++;
    if (entry.first * 2 > times.length) {
      times.splice(0, entry.first);
      entry.first = 0;
    }
    if (times.length - entry.first + held < limit) return 0;
    // Held hits are this instant's: the oldest recorded one leaves the window first.
    const oldest = entry.first < times.length ? (times[entry.first] as number) : nowMs;
    return Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
  }

  /**
   * Holds a hit for `key` inside a transaction, for `wait` to count until the transaction ends: `confirm`
   * (run after the commit) records it. The hub runs a batch's transaction, its commit and its after-commit
   * effects in one synchronous run, so a hold never confirmed (its step or the commit failed) is dropped
   * once that run is over, before any other request is handled.
   */
  hold(key: string): { confirm: (nowMs: number) => void } {
    if (this.held.size === 0) queueMicrotask(() => this.held.clear());
    this.held.set(key, (this.held.get(key) ?? 0) + 1);
    return {
      confirm: (nowMs) => {
        const left = (this.held.get(key) ?? 0) - 1;
        if (left > 0) this.held.set(key, left);
        else this.held.delete(key);
        this.record(key, nowMs);
      },
    };
  }

  clear(key: string): void {
    this.hits.delete(key);
  }

  private record(key: string, nowMs: number): void {
    let entry = this.hits.get(key);
    if (!entry) {
      entry = { times: [], first: 0 };
      this.hits.set(key, entry);
    }
    entry.times.push(nowMs);
  }
}
