// Every client event fed wrong shapes and types by every kind of session there is — a kiosk, a display, a
// visitor's phone, a survey tablet and each staff role — so each event is fuzzed by the sessions that may send
// it, not only stopped at the door: their malformed payloads are refused by validation, and a well-formed
// payload naming nothing that exists reaches the handler and is refused there. Every reply is a refusal with
// a stable code and never an internal error, no table changes by a single row, and the hub keeps serving.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/protocol/errors';
import { clientEventSchemas, type ClientEventName, type ClientPayload } from '../../shared/protocol/schemas';
import type { IssuedTicket } from '../../shared/domain/types';
import type { StaffSnapshot } from '../../shared/protocol/events';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, FLAT_OUT_LIMITS, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
const clients: TestClient[] = [];
/** One socket of each kind, by the name the failures give it. */
let sessions: Record<string, TestClient>;

/** An id no row has. */
const NOWHERE = 999_999;
const caseRef = { caseId: NOWHERE, revision: 0 };
const service = { name: 'Layanan Baru', nameEn: '', sort: 0, askPriority: false, active: true };
const counter = { name: 'Loket Baru', number: 1, serviceCodes: ['A'], active: true };

/**
 * A well-formed payload per event, naming nothing that exists (or, to create something, a name already
 * taken): the validator accepts it, so the handler runs and must refuse it. The fuzzer breaks one field at a
 * time for the validator.
 */
const WELL_FORMED = {
  'auth:login': { username: 'tidak-ada', password: 'sandi-salah' },
  'auth:logout': {},
  'auth:changePassword': { current: 'sandi-salah', next: 'sandi-baru-yang-panjang' },
  'sync:snapshot': {},
  'ticket:issue': { requestId: 'fuzz-request-issue', serviceCode: 'Z', priority: false },
  'counter:open': { counterId: NOWHERE },
  'counter:pause': { counterId: NOWHERE, reason: 'istirahat' },
  'counter:resume': { counterId: NOWHERE },
  'counter:close': { counterId: NOWHERE },
  'ticket:callNext': { counterId: NOWHERE },
  'ticket:callSpecific': { counterId: NOWHERE, ticketId: NOWHERE },
  'ticket:recall': { counterId: NOWHERE, ticketId: NOWHERE },
  'ticket:noShow': { counterId: NOWHERE, ticketId: NOWHERE },
  'ticket:requeue': { ticketId: NOWHERE },
  'ticket:transfer': { counterId: NOWHERE, ticketId: NOWHERE, serviceCode: 'B' },
  'ticket:start': { counterId: NOWHERE, ticketId: NOWHERE, caseId: NOWHERE },
  'ticket:finish': { counterId: NOWHERE, ticketId: NOWHERE },
  'ticket:cancel': { ticketId: NOWHERE },
  'settings:update': { settings: { runningText: 'x' }, office: { name: 'LPSE', address: '' } },
  'settings:retentionPreview': { retentionDays: 365 },
  'case:attach': { counterId: NOWHERE, ticketId: NOWHERE, caseId: NOWHERE },
  'case:intake': {
    ...caseRef,
    intake: {
      visitorName: 'Budi',
      visitorType: 'penyedia',
      visitorOrg: 'CV Maju',
      visitorPhone: '0812',
      visitorEmail: 'budi@example.com',
      module: 'SPSE',
      errorCode: 'E1',
      lpseTicket: 'T-1',
      category: 'gangguan',
      title: 'Tidak bisa masuk',
      description: 'Lupa sandi',
    },
  },
  'case:handle': { ...caseRef, note: 'dibantu' },
  'case:escalate': { ...caseRef, target: 'both', lpseSupportTicket: 'T-1', note: 'diteruskan' },
  'case:take': caseRef,
  'case:followup': { ...caseRef, note: 'ditindaklanjuti' },
  'case:report': { ...caseRef, note: 'dilaporkan' },
  'case:recommend': { ...caseRef, recommendation: 'disarankan' },
  'case:resolve': { ...caseRef, resolution: 'selesai' },
  'case:close': { ...caseRef, channel: 'on_the_spot' },
  'case:reassign': { ...caseRef, ownerId: NOWHERE },
  'case:get': { caseId: NOWHERE },
  'case:search': { query: 'x', status: 'open', ownerId: NOWHERE, from: '2026-01-01', to: '2026-01-31', unclosed: true, order: 'newest', limit: 10, offset: 0 },
  'print:ticket': { ticketId: NOWHERE },
  'print:fault': { ticketId: NOWHERE, code: 'PRINTER_PAPER_OUT', message: 'kertas habis' },
  'print:ok': { ticketId: NOWHERE },
  'print:reprint': { ticketId: NOWHERE },
  'print:closeFaults': { ticketId: NOWHERE },
  'admin:serviceCreate': { requestId: 'fuzz-request-service', code: 'A', ...service },
  'admin:serviceUpdate': { serviceId: NOWHERE, ...service },
  'admin:counterCreate': { requestId: 'fuzz-request-counter', ...counter },
  'admin:counterUpdate': { counterId: NOWHERE, ...counter },
  'admin:userCreate': { requestId: 'fuzz-request-user', username: 'hd1', name: 'Petugas Baru', role: 'helpdesk' },
  'admin:userUpdate': { userId: NOWHERE, name: 'Petugas Baru', role: 'helpdesk' },
  'admin:userResetPassword': { userId: NOWHERE },
  'admin:userDeactivate': { userId: NOWHERE },
  'admin:userReactivate': { userId: NOWHERE },
  'admin:deviceCreate': { requestId: 'fuzz-request-device', kind: 'survey', name: 'Tablet Baru', printer: null, counterId: NOWHERE },
  'admin:deviceUpdate': { deviceId: NOWHERE, name: 'Kiosk Baru', printer: { host: '192.168.1.50', port: 9100, width: 80 }, counterId: null },
  'admin:deviceRekey': { deviceId: NOWHERE },
  'admin:deviceRevoke': { deviceId: NOWHERE },
  'admin:testPrint': { deviceId: NOWHERE },
  'admin:backupNow': {},
  'survey:submit': {
    answers: { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 },
    profile: { gender: 'p', ageGroup: '30_39', education: 's1', occupation: 'swasta' },
    ticketNumber: 'Z-999',
  },
  'survey:ikm': { from: '2026-01-01', to: '2026-01-31' },
  'report:get': { from: '2026-01-01', to: '2026-01-31' },
} satisfies { [E in ClientEventName]: ClientPayload<E> };

