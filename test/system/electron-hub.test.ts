// The Electron program and its hub, from the build (dist/): the hub role's compiled hub (run here by Node
// standing in for Electron's utilityProcess) serves the apps and is started again when it stops, and the
// waiting screen gives way when the hub answers.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backoff } from '../../electron/main/backoff';
import { HUB_UTILITY_ARGS, startHubProcess, type Utility } from '../../electron/main/hubProcess';
import { hubReachable, waitForHub } from '../../electron/main/waiting';
import { ROOT, startTestHub, type TestHub } from '../helpers/hub';
import { exited, freePort } from '../helpers/hubProcess';

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
    // Each start of the hub says when it listens.
    const started = (times: number) => expect.poll(() => output.split('hub siap / ready').length - 1, { timeout: 30_000 }).toBe(times);
    const staffApp = async () => (await (await fetch(`http://127.0.0.1:${port}/counter/`)).text()).includes('<div id="root">');
    try {
      await started(1);
      expect(await staffApp()).toBe(true);
      // With the heap limit that keeps its memory near what it uses (docs/benchmarks.md), in the switch
      // Electron's utility process reads V8 flags from.
      expect(forkedWith[0]).toEqual([...HUB_UTILITY_ARGS]);
      expect(HUB_UTILITY_ARGS).toEqual(['--js-flags=--max-old-space-size=512']);
      await expect.poll(() => Number(/heap limit: (\d+) MB/.exec(output)?.[1])).toBeLessThan(1024);
      // The first start's admin password reaches the log an installed hub keeps (no console there).
      await expect.poll(() => output).toMatch(/admin \/ \S+/);
      children[0]?.kill('SIGKILL');
      await started(2);
      expect(await staffApp()).toBe(true);
      expect(children).toHaveLength(2);
      expect(logs[0]).toMatch(/hub stopped .* starting again in 200 ms/);
    } finally {
      const running = children.at(-1);
      hub.stop();
      // The hub lets go of its data folder when it exits.
      if (running) await exited(running);
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
