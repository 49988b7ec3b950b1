// Unattended recovery: a crashed or hung renderer is reloaded with a growing delay that starts small again
// once the page has stayed up, the waiting screen gives way when the hub answers, and the hub role's compiled hub (run here by Node standing in for Electron's
// utilityProcess) serves the apps and is started again when it stops.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backoff, superviseRenderer, type Timers } from '../../electron/main/backoff';
import { HUB_UTILITY_ARGS, startHubProcess, type Utility } from '../../electron/main/hubProcess';
import { hubReachable, waitForHub } from '../../electron/main/waiting';
import { ROOT, startTestHub, type TestHub } from '../helpers/hub';
import { freePort } from '../helpers/hubProcess';

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

describe('the hub role', () => {
  it('runs the compiled hub, which serves the staff app and logs its first-start password, and starts it again when it stops', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'antrian-hubrole-'));
    const children: ReturnType<typeof fork>[] = [];
    // Electron's utilityProcess.fork and Node's fork take the same entry and environment; the V8 flags the
    // utility process reads from its `--js-flags` switch, Node takes as they are.
    const forkedWith: string[][] = [];
    const utility: Utility = {
      fork(entry, args, options) {
        forkedWith.push(options?.execArgv ?? []);
        const execArgv = (options?.execArgv ?? []).flatMap((a) => (a.startsWith('--js-flags=') ? a.slice('--js-flags='.length).split(' ') : [a]));
        const child = fork(entry, args ?? [], { env: options?.env as NodeJS.ProcessEnv, execArgv, stdio: 'pipe' });
        children.push(child);
        return child as never;
      },
    };
    const port = await freePort();
    const logs: string[] = [];
    let output = '';
    const hub = startHubProcess(
      utility,
      { entry: join(ROOT, 'dist/electron/hub.mjs'), appsDir: join(ROOT, 'dist'), dataDir, port, log: (l) => logs.push(l), output: (t) => (output += t) },
      new Backoff({ baseMs: 200, maxMs: 1000, stableMs: 60_000 }, Date.now),
      { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    );
    const staffApp = async () => {
      for (let i = 0; i < 100; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/counter/`).catch(() => null);
        if (res?.ok) return (await res.text()).includes('<div id="root">');
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    };
    try {
      expect(await staffApp()).toBe(true);
      // With the heap limit that keeps its memory near what it uses (docs/benchmarks.md), in the switch
      // Electron's utility process reads V8 flags from.
      expect(forkedWith[0]).toEqual([...HUB_UTILITY_ARGS]);
      expect(HUB_UTILITY_ARGS).toEqual(['--js-flags=--max-old-space-size=512']);
      await expect.poll(() => Number(/heap limit: (\d+) MB/.exec(output)?.[1])).toBeLessThan(1024);
      // The first start's admin password reaches the log an installed hub keeps (no console there).
      await expect.poll(() => output).toMatch(/admin \/ \S+/);
      children[0]?.kill('SIGKILL');
      await new Promise((r) => children[0]?.once('exit', r));
      expect(await staffApp()).toBe(true);
      expect(children).toHaveLength(2);
      expect(logs[0]).toMatch(/hub stopped .* starting again in 200 ms/);
    } finally {
      hub.stop();
      await new Promise((r) => setTimeout(r, 300));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the waiting screen', () => {
  it('shows once while the hub is away, and gives way as soon as the hub answers', async () => {
    const hub = await startTestHub();
    const port = hub.port;
    await hub.dispose();
    expect(await hubReachable(`http://127.0.0.1:${port}`, fetch, 500)).toBe(false);

    let waitingShown = 0;
    let tries = 0;
    let again: TestHub | undefined;
    const ready = waitForHub(
      `http://127.0.0.1:${port}`,
      (url, init) => {
        tries += 1;
        return fetch(url, init);
      },
      async () => {
        // The hub comes back (same port) while the screen waits.
        again ??= await startTestHub({ port });
      },
      () => (waitingShown += 1),
    );
    try {
      expect(await ready).toBe(true);
      expect(waitingShown).toBe(1);
      expect(tries).toBe(2);
    } finally {
      await again?.dispose();
    }
  });
});
