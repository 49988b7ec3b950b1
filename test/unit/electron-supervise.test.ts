// Unattended recovery: a crashed or hung renderer is reloaded with a growing delay that starts small again
// once the page has stayed up. (The hub role's restarts and the waiting screen, which need the build, are in
// test/system/electron-hub.test.ts.)
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Backoff, superviseRenderer, type Timers } from '../../electron/main/backoff';

/** Timers a test runs by hand, at the time it says. */
class ManualTimers implements Timers {
  now = 0;
  private pending = new Map<number, { at: number; fn: () => void }>();
  private ids = 0;
  setTimeout(fn: () => void, ms: number): number {
    this.ids += 1;
    this.pending.set(this.ids, { at: this.now + ms, fn });
    return this.ids;
  }
  clearTimeout(id: unknown): void {
    this.pending.delete(id as number);
  }
  /** Moves time on, running what falls due. */
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.pending]) {
      if (t.at <= this.now) {
        this.pending.delete(id);
        t.fn();
      }
    }
  }
  get waiting(): number[] {
    return [...this.pending.values()].map((t) => t.at - this.now);
  }
}

class FakeContents extends EventEmitter {
  reloads = 0;
  crashes = 0;
  reload() {
    this.reloads += 1;
  }
  isDestroyed() {
    return false;
  }
  forcefullyCrashRenderer() {
    this.crashes += 1;
  }
}

describe('crash and hang recovery', () => {
  it('doubles the wait while crashes keep coming, up to a cap, and starts small after a stable spell', () => {
    let now = 0;
    const b = new Backoff({ baseMs: 1000, maxMs: 8000, stableMs: 60_000 }, () => now);
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([1000, 2000, 4000, 8000, 8000]);
    now += 60_000;
    expect(b.next()).toBe(1000);
  });

  it('reloads a crashed page after the backoff, one reload at a time, and not after a clean exit', () => {
    const timers = new ManualTimers();
    const contents = new FakeContents();
    const logs: string[] = [];
    superviseRenderer(contents as never, new Backoff({ baseMs: 1000, maxMs: 60_000, stableMs: 120_000 }, () => timers.now), timers, (l) => logs.push(l));
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    contents.emit('render-process-gone', {}, { reason: 'oom' });
    expect(timers.waiting).toEqual([1000]);
    timers.advance(999);
    expect(contents.reloads).toBe(0);
    timers.advance(1);
    expect(contents.reloads).toBe(1);
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(timers.waiting).toEqual([2000]);
    timers.advance(2000);
    expect(contents.reloads).toBe(2);
    contents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    expect(timers.waiting).toEqual([]);
    expect(logs[0]).toMatch(/crashed: reloading in 1000 ms/);
  });

  it('crashes a page that stays hung (so it is reloaded), but lets a short hang pass', () => {
    const timers = new ManualTimers();
    const contents = new FakeContents();
    superviseRenderer(contents as never, new Backoff({ baseMs: 1000, maxMs: 60_000, stableMs: 120_000 }, () => timers.now), timers, () => undefined);
    contents.emit('unresponsive');
    timers.advance(5000);
    contents.emit('responsive');
    timers.advance(10_000);
    expect(contents.crashes).toBe(0);
    contents.emit('unresponsive');
    timers.advance(10_000);
    expect(contents.crashes).toBe(1);
  });
});
