// A request id names one request: a retry of it (the same event, the same payload) gets the first reply and
// changes nothing more, while the same id sent with another payload or for another event is refused
// (REQUEST_ID_REUSED) and changes nothing, never answered with what the first request made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRY_GETS_FIRST_REPLY } from '../../hub/handlers/registry';
import type { ClientEventName, ClientPayload } from '../../shared/protocol/schemas';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let admin: TestClient;
let kiosk: TestClient;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
});
afterAll(async () => {
  admin?.close();
  kiosk?.close();
  await hub?.dispose();
});

/** What a request could have made, as stored. */
function stored(): string {
  const tables = ['tickets', 'services', 'counters', 'counter_services', 'users', 'devices'];
  return JSON.stringify(tables.map((t) => hub.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

const REUSED = {
  ok: false,
  error: {
    code: 'REQUEST_ID_REUSED',
    message: 'Nomor permintaan ini sudah dipakai untuk permintaan yang berbeda; tidak ada yang diubah. Muat ulang, lalu coba lagi.',
  },
};

describe('a ticket issue', () => {
  it('answers a retry with its ticket, and refuses the id for another service or priority', async () => {
    const id = requestId();
    const first = await kiosk.ok('ticket:issue', { requestId: id, serviceCode: 'A' });
    expect(first).toMatchObject({ ticket: { number: 'A-001' }, serviceName: 'Gangguan / Permasalahan' });
    const before = stored();

    // Service B's name on ticket A-001 would send the visitor to the wrong queue.
    expect(await kiosk.request('ticket:issue', { requestId: id, serviceCode: 'B' })).toMatchObject(REUSED);
    expect(await kiosk.request('ticket:issue', { requestId: id, serviceCode: 'A', priority: true })).toMatchObject(REUSED);
    expect(stored()).toBe(before);

    // The same request again, `priority: false` being what leaving it out means: the first ticket.
    expect(await kiosk.ok('ticket:issue', { requestId: id, serviceCode: 'A', priority: false })).toEqual(first);
    expect(stored()).toBe(before);
  });

  it('answers a retry with its ticket after the ticket was transferred to another service', async () => {
    const id = requestId();
    const first = await kiosk.ok('ticket:issue', { requestId: id, serviceCode: 'A' });
    const hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
    try {
      await hd1.ok('counter:open', { counterId: 1 });
      // The earlier test's A-001 is first in line; this ticket follows it.
      let called = await hd1.ok('ticket:callNext', { counterId: 1 });
      while (called.id !== first.ticket.id) {
        await hd1.ok('ticket:noShow', { counterId: 1, ticketId: called.id });
        called = await hd1.ok('ticket:callNext', { counterId: 1 });
      }
      await hd1.ok('ticket:transfer', { counterId: 1, ticketId: called.id, serviceCode: 'B' });
    } finally {
      hd1.close();
    }
    const again = await kiosk.ok('ticket:issue', { requestId: id, serviceCode: 'A' });
    expect(again.ticket).toMatchObject({ id: first.ticket.id, number: first.ticket.number, serviceCode: 'B' });
  });
});

describe('an admin create', () => {
  it('refuses the id of one create for another event, and makes nothing', async () => {
    const id = requestId();
    await admin.ok('admin:serviceCreate', { requestId: id, code: 'C', name: 'Pendaftaran', nameEn: '', sort: 3, askPriority: false, active: true });
    const before = stored();
    const reply = await admin.request('admin:counterCreate', { requestId: id, name: 'Loket 9', number: 9, serviceCodes: ['A'], active: true });
    expect(reply).toMatchObject(REUSED);
    expect(stored()).toBe(before);
  });

  it('refuses a second account under the first one’s request id, and answers the first one’s retry as before', async () => {
    const id = requestId();
    const made = await admin.ok('admin:userCreate', { requestId: id, username: 'petugas7', name: 'Petugas Tujuh', role: 'helpdesk' });
    const before = stored();
    const other = await admin.request('admin:userCreate', { requestId: id, username: 'petugas8', name: 'Petugas Delapan', role: 'helpdesk' });
    expect(other).toMatchObject(REUSED);
    expect(stored()).toBe(before);
    expect(hub.db.prepare("SELECT count(*) AS n FROM users WHERE username = 'petugas8'").get()).toEqual({ n: 0 });
    // The retry of the first gets its one-time password again, keys sent in another order or not.
    expect(await admin.ok('admin:userCreate', { role: 'helpdesk', name: 'Petugas Tujuh', username: 'petugas7', requestId: id })).toEqual(made);
  });

  it('compares nested values, not their key order: a device retried with its printer written another way is the same', async () => {
    const id = requestId();
    const printer = { host: '192.168.1.50', port: 9100, width: 80 as const };
    const made = await admin.ok('admin:deviceCreate', { requestId: id, name: 'Kiosk Lantai 3', kind: 'kiosk', printer, counterId: null });
    const before = stored();
    const reordered = { width: 80 as const, port: 9100, host: '192.168.1.50' };
    expect(await admin.ok('admin:deviceCreate', { counterId: null, printer: reordered, kind: 'kiosk', name: 'Kiosk Lantai 3', requestId: id })).toEqual(made);
    const otherPort = { ...printer, port: 9101 };
    expect(await admin.request('admin:deviceCreate', { requestId: id, name: 'Kiosk Lantai 3', kind: 'kiosk', printer: otherPort, counterId: null })).toMatchObject(
      REUSED,
    );
    expect(stored()).toBe(before);
  });
});

describe('every event whose handler declares that a retry gets the first reply', () => {
  /** A first request of each, and who sends it: one the earlier tests have not made. */
  const FIRST: { [E in ClientEventName]?: { from: () => TestClient; payload: ClientPayload<E> } } = {
    'ticket:issue': { from: () => kiosk, payload: { requestId: requestId(), serviceCode: 'B' } },
    'admin:serviceCreate': {
      from: () => admin,
      payload: { requestId: requestId(), code: 'D', name: 'Verifikasi', nameEn: 'Verification', sort: 4, askPriority: false, active: true },
    },
    'admin:counterCreate': { from: () => admin, payload: { requestId: requestId(), name: 'Loket 8', number: 8, serviceCodes: ['A'], active: true } },
    'admin:userCreate': { from: () => admin, payload: { requestId: requestId(), username: 'petugas9', name: 'Petugas Sembilan', role: 'helpdesk' } },
    'admin:deviceCreate': { from: () => admin, payload: { requestId: requestId(), name: 'TV Lantai 4', kind: 'display', printer: null, counterId: null } },
  };

  it('has its first request here', () => {
    expect(Object.keys(FIRST).sort()).toEqual([...RETRY_GETS_FIRST_REPLY].sort());
  });

  it.each([...RETRY_GETS_FIRST_REPLY])('%s: the retry gets the first reply, and nothing is made twice', async (event) => {
    const first = FIRST[event];
    if (!first) throw new Error(`no first request of ${event} to retry`);
    const made = await first.from().ok(event, first.payload as never);
    const before = stored();
    expect(await first.from().ok(event, first.payload as never)).toEqual(made);
    expect(stored()).toBe(before);
  });
});
