// The kiosk learns its device key from `/kiosk?key=KEY` on first load (the Electron shell passes it the
// same way), remembers it, and drops it from the address bar so it is not left on screen or in history.

const STORAGE_KEY = 'antrian.kiosk.deviceKey';

/** The `key` query parameter of an address, and the same address without it. */
export function splitKey(href: string): { key: string | null; rest: string } {
  const url = new URL(href);
  const key = url.searchParams.get('key') || null;
  url.searchParams.delete('key');
  return { key, rest: url.toString() };
}

export function deviceKeyFromPage(): string | null {
  const { key, rest } = splitKey(window.location.href);
  if (key === null) return readKey();
  try {
    localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Without storage the key lives as long as the page; the shell passes it again on every start.
  }
  window.history.replaceState(window.history.state, '', rest);
  return key;
}

function readKey(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
