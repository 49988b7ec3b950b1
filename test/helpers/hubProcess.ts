// A hub as its own operating-system process, run as `npm start` runs it (the compiled dist/hub/main.js,
// built by `npm test` before the tests), for crash and load tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { HUB_NODE_ARGS } from '../../electron/main/hubProcess';
import { ROOT } from './hub';

export interface HubProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/**
 * A hub process, not yet waited for: for tests that kill it while it starts. `wrapper` runs it under another
 * program (strace and its arguments): the child is then that program, the hub its child.
 */
export function launch(env: Record<string, string>, wrapper: readonly string[] = []): ChildProcess {
  const [file, ...args] = [...wrapper, process.execPath, ...HUB_NODE_ARGS, join(ROOT, 'dist/hub/main.js')];
  return spawn(file as string, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A hub expected to refuse to start: its exit code and everything it printed. */
export function refusedHub(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = launch(env);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hub did not exit:\n${out}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: out });
    });
  });
}

export function spawnHub(env: Record<string, string>, wrapper: readonly string[] = []): Promise<HubProcess> {
  const child = launch(env, wrapper);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /display: (http:\/\/127\.0\.0\.1:\d+)\/display/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string, output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}:\n${out}`));
    });
  });
}

/** A port nothing listens on right now, so a restarted hub can take the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve())));
}
