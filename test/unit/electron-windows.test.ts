// Each role's window, and what every window refuses: checked on the options and listeners the main
// process hands to Electron, with Node stand-ins for Electron's objects.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { denyPermissions, FALLBACK_CSP, isBlockedShortcut, lockContents, withCsp } from '../../electron/main/security';
import { boundsToRemember, windowOptions } from '../../electron/main/windows';
import { BRIDGE_ARG } from '../../shared/protocol/bridge';

const PRELOAD = '/opt/antrian/preload.cjs';

describe('window options per role', () => {
  it.each(['kiosk', 'display', 'survey'] as const)('%s: full screen in kiosk mode, no frame, no devtools', (role) => {
    const o = windowOptions({ role }, PRELOAD);
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
    expect(o.webPreferences?.devTools).toBe(false);
  });

  it.each(['kiosk', 'counter', 'display', 'survey', 'hub'] as const)('%s: isolated, sandboxed, no Node in the page', (role) => {
    expect(windowOptions({ role }, PRELOAD).webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('only a kiosk whose shell has a printer gets the printer bridge; without one it is a screen-only kiosk', () => {
    const args = (config: Parameters<typeof windowOptions>[0]) => windowOptions(config, PRELOAD).webPreferences?.additionalArguments;
    expect(args({ role: 'kiosk', printer: { kind: 'usb', path: '/dev/usb/lp0' } })).toEqual([BRIDGE_ARG]);
    expect(args({ role: 'kiosk', printer: { kind: 'none' } })).toEqual([]);
    expect(args({ role: 'display' })).toEqual([]);
    expect(args({ role: 'counter' })).toEqual([]);
  });

  it('the display alone plays sound without a tap', () => {
    expect(windowOptions({ role: 'display' }, PRELOAD).webPreferences?.autoplayPolicy).toBe('no-user-gesture-required');
    expect(windowOptions({ role: 'kiosk' }, PRELOAD).webPreferences?.autoplayPolicy).toBe('document-user-activation-required');
  });

  it('the counter is a normal window that comes back at the size and place it had', () => {
    const o = windowOptions({ role: 'counter', counterBounds: { x: 10, y: 20, width: 1400, height: 900 } }, PRELOAD);
    expect(o).toMatchObject({ x: 10, y: 20, width: 1400, height: 900 });
    expect(o.kiosk).toBeUndefined();
    expect(boundsToRemember({ x: 10.4, y: 20.6, width: 120, height: 99_999 })).toEqual({ x: 10, y: 21, width: 400, height: 10_000 });
  });
});

/** Enough of WebContents to see what the shell registers and how each listener answers. */
class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  zoomLimits?: [number, number];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  setVisualZoomLevelLimits(min: number, max: number) {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }
  /** Emits a cancellable event; true when a listener cancelled it. */
  cancelled(event: string, details: Record<string, unknown> = {}, ...rest: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { ...details, preventDefault: () => (prevented = true) }, ...rest);
    return prevented;
  }
}

const TRUST = { hubOrigin: 'http://127.0.0.1:7400', localPages: ['file:///opt/antrian/pages/waiting.html'] };

function locked(lock = true): FakeContents {
  const c = new FakeContents();
  lockContents(c as never, TRUST, lock);
  return c;
}

describe('every window', () => {
  it('opens no new windows, whatever the URL', () => {
    const c = locked();
    expect(c.openHandler?.({ url: 'http://127.0.0.1:7400/counter' })).toEqual({ action: 'deny' });
    expect(c.openHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  it('navigates and redirects only to the hub and its own pages', () => {
    const c = locked(false);
    expect(c.cancelled('will-navigate', { url: 'http://127.0.0.1:7400/kiosk?key=k' })).toBe(false);
    expect(c.cancelled('will-navigate', { url: 'file:///opt/antrian/pages/waiting.html?address=x' })).toBe(false);
    expect(c.cancelled('will-navigate', { url: 'http://127.0.0.1:7400@evil.example/' })).toBe(true);
    expect(c.cancelled('will-redirect', { url: 'http://evil.example/?next=http://127.0.0.1:7400' })).toBe(true);
    expect(c.cancelled('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(c.cancelled('will-attach-webview')).toBe(true);
  });

  it('a locked screen ignores zoom, devtools, print and view-source keys, and pins zoom at 100 %', () => {
    const c = locked();
    const key = (k: string, mods: Partial<{ control: boolean; shift: boolean; meta: boolean }> = {}) =>
      c.cancelled('before-input-event', {}, { type: 'keyDown', key: k, control: false, shift: false, meta: false, alt: false, ...mods });
    expect(key('+', { control: true })).toBe(true);
    expect(key('0', { control: true })).toBe(true);
    expect(key('I', { control: true, shift: true })).toBe(true);
    expect(key('F12')).toBe(true);
    expect(key('p', { meta: true })).toBe(true);
    expect(key('a')).toBe(false);
    expect(key('Enter')).toBe(false);
    c.emit('did-finish-load');
    expect(c.zoomLimits).toEqual([1, 1]);
    expect(isBlockedShortcut({ type: 'keyUp', key: 'F12', control: false, meta: false, shift: false, alt: false })).toBe(false);
  });

  it('a counter keeps its keys: staff may zoom their own screen', () => {
    const c = locked(false);
    expect(c.listenerCount('before-input-event')).toBe(0);
  });

  it('refuses every permission request and check', () => {
    let request: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    denyPermissions({
      setPermissionRequestHandler: (h: never) => (request = h),
      setPermissionCheckHandler: (h: never) => (check = h),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let answer: boolean | undefined;
      request?.(null, permission, (ok) => (answer = ok));
      expect(answer, permission).toBe(false);
      expect(check?.(null, permission, 'http://127.0.0.1:7400')).toBe(false);
    }
  });

  it('adds a CSP to a response without one and keeps the hub’s own', () => {
    expect(withCsp({ 'content-type': ['text/html'] })['Content-Security-Policy']).toEqual([FALLBACK_CSP]);
    const hubs = { 'content-security-policy': ["default-src 'self'"] };
    expect(withCsp(hubs)).toBe(hubs);
  });
});
