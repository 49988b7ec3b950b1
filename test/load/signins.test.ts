// Sign-in is the hub's most expensive request (password hashing): 200 attempts from 200 machines at once,
// half with the right password, must not hold up a kiosk's ticket.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Reply } from '../../shared/protocol/errors';
import { connect } from '../helpers/clients';
import { KIOSK_KEY } from '../helpers/hub';
import { HUB_MEMORY_ENV } from '../../electron/main/hubProcess';
import { kioskAtPace, loadHub, p99, rssMb, type LoadHub } from '../helpers/load';

let hub: LoadHub;

// Default budgets: nothing here goes faster than real machines would.
beforeAll(async () => {
  hub = await loadHub();
});

afterAll(() => hub?.stop());

it('keeps a kiosk quick while 200 machines sign in at once', { timeout: 120_000 }, async () => {
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  hub.clients.push(kiosk);
  const quiet = await kioskAtPace(kiosk, 3_000);
  expect(quiet.errors).toEqual([]);
  const bound = Math.max(250, 3 * p99(quiet.latencies));

  // 127.0.0.2 … 127.0.0.201, each its own machine; even ones know hd1's password.
  const guests = await Promise.all(Array.from({ length: 200 }, (_, i) => connect(hub.url, {}, `127.0.0.${i + 2}`)));
  hub.clients.push(...guests);
  const busy = kioskAtPace(kiosk, 3_000);
  const attempts = await Promise.all(
    guests.map(
      (g, i): Promise<Reply<unknown>> => g.request('auth:login', { username: 'hd1', password: i % 2 === 0 ? 'sandi-hd1' : `salah-${i}` }),
    ),
  );
  const { latencies, errors } = await busy;

  expect(errors).toEqual([]);
  expect(p99(latencies), `p99 during sign-ins vs bound ${bound.toFixed(0)} ms`).toBeLessThanOrEqual(bound);
  // Every right password from its own machine got in; every wrong one was refused with a code.
  expect(attempts.filter((r, i) => i % 2 === 0 && r.ok)).toHaveLength(100);
  for (const r of attempts.filter((_, i) => i % 2 === 1)) expect(r).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^LOGIN_/) } });
});

it('gives back the memory of 40 sign-ins when started with the hub role\'s memory setting', { timeout: 120_000 }, async () => {
  const own = await loadHub({ env: HUB_MEMORY_ENV });
  try {
    const guests = await Promise.all(Array.from({ length: 40 }, (_, i) => connect(own.url, {}, `127.0.1.${i + 2}`)));
    own.clients.push(...guests);
    const before = rssMb(own.child.pid ?? 0);
    const attempts = await Promise.all(guests.map((g) => g.request('auth:login', { username: 'hd1', password: 'sandi-hd1' })));
    expect(attempts.filter((r) => r.ok)).toHaveLength(40);
    // Without the setting each pool thread that hashed keeps a 16 MB scrypt block: 32–64 MB more.
    expect(rssMb(own.child.pid ?? 0) - before, 'MB kept after the sign-ins').toBeLessThan(16);
  } finally {
    await own.stop();
  }
});