/** Events whose every well-formed payload does what it asks (nothing it names can be missing): fuzzed for their shape only. */
const DONE_AS_ASKED: ReadonlySet<ClientEventName> = new Set(['auth:logout', 'settings:update', 'admin:backupNow']);

/** The door's refusals: a session that may not send the event. */
const AT_THE_DOOR = ['NOT_AUTHENTICATED', 'FORBIDDEN'];

/** Values of the wrong type or out of range for any field of any event. */
const WRONG: unknown[] = [null, true, -1, 0, 1.5, 'x', '', 'A'.repeat(300), [], {}, [1], { $gt: '' }, 'ZZ', 1e308];

/** Payloads the event's validator refuses: no payload, wrong types, and the well-formed one broken one field at a time. */
function malformed(event: ClientEventName): unknown[] {
  const out: unknown[] = [undefined, null, 0, 'payload', [], true, { unexpected: 1 }];
  const valid: Record<string, unknown> = WELL_FORMED[event];
  out.push({ ...valid, extra: 'field' });
  for (const key of Object.keys(valid)) {
    const without = { ...valid };
    delete without[key];
    out.push(without);
    for (const wrong of WRONG) out.push({ ...valid, [key]: wrong });
  }
  // Keep only what the validator itself refuses: a mutation can happen to be valid (0 → a revision).
  return out.filter((p) => !clientEventSchemas[event].safeParse(p).success);
}

/** Rows that exist, by the payload field that names them. */
type Real = Partial<Record<string, number>>;

/**
 * The well-formed payload, and the same with each of its references in turn naming a row that exists while
 * another still names nothing: the handler gets further, and must still refuse.
 */
function namingNothing(event: ClientEventName, real: Real): unknown[] {
  const payload: Record<string, unknown> = WELL_FORMED[event];
  const dangling = Object.keys(payload).filter((key) => payload[key] === NOWHERE);
  const out: unknown[] = [payload];
  if (dangling.length < 2) return out;
  for (const key of dangling) if (real[key] !== undefined) out.push({ ...payload, [key]: real[key] });
  return out;
}

function tableDump(): string {
  const tables = hub.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, hub.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

/**
 * Sends `payload` from the named sessions at once: each reply's code, or 'ok'. An internal error fails the
 * test, and so does a refusal without a stable code and a message.
 */
async function answers(event: ClientEventName, payload: unknown, from: string[]): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  await Promise.all(
    from.map(async (name) => {
      const what = `${event} ${JSON.stringify(payload)?.slice(0, 120)} from ${name}`;
      const reply = await (sessions[name] as TestClient).request(event, payload as never).catch((e: Error) => {
        throw new Error(`${what}: ${e.message}`);
      });
      if (reply.ok) return void codes.set(name, 'ok');
      expect(reply.error.code, `${what}: ${reply.error.message}`).not.toBe('INTERNAL');
      expect(ERROR_CODES, what).toContain(reply.error.code);
      expect(reply.error.message.length, what).toBeGreaterThan(5);
      codes.set(name, reply.error.code);
    }),
  );
  return codes;
}

