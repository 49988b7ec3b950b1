// IPC from a page reaches the main process only from the right top frame, with a payload that passes the
// shared schema; anything else gets a coded refusal in Bahasa Indonesia and runs nothing.
import { describe, expect, it } from 'vitest';
import { handle, senderAllowed } from '../../electron/main/ipc';
import { ticketPrintSchema } from '../../shared/protocol/schemas';

const trust = { hubOrigin: 'http://192.168.1.10:7400', localPages: ['file:///opt/antrian/pages/setup.html'] };
const top = (url: string) => ({ url, parent: null });
const TICKET = {
  officeName: 'LPSE Kota Batam',
  ticketNumber: 'A-001',
  serviceName: 'Gangguan',
  issuedAt: 'Kamis, 26 November 2026 09:00 WIB',
  aheadText: 'Antrian di depan Anda: 0',
};

describe('the sender’s frame', () => {
  it('is the hub’s top frame for the printer bridge, and the shell’s own page for setup', () => {
    expect(senderAllowed(top('http://192.168.1.10:7400/kiosk?key=k'), trust, 'hub')).toBe(true);
    expect(senderAllowed(top('file:///opt/antrian/pages/setup.html'), trust, 'local')).toBe(true);
    // Each channel serves its own pages only.
    expect(senderAllowed(top('file:///opt/antrian/pages/setup.html'), trust, 'hub')).toBe(false);
    expect(senderAllowed(top('http://192.168.1.10:7400/kiosk'), trust, 'local')).toBe(false);
  });

  it('is refused when it is a sub-frame, gone, or another origin', () => {
    expect(senderAllowed({ url: 'http://192.168.1.10:7400/kiosk', parent: {} }, trust, 'hub')).toBe(false);
    expect(senderAllowed(null, trust, 'hub')).toBe(false);
    expect(senderAllowed(top('http://192.168.1.10.evil:7400/kiosk'), trust, 'hub')).toBe(false);
    expect(senderAllowed(top('http://192.168.1.10:7400@evil/kiosk'), trust, 'hub')).toBe(false);
  });
});

describe('a registered channel', () => {
  function register() {
    const handlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
    const ran: unknown[] = [];
    handle(
      { handle: (channel: string, fn: never) => handlers.set(channel, fn) } as never,
      'bridge:print',
      'hub',
      () => trust,
      ticketPrintSchema,
      async (ticket) => {
        ran.push(ticket);
        return { ok: true };
      },
    );
    const call = (frame: unknown, raw: unknown) => handlers.get('bridge:print')?.({ senderFrame: frame }, raw);
    return { call, ran };
  }

  it('runs with the validated ticket from the hub’s page', async () => {
    const { call, ran } = register();
    expect(await call(top('http://192.168.1.10:7400/kiosk'), TICKET)).toEqual({ ok: true });
    expect(ran).toEqual([TICKET]);
  });

  it('refuses another sender before looking at the payload, and runs nothing', async () => {
    const { call, ran } = register();
    expect(await call(top('https://evil.example/'), TICKET)).toMatchObject({
      ok: false,
      code: 'SHELL_SENDER_REFUSED',
      message: 'Permintaan ini hanya diterima dari halaman aplikasi.',
    });
    expect(ran).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'A-001'],
    ['a missing number', { ...TICKET, ticketNumber: undefined }],
    ['an extra field', { ...TICKET, path: '/etc/passwd' }],
    ['an oversized text', { ...TICKET, footer: 'x'.repeat(10_000) }],
  ])('refuses %s with VALIDATION_FAILED and runs nothing', async (_why, raw) => {
    const { call, ran } = register();
    expect(await call(top('http://192.168.1.10:7400/kiosk'), raw)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(ran).toEqual([]);
  });
});
