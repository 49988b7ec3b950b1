// Unattended screens recover by themselves: a renderer that crashed or hangs is reloaded after a delay
// that doubles while crashes keep coming (so a page that crashes at once does not spin the CPU) and
// starts small again once the page has stayed up for a while.
import type { WebContents } from 'electron';

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Up this long without a crash: the next crash waits baseMs again. */
  stableMs: number;
}

export const RELOAD_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 60_000, stableMs: 120_000 };

export class Backoff {
  private failures = 0;
  private lastFailureAt = -Infinity;

  constructor(
    private readonly options: BackoffOptions,
    private readonly now: () => number,
  ) {}

  /** The wait before the next attempt, counting this failure. */
  next(): number {
    const at = this.now();
    if (at - this.lastFailureAt >= this.options.stableMs) this.failures = 0;
    this.lastFailureAt = at;
    const delay = Math.min(this.options.maxMs, this.options.baseMs * 2 ** this.failures);
    this.failures += 1;
    return delay;
  }
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

type Contents = Pick<WebContents, 'on' | 'reload' | 'isDestroyed' | 'forcefullyCrashRenderer'>;

/**
 * Reloads after a crash, with the backoff; a page that stops responding is crashed on purpose (a hung
 * renderer cannot reload itself) and so reloaded the same way. One reload pending at a time.
 */
export function superviseRenderer(contents: Contents, backoff: Backoff, timers: Timers, log: (line: string) => void): void {
  let pending: unknown;
  let hang: unknown;
  const reloadLater = (why: string) => {
    if (pending !== undefined) return;
    const delay = backoff.next();
    log(`renderer ${why}: reloading in ${delay} ms`);
    pending = timers.setTimeout(() => {
      pending = undefined;
      if (!contents.isDestroyed()) contents.reload();
    }, delay);
  };
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') reloadLater(details.reason);
  });
  contents.on('unresponsive', () => {
    // Short hangs (a big snapshot) pass; a page still stuck after this is crashed and reloaded.
    hang ??= timers.setTimeout(() => {
      hang = undefined;
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
    }, 10_000);
  });
  contents.on('responsive', () => {
    if (hang !== undefined) timers.clearTimeout(hang);
    hang = undefined;
  });
}
