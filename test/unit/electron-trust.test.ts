// Which URLs a shell window may show or take IPC from: the hub's own origin, parsed — never a prefix or
// substring match — and the shell's own local pages.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isHubUrl, isLocalPage, isTrusted, type Trust } from '../../electron/main/trustedUrl';

const HUB = 'http://hub:7400';
const trust: Trust = { hubOrigin: HUB, localPages: ['file:///opt/antrian/pages/setup.html'] };

describe('the hub’s pages', () => {
  it.each([
    'http://hub:7400/kiosk?key=abc',
    'http://hub:7400/',
    'http://HUB:7400/counter/#/loket',
    'http://hub:7400/display?next=http://evil',
  ])('trusts %s', (url) => {
    expect(isHubUrl(url, HUB)).toBe(true);
  });

  it.each([
    ['another host whose query names the hub', 'http://hub.evil/?next=http://hub:7400'],
    ['the hub as a user name in front of another host', 'http://hub:7400@evil/kiosk'],
    ['the hub as a user name on its own host', 'http://hub@hub:7400/kiosk'],
    ['a host that starts with the hub’s name', 'http://hub.local.evil:7400/'],
    ['a host that starts with the hub’s name and port', 'http://hub:74000/'],
    ['another port', 'http://hub:7401/kiosk'],
    ['https for an http hub', 'https://hub:7400/kiosk'],
    ['an IDN look-alike (Cyrillic u)', 'http://hуb:7400/kiosk'],
    ['a file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)//http://hub:7400'],
    ['data', 'data:text/html,<script>1</script>'],
    ['not a URL', 'hub:7400/kiosk'],
    ['empty', ''],
  ])('refuses %s', (_why, url) => {
    expect(isHubUrl(url, HUB)).toBe(false);
    expect(isTrusted(url, trust)).toBe(false);
  });

  it('compares an IDN hub by its ASCII form, so the look-alike and the real one are told apart', () => {
    const idnHub = new URL('http://lpsé.example:7400').origin;
    expect(isHubUrl('http://lpsé.example:7400/kiosk', idnHub)).toBe(true);
    expect(isHubUrl('http://lpse.example:7400/kiosk', idnHub)).toBe(false);
  });
});

describe('the shell’s own pages', () => {
  it('matches a Windows install path as Chromium encodes it', () => {
    const pages = [pathToFileURL('/C:/Program Files/Antrian LPSE/resources/app.asar/dist/electron/pages/waiting.html').href];
    expect(isLocalPage('file:///C:/Program%20Files/Antrian%20LPSE/resources/app.asar/dist/electron/pages/waiting.html?address=x', pages)).toBe(true);
    expect(isLocalPage('file:///C:/Program%20Files/Antrian%20LPSE/resources/app.asar/dist/electron/pages/other.html', pages)).toBe(false);
  });

  it('trusts exactly the listed files, with any query, and no other file', () => {
    expect(isLocalPage('file:///opt/antrian/pages/setup.html', trust.localPages)).toBe(true);
    expect(isLocalPage('file:///opt/antrian/pages/setup.html?x=1', trust.localPages)).toBe(true);
    expect(isLocalPage('file:///opt/antrian/pages/setup.html.evil', trust.localPages)).toBe(false);
    expect(isLocalPage('file:///opt/antrian/pages/../pages/other.html', trust.localPages)).toBe(false);
    expect(isLocalPage('file:///tmp/setup.html', trust.localPages)).toBe(false);
    expect(isLocalPage('http://hub:7400/opt/antrian/pages/setup.html', trust.localPages)).toBe(false);
  });
});
