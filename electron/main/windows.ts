// The window each role opens: kiosk, display and survey full-screen in kiosk mode; the counter (and the
// hub PC's staff app) a normal window of the size it had last time. Every window gets the same locked
// web preferences.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { BRIDGE_ARG } from '../../shared/protocol/bridge';
import type { ShellConfig, ShellRole } from '../../shared/protocol/shell';

/** Roles whose screen nobody should leave: no frame, no menu, no way out but the setup PIN. */
export const LOCKED_ROLES: ReadonlySet<ShellRole> = new Set(['kiosk', 'display', 'survey']);

const DEFAULT_SIZE = { width: 1280, height: 800 };

/** A kiosk whose shell prints: its page gets the printer bridge. */
export const hasBridge = (config: Pick<ShellConfig, 'role'> & { printer?: ShellConfig['printer'] }): boolean =>
  config.role === 'kiosk' && config.printer !== undefined && config.printer.kind !== 'none';

export function windowOptions(
  config: Pick<ShellConfig, 'role' | 'counterBounds'> & { printer?: ShellConfig['printer'] },
  preloadPath: string,
): BrowserWindowConstructorOptions {
  const webPreferences: BrowserWindowConstructorOptions['webPreferences'] = {
    preload: preloadPath,
    additionalArguments: hasBridge(config) ? [BRIDGE_ARG] : [],
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // Locked screens: no devtools at all; staff PCs keep them closed unless opened by hand (see security.ts).
    devTools: !LOCKED_ROLES.has(config.role),
    // The display's chime and voice start without a tap.
    autoplayPolicy: config.role === 'display' ? 'no-user-gesture-required' : 'document-user-activation-required',
    // A background window still updates the queue.
    backgroundThrottling: false,
  };
  if (LOCKED_ROLES.has(config.role)) {
    return {
      show: false,
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      backgroundColor: '#000000',
      webPreferences,
    };
  }
  const b = config.counterBounds;
  return {
    show: false,
    width: b?.width ?? DEFAULT_SIZE.width,
    height: b?.height ?? DEFAULT_SIZE.height,
    ...(b?.x !== undefined && b.y !== undefined ? { x: b.x, y: b.y } : {}),
    minWidth: 800,
    minHeight: 600,
    autoHideMenuBar: true,
    webPreferences,
  };
}

/** The bounds to remember when a counter window closes: whole pixels within the schema's limits. */
export function boundsToRemember(r: Rectangle): NonNullable<ShellConfig['counterBounds']> {
  return {
    x: Math.round(r.x),
    y: Math.round(r.y),
    width: Math.min(10_000, Math.max(400, Math.round(r.width))),
    height: Math.min(10_000, Math.max(300, Math.round(r.height))),
  };
}
