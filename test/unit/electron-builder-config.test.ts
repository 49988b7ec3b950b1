// electron-builder.yml is checked by electron-builder's own loader and validator (its JSON schema), and
// the staged app it packs holds the program, the hub, the apps and better-sqlite3 as its only dependency.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { stageApp } from '../../electron/stageApp';
import { ROOT } from '../helpers/hub';

const load = () => getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema, with the targets, ids and unpacked native module the office needs', async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('id.lpse.antrian');
    expect(config.productName).toBe('Antrian LPSE');
    expect(JSON.stringify(config.win?.target)).toContain('"nsis"');
    expect(JSON.stringify(config.win?.target)).toContain('x64');
    expect(JSON.stringify(config.linux?.target)).toMatch(/AppImage[\s\S]*deb/);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    // The native module is rebuilt in the staged app, not in the project's node_modules.
    expect(config.directories?.app).toBe('release/app');
    expect(existsSync(join(ROOT, 'build', 'icon.png'))).toBe(true);
  });

  it('is the validator that refuses a misspelt key (so the check above means something)', async () => {
    const config = { ...(await load()), asarUnpak: ['x'] } as never;
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });
});

describe('the staged app', () => {
  it('copies the bundles, the hub and the apps, and depends on better-sqlite3 alone, at the project’s version', () => {
    const out = mkdtempSync(join(tmpdir(), 'antrian-stage-'));
    try {
      stageApp(ROOT, out);
      const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
      const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      expect(pkg.dependencies).toEqual({ 'better-sqlite3': root.dependencies['better-sqlite3'] });
      expect(pkg.main).toBe('dist/electron/main.cjs');
      for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/hub.mjs', 'dist/kiosk/index.html', 'dist/counter/index.html']) {
        expect(existsSync(join(out, file)), file).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
