// Which URLs a shell window may show: its hub's pages (compared as parsed origins — a prefix or substring
// test lets `http://hub.evil` or `http://hub@evil` through) and the shell's own local pages.
export interface Trust {
  /** The hub's origin, e.g. `http://192.168.1.10:7400`. */
  hubOrigin: string;
  /** The shell's own pages (setup, waiting), as exact `file:` URLs without query. */
  localPages: readonly string[];
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A page of the hub itself: same scheme, host (after IDN to ASCII) and port, and no credentials. */
export function isHubUrl(url: string, hubOrigin: string): boolean {
  const u = parse(url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return false;
  if (u.username !== '' || u.password !== '') return false;
  return u.origin === hubOrigin;
}

/** One of the shell's own pages, with any query (the waiting page carries the address it is trying). */
export function isLocalPage(url: string, localPages: readonly string[]): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'file:') return false;
  return localPages.includes(`file://${u.host}${u.pathname}`);
}

export function isTrusted(url: string, trust: Trust): boolean {
  return isHubUrl(url, trust.hubOrigin) || isLocalPage(url, trust.localPages);
}
