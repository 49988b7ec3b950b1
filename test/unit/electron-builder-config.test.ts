// electron-builder.yml is checked by electron-builder's own loader and validator (its JSON schema). The
// staged app it packs is checked with the build, in test/system/electron-staged-app.test.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig as load } from '../helpers/builderConfig';
import { ROOT } from '../helpers/hub';

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
