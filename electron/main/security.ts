// Electron's security checklist for every window: no pop-ups, no navigation or redirect off the hub and
// the shell's own pages, no permissions granted, a CSP on every response that lacks one, and on locked
// screens no zoom, devtools or printing shortcuts.
import type { Input, Session, WebContents } from 'electron';
import { isTrusted, type Trust } from './trustedUrl';

/** For responses that bring none (the hub sends its own): nothing but same-origin content runs. */
export const FALLBACK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'setVisualZoomLevelLimits'>;

/** Keys that zoom, open devtools, print, or view source: none of them belongs on a locked screen. */
export function isBlockedShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f12') return true;
  const mod = input.control || input.meta;
  if (!mod) return false;
  if (['+', '=', '-', '_', '0', 'p', 'u'].includes(key)) return true;
  return input.shift && ['i', 'j', 'c'].includes(key);
}

export function lockContents(contents: Contents, trust: Trust, locked: boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: { preventDefault(): void; url: string }) => {
    if (!isTrusted(event.url, trust)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (!locked) return;
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
  // Pinch and ctrl+wheel zoom stay at 100 %.
  contents.on('did-finish-load', () => void contents.setVisualZoomLevelLimits(1, 1));
}

/** Every permission request and check is refused: no page here needs a camera, location or notifications. */
export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Adds the fallback CSP to a response that has none. */
export function withCsp(headers: Record<string, string[]>): Record<string, string[]> {
  const has = Object.keys(headers).some((name) => name.toLowerCase() === 'content-security-policy');
  return has ? headers : { ...headers, 'Content-Security-Policy': [FALLBACK_CSP] };
}

export function enforceCsp(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders ?? {}) });
  });
}