beforeAll(async () => {
  // Thousands of malformed events back to back, far past any device's budget: the budgets are raised so
  // that each payload reaches validation (the budgets have their own test under test/load).
  hub = await startTestHub({ limits: FLAT_OUT_LIMITS });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});

it('refuses every malformed payload of every event with a code, and every well-formed one naming nothing, changing nothing', async () => {
  const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  clients.push(admin);
  // The visitor's page needs the hub's public address on the ticket; the tablet stands at counter 1.
  await admin.ok('settings:update', { settings: { publicUrl: hub.url } });
  const tabletDevice = await admin.ok('admin:deviceCreate', { requestId: requestId(), kind: 'survey', name: 'Tablet Loket 1', printer: null, counterId: 1 });
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const helpdesk = await signIn(hub.url, 'hd1', 'sandi-hd1');
  clients.push(kiosk, helpdesk);
  await helpdesk.ok('counter:open', { counterId: 1 });
  const issued: IssuedTicket = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  sessions = {
    kiosk,
    display: await connect(hub.url),
    phone: await connect(hub.url, { visitorCode: new URL(issued.visitorUrl as string).pathname.split('/').pop() as string }),
    tablet: await connect(hub.url, { deviceKey: tabletDevice.key }),
    helpdesk,
    coordinator: await signIn(hub.url, 'koor', 'sandi-koor'),
    head: await signIn(hub.url, 'kepala', 'sandi-kepala'),
    admin,
  };
  clients.push(...Object.values(sessions));
  expect(Object.values(sessions).map((s) => s.snapshots[0]?.audience)).toEqual(['kiosk', 'display', 'visitor', 'survey', 'staff', 'staff', 'staff', 'staff']);
  const real: Real = { counterId: 1, ticketId: issued.ticket.id, ownerId: (helpdesk.snapshots[0] as StaffSnapshot).me.id };
  const before = tableDump();
  const everyone = Object.keys(sessions);

  let sent = 0;
  for (const event of Object.keys(clientEventSchemas) as ClientEventName[]) {
    // Who gets past the door is decided before the payload is read: a session is refused the same way
    // whatever it sends, and those let in have every malformed payload refused by validation.
    expect(clientEventSchemas[event].safeParse(WELL_FORMED[event]).success, `${event}: its WELL_FORMED payload is refused`).toBe(true);
    const seen = new Map<string, Set<string>>(everyone.map((name) => [name, new Set()]));
    for (const payload of malformed(event)) {
      for (const [name, code] of await answers(event, payload, everyone)) {
        expect(code, `${event} ${JSON.stringify(payload)?.slice(0, 120)} from ${name}`).not.toBe('ok');
        seen.get(name)?.add(code);
      }
      sent += everyone.length;
    }
    for (const [name, codes] of seen) expect([...codes].length, `${event} from ${name}: ${[...codes].join(', ')}`).toBe(1);
    const senders = everyone.filter((name) => seen.get(name)?.has('VALIDATION_FAILED'));
    expect(senders, `${event}: no session got past the door`).not.toEqual([]);
    for (const name of everyone.filter((n) => !senders.includes(n))) {
      expect(AT_THE_DOOR, `${event} from ${name}`).toContain([...(seen.get(name) ?? [])][0]);
    }

    // Past validation, the handler: what the payload names does not exist, so the handler refuses it
    // (an event that only reads may answer) and nothing is stored.
    if (DONE_AS_ASKED.has(event)) continue;
    for (const payload of namingNothing(event, real)) {
      const got = await answers(event, payload, senders);
      // Refused by the handler, not at the door or by validation (the door comes first: a session let
      // through to validation may send the event). The handler's own FORBIDDEN, say for the head on
      // another officer's case, needs a case that exists.
      for (const [name, code] of got) expect([...AT_THE_DOOR, 'VALIDATION_FAILED'], `${event} ${JSON.stringify(payload)} from ${name}`).not.toContain(code);
      sent += senders.length;
    }
    expect(tableDump(), `${event} changed a table`).toBe(before);
  }
  expect(sent).toBeGreaterThan(10_000);
  expect(hub.logs.filter((l) => l.startsWith('error in'))).toEqual([]);

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
