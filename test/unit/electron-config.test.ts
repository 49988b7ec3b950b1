// The shell's config file and the setup screen's outcome: what an office PC ends up configured as, and
// what is refused (with a coded Indonesian message) without changing anything.
import fs, { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPin, readShellConfig, verifyPin, writeShellConfig } from '../../electron/main/config';
import { devConfig } from '../../electron/main/devArgs';
import { completeSetup, isSetupShortcut, unlockSetup } from '../../electron/main/setup';
import { parseDeviceAddress, roleUrl, type ShellConfig } from '../../shared/protocol/shell';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'antrian-shell-'));
  file = join(dir, 'antrian-shell.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const KIOSK_ADDRESS = 'http://192.168.1.10:7400/kiosk?key=Qw3rty-Key_123';
const setupFor = (extra: Record<string, unknown> = {}) => ({
  role: 'counter',
  address: KIOSK_ADDRESS,
  printer: { kind: 'network', host: '192.168.1.50', port: 9100 },
  paperWidth: 58,
  newPin: '2468',
  ...extra,
});

async function configured(): Promise<ShellConfig> {
  const outcome = await completeSetup(setupFor(), null);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.config;
}

describe('the device address the admin section shows', () => {
  it('gives the hub, the role and the key in one paste', () => {
    expect(parseDeviceAddress(KIOSK_ADDRESS)).toEqual({ hubUrl: 'http://192.168.1.10:7400', role: 'kiosk', deviceKey: 'Qw3rty-Key_123' });
    expect(parseDeviceAddress('http://hub:7400/display?key=tv-key-0001')?.role).toBe('display');
    expect(parseDeviceAddress('http://hub:7400/counter?key=whatever1')).toBeNull();
    expect(parseDeviceAddress('http://hub:7400/kiosk')).toBeNull();
    expect(parseDeviceAddress('http://x@hub:7400/kiosk?key=Qw3rty-Key_123')).toBeNull();
    expect(parseDeviceAddress('javascript:alert(1)')).toBeNull();
  });

  it('and the page the configured role opens carries the key again', async () => {
    expect(roleUrl(await configured())).toBe('http://192.168.1.10:7400/kiosk?key=Qw3rty-Key_123');
    expect(roleUrl({ role: 'hub', hubUrl: 'http://127.0.0.1:7400' })).toBe('http://127.0.0.1:7400/counter');
  });
});

describe('the setup flow', () => {
  it('a first run with a kiosk’s address becomes that kiosk, with its printer and a hashed PIN', async () => {
    const config = await configured();
    expect(config).toMatchObject({
      role: 'kiosk',
      hubUrl: 'http://192.168.1.10:7400',
      deviceKey: 'Qw3rty-Key_123',
      printer: { kind: 'network', host: '192.168.1.50', port: 9100 },
      paperWidth: 58,
    });
    expect(config.pinHash).not.toContain('2468');
    expect(await verifyPin('2468', config.pinHash)).toBe(true);
    expect(await verifyPin('1357', config.pinHash)).toBe(false);
  });

  it('a counter takes the hub’s address alone, keeps no key and no printer', async () => {
    const outcome = await completeSetup(setupFor({ address: 'http://192.168.1.10:7400', deviceKey: 'ignored-key' }), null);
    expect(outcome).toMatchObject({ ok: true, config: { role: 'counter', printer: { kind: 'none' } } });
    expect(outcome.ok && outcome.config.deviceKey).toBeUndefined();
  });

  it('a later setup keeps the PIN and the key it does not show when they are left empty', async () => {
    const first = await configured();
    const again = await completeSetup(setupFor({ role: 'kiosk', address: first.hubUrl, newPin: '', paperWidth: 80 }), first);
    expect(again).toMatchObject({ ok: true, config: { deviceKey: 'Qw3rty-Key_123', pinHash: first.pinHash, paperWidth: 80 } });
  });

  it.each([
    ['no PIN at first run', setupFor({ newPin: undefined }), 'SETUP_PIN_REQUIRED'],
    ['a PIN of letters', setupFor({ newPin: 'abcd' }), 'SETUP_PIN_REQUIRED'],
    ['a hub address with a user name', setupFor({ address: 'http://192.168.1.10:7400@evil' }), 'SETUP_ADDRESS_INVALID'],
    ['a file address', setupFor({ address: 'file:///etc/passwd' }), 'SETUP_ADDRESS_INVALID'],
    ['a display without its key', setupFor({ role: 'display', address: 'http://192.168.1.10:7400' }), 'SETUP_INVALID'],
    ['a USB printer outside /dev/usb', setupFor({ printer: { kind: 'usb', path: '/etc/shadow' } }), 'SETUP_INVALID'],
    ['an unknown role', setupFor({ role: 'admin' }), 'SETUP_INVALID'],
    ['a paper width of 76', setupFor({ paperWidth: 76 }), 'SETUP_INVALID'],
    ['not an object', 'kiosk', 'SETUP_INVALID'],
  ])('refuses %s', async (_why, input, code) => {
    const outcome = await completeSetup(input, null);
    expect(outcome).toMatchObject({ ok: false, code });
    expect(outcome.ok === false && outcome.message).toMatch(/[a-z]/);
  });

  it('opens on a configured PC only with its PIN; a first run needs none', async () => {
    const config = await configured();
    expect(await unlockSetup('2468', config)).toBe(true);
    expect(await unlockSetup('0000', config)).toBe(false);
    expect(await unlockSetup({ pin: '2468' }, config)).toBe(false);
    expect(await unlockSetup(undefined, null)).toBe(true);
    expect(isSetupShortcut({ type: 'keyDown', key: 'S', control: true, alt: true, shift: true })).toBe(true);
    expect(isSetupShortcut({ type: 'keyDown', key: 's', control: true, alt: false, shift: true })).toBe(false);
  });
});

describe('the config file', () => {
  it('round-trips, readable by this account only', async () => {
    const config = await configured();
    writeShellConfig(file, config, fs);
    expect(readShellConfig(file, fs)).toEqual({ config });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('missing is a first run; damaged or hand-edited wrongly opens setup with the reason', async () => {
    expect(readShellConfig(file, fs)).toEqual({ config: null, problem: null });
    writeFileSync(file, '{ not json');
    expect(readShellConfig(file, fs)).toMatchObject({ config: null, problem: expect.stringContaining('JSON') });
    writeFileSync(file, JSON.stringify({ ...(await configured()), hubUrl: 'http://hub.evil/?next=http://hub' }));
    expect(readShellConfig(file, fs)).toMatchObject({ config: null, problem: expect.stringMatching(/alamat hub/) });
  });

  it('a refused write leaves the old file as it was', async () => {
    const config = await configured();
    writeShellConfig(file, config, fs);
    expect(() => writeShellConfig(file, { ...config, role: 'admin' } as never, fs)).toThrow();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(config);
  });

  it('stores a PIN as salted scrypt: the same PIN twice gives two hashes', async () => {
    const [a, b] = [await hashPin('2468'), await hashPin('2468')];
    expect(a).not.toBe(b);
    expect(await verifyPin('2468', b)).toBe(true);
  });
});

describe('npm run app -- --role=…', () => {
  it('runs a role against the local hub, and refuses nonsense', async () => {
    const pin = await hashPin('0000');
    expect(devConfig(['electron', 'main.cjs', '--role=kiosk', '--key=kiosk-key-lobi-1', '--printer=127.0.0.1:9100'], pin)).toMatchObject({
      role: 'kiosk',
      hubUrl: 'http://127.0.0.1:7400',
      printer: { kind: 'network', host: '127.0.0.1', port: 9100 },
    });
    expect(devConfig(['electron', 'main.cjs', '--role=hub'], pin)).toMatchObject({ role: 'hub', hubPort: 7400 });
    expect(devConfig(['electron', 'main.cjs'], pin)).toBeNull();
    expect(() => devConfig(['--role=root'], pin)).toThrow(/--role/);
    expect(() => devConfig(['--role=display'], pin)).toThrow(/kunci perangkat/);
  });
});
