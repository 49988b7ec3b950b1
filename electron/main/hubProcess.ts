// The hub role: this PC runs the compiled hub in an Electron utility process (a Node process Electron
// manages, so no separate Node install), and starts it again with a backoff if it ever stops.
import type { ForkOptions, UtilityProcess } from 'electron';
import type { Backoff, Timers } from './backoff';

export interface HubProcessOptions {
  /** The compiled hub's entry (dist/electron/hub.mjs). */
  entry: string;
  dataDir: string;
  /** The built apps the hub serves. */
  appsDir: string;
  port: number;
  log: (line: string) => void;
  /**
   * The hub's own output. It prints the first start's temporary admin password and device addresses
   * there, and an installed program has no console: main.ts keeps it in hub.log.
   */
  output: (text: string) => void;
}

type Child = Pick<UtilityProcess, 'on' | 'kill'> & {
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
};
export interface Utility {
  fork(modulePath: string, args?: string[], options?: ForkOptions): Child;
}

/**
 * Linux's malloc (glibc) keeps the memory of password checks: scrypt takes 16 MB per check, and once the
 * first is freed glibc raises its threshold for giving large blocks back to the system past that size, so
 * every thread that hashes afterwards keeps 16 MB in its own arena (64 MB after a burst of sign-ins on the
 * four pool threads). A fixed threshold gives each check's 16 MB back when it ends. Other systems ignore it.
 */
export const HUB_MEMORY_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

/**
 * V8 lets the heap grow past what is in use by a factor it takes from its limit, and the limit from the
 * machine's memory: up to 4× on a PC with 8 GB or more, so a burst of tickets left the hub holding about
 * twice the memory of a bare server (docs/benchmarks.md). A limit of 512 MB brings the factor down to 1.4×
 * and still leaves more than ten times what the hub uses at its busiest. `npm start` runs the hub with the
 * same arguments (package.json). The young generation keeps V8's size: a smaller one
 * (`--max-semi-space-size=4`) took a fifth off the memory after a burst but collected 3.5 times as often,
 * CPU and pauses on every request's path (docs/architecture.md).
 */
export const HUB_NODE_ARGS: readonly string[] = ['--max-old-space-size=512'];

/**
 * The same V8 flags for Electron's utility process: it adds `execArgv` to its own command line, and reads
 * V8 flags only from the `--js-flags` switch there, before it creates its isolate (a bare
 * `--max-old-space-size` would reach Node after the heap is sized).
 */
export const HUB_UTILITY_ARGS: readonly string[] = [`--js-flags=${HUB_NODE_ARGS.join(' ')}`];

export function hubEnv(o: Pick<HubProcessOptions, 'dataDir' | 'appsDir' | 'port'>): Record<string, string> {
  return {
    ...HUB_MEMORY_ENV,
    PORT: String(o.port),
    // Kiosks, counters and the TV reach it over the office LAN.
    HOST: '0.0.0.0',
    ANTRIAN_DATA_DIR: o.dataDir,
    // The apps were built into the installer.
    ANTRIAN_APPS_DIR: o.appsDir,
  };
}

export function startHubProcess(utility: Utility, options: HubProcessOptions, backoff: Backoff, timers: Timers): { stop(): void } {
  let stopping = false;
  let child: Child | undefined;
  let restart: unknown;
  const start = () => {
    child = utility.fork(options.entry, [], {
      execArgv: [...HUB_UTILITY_ARGS],
      env: { ...process.env, ...hubEnv(options) },
      serviceName: 'Antrian LPSE hub',
      stdio: 'pipe',
    });
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => options.output(chunk.toString('utf8')));
    child.on('exit', (code) => {
      child = undefined;
      if (stopping) return;
      const delay = backoff.next();
      options.log(`hub stopped (exit ${code}): starting again in ${delay} ms`);
      restart = timers.setTimeout(start, delay);
    });
  };
  start();
  return {
    stop() {
      stopping = true;
      if (restart !== undefined) timers.clearTimeout(restart);
      child?.kill();
    },
  };
}
