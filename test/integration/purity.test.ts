// The parts' boundaries are enforced by the typecheck, not by habit: a probe using `process` in
// shared/domain, or `window` in the hub, fails `npm run typecheck` — shown on a temporary copy.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/hub';

const copy = mkdtempSync(join(tmpdir(), 'antrian-purity-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function typecheck(config: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: copy, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

it('refuses Node in the pure shared code and the DOM in the hub', { timeout: 120_000 }, () => {
  for (const part of ['shared', 'hub']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  for (const f of execFileSync('git', ['ls-files', 'tsconfig*.json'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean)) {
    cpSync(join(ROOT, f), join(copy, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  // As they are, both parts pass.
  expect(typecheck('tsconfig.shared.json')).toMatchObject({ status: 0 });
  expect(typecheck('tsconfig.hub.json')).toMatchObject({ status: 0 });

  writeFileSync(join(copy, 'shared/domain/probe.ts'), 'export const fromNode = process.env.HOME;\n');
  writeFileSync(join(copy, 'hub/probe.ts'), 'export const fromBrowser = window.location.href;\n');
  const shared = typecheck('tsconfig.shared.json');
  expect(shared.status).not.toBe(0);
  expect(shared.output).toMatch(/shared\/domain\/probe\.ts.*Cannot find name 'process'/);
  const hub = typecheck('tsconfig.hub.json');
  expect(hub.status).not.toBe(0);
  expect(hub.output).toMatch(/hub\/probe\.ts.*Cannot find name 'window'/);
});
