// Connection admission on its own: which browser origins may open a socket, the connections one address may
// hold, each audience's budget of events, and the wait of an address whose socket was cut off for flooding.
// Through real sockets: test/integration/hardening.test.ts and test/load/flood.test.ts.
import { expect, it } from 'vitest';
import { DEFAULT_LIMITS, type HubLimits } from '../../hub/config';
import { Admission } from '../../hub/core/admission';

const limits = (more: Partial<HubLimits> = {}): HubLimits => ({ ...DEFAULT_LIMITS, ...more });

it('lets in no Origin (a Node client), the hub’s own pages and configured origins; no other site', async () => {
  const listening: { port?: number } = {};
  const admission = new Admission(limits(), ['https://antrian.lpse.example'], () => listening.port);
  const refusal = (origin: string | undefined) => admission.refusal({ origin, address: '10.0.0.5' });
  // Before the hub listens it has no address of its own.
  expect(await refusal('http://localhost:7400')).toBe('origin not allowed');
  listening.port = 7400;
  expect(await refusal(undefined)).toBeNull();
  expect(await refusal('http://localhost:7400')).toBeNull();
  expect(await refusal('http://127.0.0.1:7400')).toBeNull();
  expect(await refusal('https://antrian.lpse.example')).toBeNull();
  expect(await refusal('http://localhost:7401')).toBe('origin not allowed');
  expect(await refusal('https://evil.example')).toBe('origin not allowed');
});

it('holds an address to its cap of open connections, counting each close once', async () => {
  const admission = new Admission(limits({ maxConnectionsPerAddress: 2 }), [], () => 7400);
  const from = (address: string) => admission.refusal({ origin: undefined, address });
  const close = admission.opened('10.0.0.5');
  admission.opened('10.0.0.5');
  expect(await from('10.0.0.5')).toBe('too many connections from this address');
  expect(await from('10.0.0.6')).toBeNull();
  close();
  close();
  expect(await from('10.0.0.5')).toBeNull();
  admission.opened('10.0.0.5');
  expect(await from('10.0.0.5')).toBe('too many connections from this address');
});

it('refuses a socket past its audience’s budget, cuts it off past its refusals, and makes its address wait', async () => {
  const budgets = { ...DEFAULT_LIMITS.budgets, kiosk: 2, staff: 4 };
  const admission = new Admission(limits({ budgets, refusalsBeforeDisconnect: 2 }), [], () => 7400);
  // Events a second are counted over five seconds: a kiosk may send 10 at once, staff 20.
  const spent = [];
  for (let i = 0; i < 10; i++) spent.push(await admission.spend('kiosk', 'kiosk-socket', '10.0.0.5'));
  expect(spent.every((s) => s === null)).toBe(true);
  for (let i = 0; i < 20; i++) expect(await admission.spend('staff', 'staff-socket', '10.0.0.5')).toBeNull();

  const refused = await admission.spend('kiosk', 'kiosk-socket', '10.0.0.5');
  expect(refused).toEqual({ seconds: expect.stringMatching(/^[1-5]$/), cutOff: false });
  expect(await admission.spend('kiosk', 'kiosk-socket', '10.0.0.5')).toMatchObject({ cutOff: false });
  expect(await admission.refusal({ origin: undefined, address: '10.0.0.5' })).toBeNull();
  // The third refusal within ten seconds cuts the socket off; its address waits before it may connect again.
  expect(await admission.spend('kiosk', 'kiosk-socket', '10.0.0.5')).toMatchObject({ cutOff: true });
  expect(await admission.refusal({ origin: undefined, address: '10.0.0.5' })).toBe('cut off for flooding: wait');
  expect(await admission.refusal({ origin: undefined, address: '10.0.0.6' })).toBeNull();
  // Another socket has its own budget.
  expect(await admission.spend('kiosk', 'another-kiosk', '10.0.0.6')).toBeNull();
});
