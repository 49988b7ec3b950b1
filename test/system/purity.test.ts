// The parts' boundaries are enforced by the typecheck, not by habit: a probe using `process` in
// shared/domain, or `window` in the hub, fails `npm run typecheck` (`tsc -b`) — shown on a temporary copy.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/hub';

const copy = mkdtempSync(join(tmpdir(), 'antrian-purity-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function typecheck(config: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', config], { cwd: copy, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

it('refuses Node in the pure shared code and the DOM in the hub', { timeout: 120_000 }, () => {
  for (const part of ['shared', 'hub']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  for (const f of execFileSync('git', ['ls-files', 'tsconfig*.json'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean)) {
    cpSync(join(ROOT, f), join(copy, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  // The last typecheck's build info, when there is one, lets the copy check only what the probes change.
  const built = join(ROOT, 'dist/tsc');
  if (existsSync(built)) cpSync(built, join(copy, 'dist/tsc'), { recursive: true });
  // As they are, both parts pass.
  expect(typecheck('tsconfig.shared.json')).toMatchObject({ status: 0 });
  expect(typecheck('tsconfig.hub.json')).toMatchObject({ status: 0 });

  // One probe at a time, the hub's first: a change in shared/ would make the hub's build check it all again.
  writeFileSync(join(copy, 'hub/probe.ts'), 'export const fromBrowser = window.location.href;\n');
  const hub = typecheck('tsconfig.hub.json');
  expect(hub.status).not.toBe(0);
  expect(hub.output).toMatch(/hub\/probe\.ts.*Cannot find name 'window'/);
  rmSync(join(copy, 'hub/probe.ts'));
  writeFileSync(join(copy, 'shared/domain/probe.ts'), 'export const fromNode = process.env.HOME;\n');
  const shared = typecheck('tsconfig.shared.json');
  expect(shared.status).not.toBe(0);
  expect(shared.output).toMatch(/shared\/domain\/probe\.ts.*Cannot find name 'process'/);
});
