// `npm start` runs the hub as compiled JavaScript under plain node: neither tsx (with its esbuild service)
// nor vite (with rolldown's native binding) is in the running hub. It runs with the same node arguments as
// the Electron program's hub role (the heap limit that keeps its memory near what it uses).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { HUB_NODE_ARGS } from '../../electron/main/hubProcess';
import { ROOT } from '../helpers/hub';

const dataDir = mkdtempSync(join(tmpdir(), 'antrian-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The processes whose environment names this test's data folder: npm, its shell, and the hub. */
function ourProcesses(): { pid: number; cmdline: string; maps: string }[] {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'utf8').includes(`ANTRIAN_DATA_DIR=${dataDir}`)) continue;
      found.push({
        pid: Number(entry),
        cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' '),
        maps: readFileSync(`/proc/${entry}/maps`, 'utf8'),
      });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

it('starts the hub with plain node on the compiled hub, with the hub role\'s arguments and no transpiler or build tool loaded', async () => {
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ANTRIAN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  npm.stdout.on('data', (c: Buffer) => (out += c.toString()));
  npm.stderr.on('data', (c: Buffer) => (out += c.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not print its URLs:\n${out}`)), 60_000);
      npm.stdout.on('data', () => {
        const m = /display: (http:\/\/[^\s]+)\/display/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ ok: true });
    // The limit took effect: V8's own default on this machine is several gigabytes.
    expect(Number(/heap limit: (\d+) MB/.exec(out)?.[1])).toBeLessThan(1024);
    const processes = ourProcesses();
    const hub = processes.find((p) => new RegExp(`^\\S*node ${HUB_NODE_ARGS.join(' ')} dist/hub/main\\.js\\s*$`).test(p.cmdline));
    expect(hub, processes.map((p) => p.cmdline).join('\n')).toBeDefined();
    // tsx would map esbuild and run its service beside the hub; vite would map rolldown's native binding.
    expect(hub?.maps).not.toMatch(/esbuild|rolldown|\/tsx\//);
    expect(processes.filter((p) => /esbuild|rolldown/.test(p.cmdline + p.maps))).toEqual([]);
  } finally {
    // npm, its shell and the hub share a process group.
    process.kill(-(npm.pid as number), 'SIGTERM');
    await new Promise((resolve) => npm.once('exit', resolve));
  }
});
