// Every client event fed wrong shapes and types: each reply is a refusal with a stable code, no table
// changes by a single row, and the hub keeps serving.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/protocol/errors';
import { clientEventSchemas, type ClientEventName } from '../../shared/protocol/schemas';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, FLAT_OUT_LIMITS, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
const clients: TestClient[] = [];

beforeAll(async () => {
  // Thousands of malformed events back to back, far past any device's budget: the budgets are raised so
  // that each payload reaches validation (the budgets have their own test under test/load).
  hub = await startTestHub({ limits: FLAT_OUT_LIMITS });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});

/** A well-formed payload per event: the fuzzer breaks one field at a time. */
const VALID: Record<string, Record<string, unknown>> = {
  'auth:login': { username: 'hd1', password: 'sandi-hd1' },
  'ticket:issue': { requestId: 'fuzz-request-0001', serviceCode: 'A', priority: false },
  'counter:open': { counterId: 1 },
  'counter:pause': { counterId: 1, reason: 'istirahat' },
  'ticket:callSpecific': { counterId: 1, ticketId: 1 },
  'ticket:transfer': { counterId: 1, ticketId: 1, serviceCode: 'B' },
  'ticket:requeue': { ticketId: 1 },
  'settings:update': { settings: { runningText: 'x' }, office: { name: 'LPSE', address: '' } },
};

/** Values of the wrong type or out of range for any field of any event. */
const WRONG: unknown[] = [null, true, -1, 0, 1.5, 'x', '', 'A'.repeat(300), [], {}, [1], { $gt: '' }, 'ZZ', 1e308];

function variants(event: string): unknown[] {
  const out: unknown[] = [undefined, null, 0, 'payload', [], true, { unexpected: 1 }];
  const valid = VALID[event] ?? { counterId: 1, ticketId: 1 };
  out.push({ ...valid, extra: 'field' });
  for (const key of Object.keys(valid)) {
    const without = { ...valid };
    delete without[key];
    out.push(without);
    for (const wrong of WRONG) out.push({ ...valid, [key]: wrong });
  }
  const schema = clientEventSchemas[event as ClientEventName];
  // Keep only what the validator itself refuses: a mutation can happen to be valid (0 → a real id).
  return out.filter((p) => !schema.safeParse(p).success);
}

function tableDump(): string {
  const tables = hub.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, hub.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

it('refuses every malformed payload of every event with a code, changing nothing', async () => {
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const helpdesk = await signIn(hub.url, 'hd1', 'sandi-hd1');
  const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  const display = await connect(hub.url);
  clients.push(kiosk, helpdesk, admin, display);
  await helpdesk.ok('counter:open', { counterId: 1 });
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  const before = tableDump();

  let sent = 0;
  for (const event of Object.keys(clientEventSchemas) as ClientEventName[]) {
    for (const payload of variants(event)) {
      for (const socket of [kiosk, helpdesk, admin, display]) {
        const reply = await socket.request(event, payload as never).catch((e: Error) => { throw new Error(`${event} ${JSON.stringify(payload)?.slice(0, 100)} from ${socket.snapshots[0]?.audience}: ${e.message}`); });
        sent++;
        expect(reply.ok, `${event} ${JSON.stringify(payload)}`).toBe(false);
        if (!reply.ok) {
          expect(ERROR_CODES).toContain(reply.error.code);
          expect(reply.error.message.length).toBeGreaterThan(5);
        }
      }
    }
  }
  expect(sent).toBeGreaterThan(1000);

  // No ack, an unknown event, a payload too large, two payloads: refused or ignored, never a crash.
  const rawEmit = helpdesk.socket.emit.bind(helpdesk.socket) as (...args: unknown[]) => void;
  for (const event of Object.keys(clientEventSchemas)) rawEmit(event, { counterId: 'x' });
  expect(await (helpdesk.request as (e: string, p: unknown) => Promise<unknown>)('ticket:delete', { ticketId: 1 })).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_EVENT' },
  });
  expect(await kiosk.request('ticket:issue', { requestId: 'x'.repeat(40_000), serviceCode: 'A' })).toMatchObject({
    ok: false,
    error: { code: 'PAYLOAD_TOO_LARGE' },
  });
  const twoPayloads = await new Promise((resolve) =>
    rawEmit('ticket:callNext', { counterId: 1 }, { counterId: 2 }, resolve),
  );
  expect(twoPayloads).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

  expect(tableDump()).toBe(before);
  expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  const next = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  expect(next.ticket.number).toBe('A-002');
});
