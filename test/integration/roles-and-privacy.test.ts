// Who may do what, what the waiting room may see, and settings that reach every screen live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectHub } from '../../shared/ui/hubClient';
import type { Snapshot } from '../../shared/protocol/events';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, DISPLAY_KEY, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
const clients: TestClient[] = [];
const track = <T extends TestClient>(c: T) => (clients.push(c), c);

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});

describe('roles', () => {
  it('refuses what a role does not allow, with a code', async () => {
    const kiosk = track(await connect(hub.url, { deviceKey: KIOSK_KEY }));
    const display = track(await connect(hub.url));
    const helpdesk = track(await signIn(hub.url, 'hd1', 'sandi-hd1'));
    expect(await kiosk.request('counter:open', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await kiosk.request('ticket:callNext', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await display.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    expect(await display.request('ticket:callNext', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    const settings = await helpdesk.request('settings:update', { settings: { runningText: 'hacked' } });
    expect(settings).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Peran Anda tidak diizinkan melakukan ini.' } });
  });

  it('sends a signed-out tab back to sign-in by itself', async () => {
    const anon = track(await connect(hub.url));
    const { token } = await anon.ok('auth:login', { username: 'koor', password: 'sandi-koor' });
    const refused: string[] = [];
    const otherTab = connectHub({
      url: hub.url,
      auth: () => ({ token }),
      lang: () => 'id',
      onSnapshot: () => undefined,
      onPatch: () => undefined,
      onOnline: () => undefined,
      onRefused: (code) => refused.push(code),
    });
    try {
      await expect.poll(() => otherTab.socket.connected).toBe(true);
      await anon.ok('auth:logout', {});
      await expect.poll(() => refused).toContain('SESSION_EXPIRED');
    } finally {
      otherTab.close();
    }
  });

  it('cuts off a session that expired while its socket stayed connected, at its next write, storing nothing', async () => {
    const officer = track(await signIn(hub.url, 'hd3', 'sandi-hd3'));
    const users = hub.db.prepare(`SELECT id FROM users WHERE username = 'hd3'`).get() as { id: number };
    hub.db.prepare(`UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = ?`).run(users.id);
    const id = requestId();
    expect(await officer.request('ticket:issue', { requestId: id, serviceCode: 'A' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_EXPIRED', message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' },
    });
    await expect.poll(() => officer.socket.connected).toBe(false);
    expect(hub.db.prepare('SELECT count(*) AS n FROM tickets WHERE request_id = ?').get(id)).toEqual({ n: 0 });
  });

  it('explains a malformed request in the asked language', async () => {
    const id = track(await connect(hub.url, { deviceKey: KIOSK_KEY }));
    const en = track(await connect(hub.url, { deviceKey: KIOSK_KEY, lang: 'en' }));
    const bad = { requestId: 12345678, serviceCode: 'A' } as never;
    const inId = await id.request('ticket:issue', bad);
    const inEn = await en.request('ticket:issue', bad);
    if (inId.ok || inEn.ok) throw new Error('accepted a malformed request');
    expect(inId.error.message).toMatch(/^Data yang dikirim tidak lengkap atau tidak sesuai: requestId: Input tidak valid/);
    expect(inEn.error.message).toMatch(/^The data sent is incomplete or invalid: requestId: Invalid input/);
  });

  it('refuses unknown keys and tokens at the handshake, in the asked language', async () => {
    await expect(connect(hub.url, { deviceKey: 'no-such-key-000' })).rejects.toMatchObject({ data: { code: 'DEVICE_KEY_INVALID' } });
    await expect(connect(hub.url, { token: 'forged', lang: 'en' })).rejects.toMatchObject({
      message: 'Your session has ended. Please sign in again.',
      data: { code: 'SESSION_EXPIRED' },
    });
  });

  it('ends a session at sign-out and rate-limits failed sign-ins', async () => {
    const anon = track(await connect(hub.url));
    const { token } = await anon.ok('auth:login', { username: 'hd2', password: 'sandi-hd2' });
    const staff = track(await connect(hub.url, { token }));
    const secondTab = track(await connect(hub.url, { token }));
    const dropped = new Promise((resolve) => secondTab.socket.once('disconnect', resolve));
    await staff.ok('auth:logout', {});
    await dropped;
    await expect(connect(hub.url, { token })).rejects.toMatchObject({ data: { code: 'SESSION_EXPIRED' } });

    // The socket that signed in used the same session, so it was dropped too.
    expect(anon.socket.connected).toBe(false);
    const guest = track(await connect(hub.url));
    for (let i = 0; i < 5; i++) {
      expect(await guest.request('auth:login', { username: 'hd3', password: 'salah' })).toMatchObject({
        ok: false,
        error: { code: 'LOGIN_FAILED' },
      });
    }
    // Even the right password waits now.
    expect(await guest.request('auth:login', { username: 'hd3', password: 'sandi-hd3' })).toMatchObject({
      ok: false,
      error: { code: 'LOGIN_RATE_LIMITED' },
    });
  });
});

describe('the waiting room', () => {
  it('never receives staff names, accounts or ticket records', async () => {
    const tv = track(await connect(hub.url, { deviceKey: DISPLAY_KEY }));
    const anonymousTv = track(await connect(hub.url));
    const kiosk = track(await connect(hub.url, { deviceKey: KIOSK_KEY }));
    const officer = track(await signIn(hub.url, 'hd2', 'sandi-hd2'));
    await officer.ok('counter:open', { counterId: 3 });
    const t = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'B' });
    await officer.ok('ticket:callNext', { counterId: 3 });
    await officer.ok('ticket:recall', { counterId: 3, ticketId: t.ticket.id });
    await officer.ok('ticket:start', { counterId: 3, ticketId: t.ticket.id });
    await tv.waitForPatch((p) => p.audience === 'display' && p.counters?.[0]?.currentNumber === t.ticket.number);
    await officer.ok('ticket:finish', { counterId: 3, ticketId: t.ticket.id });
    await tv.waitForPatch((p) => p.audience === 'display' && p.counters?.[0]?.currentNumber === null);
    for (const screen of [tv, anonymousTv, kiosk]) {
      const frames = screen.raw.join('\n');
      expect(frames).not.toContain('Petugas');
      expect(frames).not.toContain('hd2');
      expect(frames).not.toMatch(/"(users|tickets|userName|userId|me|printerFaults|cases)"/);
    }
    const calls = tv.patches.flatMap((p) => (p.audience === 'display' ? (p.calls ?? []) : []));
    expect(calls.map((c) => [c.ticketNumber, c.counterName, c.recall])).toEqual([
      ['B-001', 'Loket 3', 0],
      ['B-001', 'Loket 3', 1],
    ]);
  });

  it('sees settings change live, with consecutive revisions per audience', async () => {
    const tv = track(await connect(hub.url));
    const kiosk = track(await connect(hub.url, { deviceKey: KIOSK_KEY }));
    const admin = track(await signIn(hub.url, 'admin', ADMIN_PASSWORD));
    const officer = track(await signIn(hub.url, 'koor', 'sandi-koor'));
    await admin.ok('settings:update', { settings: { runningText: 'Hari ini layanan sampai pukul 15.00' } });
    const tvPatch = await tv.waitForPatch((p) => p.audience === 'display' && p.settings !== undefined);
    expect(tvPatch).toMatchObject({ settings: { runningText: 'Hari ini layanan sampai pukul 15.00' } });
    await kiosk.waitForPatch((p) => p.audience === 'kiosk' && p.settings !== undefined);
    // A counter opening is the waiting room's business, not the kiosk's: the display's revision moves on alone.
    const opened = await officer.ok('counter:open', { counterId: 2 });
    await tv.waitForPatch((p) => p.audience === 'display' && p.counters?.some((c) => c.id === opened.id) === true);
    await admin.ok('settings:update', { office: { name: 'LPSE Kota Batam', address: 'Gedung Pemko Batam' } });
    await tv.waitForPatch((p) => p.audience === 'display' && p.office?.address === 'Gedung Pemko Batam');
    await kiosk.waitForPatch((p) => p.audience === 'kiosk' && p.office?.address === 'Gedung Pemko Batam');
    await officer.ok('counter:close', { counterId: 2 });
    // Each audience counts its own patches, one by one from its snapshot: the kiosk got two, the display more.
    const consecutive = (c: typeof tv) => {
      const start = (c.snapshots[0] as Snapshot).rev;
      return c.patches.map((_, i) => start + i + 1);
    };
    expect(tv.patches.map((p) => p.rev)).toEqual(consecutive(tv));
    expect(kiosk.patches.map((p) => p.rev)).toEqual(consecutive(kiosk));
    expect(kiosk.patches.map((p) => p.audience)).toEqual(['kiosk', 'kiosk']);
    expect(tv.patches.length).toBeGreaterThan(kiosk.patches.length);
  });

  it('resyncs by itself when it sees a gap in revisions', async () => {
    const snapshots: Snapshot[] = [];
    const client = connectHub({
      url: hub.url,
      auth: () => ({}),
      lang: () => 'id',
      onSnapshot: (s) => snapshots.push(s),
      onPatch: () => undefined,
      onOnline: () => undefined,
    });
    try {
      await expect.poll(() => snapshots.length).toBe(1);
      const { epoch, rev } = snapshots[0] as Snapshot;
      // A patch that skips revisions, as after a TV slept through some.
      hub.hub.io.to('display').emit('patch', { audience: 'display', epoch, rev: rev + 5 });
      await expect.poll(() => snapshots.length).toBe(2);
    } finally {
      client.close();
    }
  });
});
