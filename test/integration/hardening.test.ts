// What a careless or hostile machine on the office LAN tries, short of flooding (see test/load): pages
// without security headers, sockets from another site's page, source maps, endless printer faults,
// guessed device keys, and text that only looks filled in.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffSnapshot } from '../../shared/protocol/events';
import { caseOfNewVisit, intake, serveVisitor, stored } from '../helpers/cases';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { APPS_DIR, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('HTTP', () => {
  it('sends the security headers with every page, and no page may be framed', async () => {
    for (const path of ['/counter/', '/kiosk/?key=x', '/display/', '/counter/some/route', '/nope', '/healthz']) {
      const res = await fetch(hub.url + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    expect((await fetch(`${hub.url}/counter/`)).headers.get('content-type')).toMatch(/text\/html/);
  });

  it('serves no source map: none is built, and asking for one finds nothing', async () => {
    const files = filesUnder(APPS_DIR);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const script = files.find((f) => f.endsWith('.js') && f.includes(`${join(APPS_DIR, 'counter')}`)) as string;
    const path = `/counter/${script.slice(join(APPS_DIR, 'counter').length + 1)}`;
    expect((await fetch(hub.url + path)).status).toBe(200);
    expect((await fetch(`${hub.url + path}.map`)).status).toBe(404);
    expect(await (await fetch(hub.url + path)).text()).not.toContain('sourceMappingURL');
  });
});

describe('bounded and cleaned input', () => {
  let kiosk: TestClient;
  let officer: TestClient;
  beforeAll(async () => {
    // Before the key-guessing test below locks this address out of device keys.
    kiosk = track(await connect(hub.url, { deviceKey: KIOSK_KEY }));
    officer = track(await signIn(hub.url, 'hd1', 'sandi-hd1'));
    await officer.ok('counter:open', { counterId: 1 });
  });

  it('refuses the 11th printer fault for one ticket, so staff screens stay small', async () => {
    const { ticket } = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'B' });
    for (let i = 0; i < 10; i++) {
      expect(await kiosk.ok('print:fault', { ticketId: ticket.id, code: 'PRINTER_PAPER_OUT', message: `percobaan ${i}` })).toEqual({});
    }
    expect(await kiosk.request('print:fault', { ticketId: ticket.id, code: 'PRINTER_PAPER_OUT', message: 'lagi' })).toMatchObject({
      ok: false,
      error: { code: 'PRINT_FAULTS_FOR_TICKET_LIMIT' },
    });
    const faults = ((await officer.ok('sync:snapshot', {})) as StaffSnapshot).printerFaults.filter((f) => f.ticketId === ticket.id);
    expect(faults).toHaveLength(10);
  });

  it('judges a visitor name of zero-width spaces as empty, and saves nothing', async () => {
    const { ticket, case: opened } = await serveVisitor(kiosk, officer, 1);
    const before = stored(hub.db, opened.id);
    const reply = await officer.request('case:intake', {
      caseId: opened.id,
      revision: opened.revision,
      intake: intake({ visitorName: '\u200b\u200b\u200d\ufeff', title: '\u0000\u0007 ' }),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'CASE_INTAKE_INCOMPLETE' } });
    expect(!reply.ok && reply.error.message).toMatch(/nama/i);
    expect(stored(hub.db, opened.id)).toEqual(before);
    await officer.ok('ticket:finish', { counterId: 1, ticketId: ticket.id });
  });

  it('searches for what follows a NUL instead of matching every case', async () => {
    await caseOfNewVisit(kiosk, officer, 1, { visitorName: 'Rahmat Hidayatullah' });
    expect((await officer.ok('case:search', {})).length).toBeGreaterThan(0);
    expect(await officer.ok('case:search', { query: '\u0000tidak-ada-kasus-seperti-ini' })).toEqual([]);
    const found = await officer.ok('case:search', { query: '\u0000\u200bHidayatullah' });
    expect(found.map((c) => c.visitorName)).toEqual(['Rahmat Hidayatullah']);
  });

  it('refuses a date that is not on the calendar', async () => {
    for (const from of ['2026-13-45', '2026-02-30', '2026-00-10']) {
      expect(await officer.request('case:search', { from })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect((await officer.request('case:search', { from: '2024-02-29' })).ok).toBe(true);
  });
});

describe('Socket.IO handshake', () => {
  function handshake(headers: Record<string, string>): Promise<'connected' | 'refused'> {
    const socket = io(hub.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
    return new Promise((resolve) => {
      socket.once('connect', () => (socket.close(), resolve('connected')));
      socket.once('connect_error', () => (socket.close(), resolve('refused')));
    });
  }

  it("refuses another site's page, and accepts the hub's own pages and clients without an Origin", async () => {
    expect(await handshake({ Origin: 'http://evil.example' })).toBe('refused');
    expect(await handshake({ Origin: `http://evil.example:${hub.port}` })).toBe('refused');
    expect(await handshake({})).toBe('connected');
    expect(await handshake({ Origin: hub.url })).toBe('connected');
    expect(await handshake({ Origin: `http://localhost:${hub.port}` })).toBe('connected');
  });

  it('stops an address guessing device keys, the right key included, until the minute is over', async () => {
    for (let i = 0; i < 10; i++) {
      await expect(connect(hub.url, { deviceKey: `tebakan-kunci-${i}-xxxxxx` })).rejects.toMatchObject({ data: { code: 'DEVICE_KEY_INVALID' } });
    }
    await expect(connect(hub.url, { deviceKey: 'tebakan-kunci-11-xxxxx' })).rejects.toMatchObject({
      data: { code: 'DEVICE_KEY_RATE_LIMITED' },
    });
    await expect(connect(hub.url, { deviceKey: KIOSK_KEY })).rejects.toMatchObject({ data: { code: 'DEVICE_KEY_RATE_LIMITED' } });
  });
});
