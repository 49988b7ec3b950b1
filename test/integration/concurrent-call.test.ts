// Ten counters press "call next" at the same moment, a hundred times: no ticket goes to two counters,
// none is skipped, and each round takes exactly the next tickets in queue order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compareQueue } from '../../shared/domain/ticketRules';
import type { Ticket } from '../../shared/domain/types';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { FLAT_OUT_LIMITS, KIOSK_KEY, startTestHub, testSeed, type TestHub } from '../helpers/hub';

const COUNTERS = 10;
const ROUNDS = 100;
let hub: TestHub;
const clients: TestClient[] = [];

beforeAll(async () => {
  // Kiosks and counters here issue and call flat out, far past any device's budget: the budgets are raised.
  hub = await startTestHub({
    seed: testSeed(COUNTERS, { settings: { kioskRateLimitPerMinute: 10_000, priorityEnabled: true } }),
    limits: FLAT_OUT_LIMITS,
  });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});

it('hands every ticket to exactly one counter, first come first served within priority', { timeout: 240_000 }, async () => {
  const kiosks = await Promise.all([1, 2, 3, 4].map(() => connect(hub.url, { deviceKey: KIOSK_KEY })));
  const officers = await Promise.all(
    Array.from({ length: COUNTERS }, (_, i) => signIn(hub.url, `hd${i + 1}`, `sandi-hd${i + 1}`)),
  );
  clients.push(...kiosks, ...officers);
  await Promise.all(officers.map((o, i) => o.ok('counter:open', { counterId: i + 1 })));

  // Four kiosks issue at once; every seventh visitor asks for priority.
  const issued: Ticket[] = [];
  for (let batch = 0; batch < (COUNTERS * ROUNDS) / 4; batch++) {
    const replies = await Promise.all(
      kiosks.map((k, i) =>
        k.ok('ticket:issue', {
          requestId: requestId(),
          serviceCode: (batch + i) % 3 === 0 ? 'B' : 'A',
          priority: (batch * 4 + i) % 7 === 0,
        }),
      ),
    );
    issued.push(...replies.map((r) => r.ticket));
  }
  expect(new Set(issued.map((t) => t.number)).size).toBe(COUNTERS * ROUNDS);
  const expectedOrder = [...issued].sort(compareQueue).map((t) => t.id);

  const calledOrder: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const called = await Promise.all(officers.map((o, i) => o.ok('ticket:callNext', { counterId: i + 1 })));
    const ids = called.map((t) => t.id);
    expect(new Set(ids).size).toBe(COUNTERS);
    // The round took exactly the next ten tickets in queue order (which counter got which is a race).
    expect([...ids].sort((a, b) => a - b)).toEqual(
      expectedOrder.slice(round * COUNTERS, (round + 1) * COUNTERS).sort((a, b) => a - b),
    );
    calledOrder.push(...ids);
    await Promise.all(officers.map((o, i) => o.ok('ticket:noShow', { counterId: i + 1, ticketId: ids[i] as number })));
  }
  expect(new Set(calledOrder).size).toBe(COUNTERS * ROUNDS);
  expect(await officers[0]?.request('ticket:callNext', { counterId: 1 })).toMatchObject({
    ok: false,
    error: { code: 'QUEUE_EMPTY' },
  });
});
