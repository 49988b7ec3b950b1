// Running the office from the screens, through raw socket events as any client could send them: who may
// change what, every bad input refused with the field named and nothing changed, retried creates, staff
// passwords, deactivation, devices cut off at once, test prints and backups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_INTAKE } from '../../shared/domain/caseRules';
import type { AdminView } from '../../shared/domain/types';
import type { ClientEventName, ClientPayload } from '../../shared/protocol/schemas';
import type { AdminCounter } from '../../shared/domain/types';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';
import { startFakePrinter, type FakePrinter } from '../helpers/printer';

let hub: TestHub;
let admin: TestClient;
let printer: FakePrinter;
const clients: TestClient[] = [];

/** The admin view as the hub last sent it to the admin (it is sent whole on every change). */
function currentView(): AdminView {
  return admin.adminViews.at(-1) as AdminView;
}

/** What an admin change could touch, as stored. */
function stored(): string {
  const tables = ['services', 'counters', 'counter_services', 'users', 'devices', 'settings'];
  return JSON.stringify(tables.map((t) => hub.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

beforeAll(async () => {
  printer = await startFakePrinter();
  hub = await startTestHub();
  admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  clients.push(admin);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub?.dispose();
  await printer?.stop();
});

/** A valid payload for every admin event, so that only the role can be the reason for a refusal. */
const SAMPLES: { [E in ClientEventName as E extends `admin:${string}` ? E : never]: ClientPayload<E> } = {
  'admin:serviceCreate': { requestId: 'sample-request-1', code: 'X', name: 'X', nameEn: '', sort: 9, askPriority: true, active: true },
  'admin:serviceUpdate': { serviceId: 1, name: 'Gangguan', nameEn: '', sort: 0, askPriority: true, active: true },
  'admin:counterCreate': { requestId: 'sample-request-2', name: 'Loket 9', number: 9, serviceCodes: ['A'], active: true },
  'admin:counterUpdate': { counterId: 1, name: 'Loket 1', number: 1, serviceCodes: ['A'], active: true },
  'admin:userCreate': { requestId: 'sample-request-3', username: 'baru', name: 'Baru', role: 'helpdesk' },
  'admin:userUpdate': { userId: 1, name: 'Administrator', role: 'admin' },
  'admin:userResetPassword': { userId: 1 },
  'admin:userDeactivate': { userId: 1 },
  'admin:userReactivate': { userId: 1 },
  'admin:deviceCreate': { requestId: 'sample-request-4', name: 'Kiosk X', kind: 'kiosk', printer: null, counterId: null },
  'admin:deviceUpdate': { deviceId: 1, name: 'Kiosk Lobi', printer: null, counterId: null },
  'admin:deviceRekey': { deviceId: 1 },
  'admin:deviceRevoke': { deviceId: 1 },
  'admin:testPrint': { deviceId: 1 },
  'admin:backupNow': {},
};

describe('who may run the office', () => {
  it('refuses every admin event to helpdesk, coordinator and head sockets, and to kiosks and displays', async () => {
    const others = [
      await signIn(hub.url, 'hd1', 'sandi-hd1'),
      await signIn(hub.url, 'koor', 'sandi-koor'),
      await signIn(hub.url, 'kepala', 'sandi-kepala'),
    ];
    const devices = [await connect(hub.url, { deviceKey: KIOSK_KEY }), await connect(hub.url)];
    clients.push(...others, ...devices);
    const before = stored();
    for (const [event, payload] of Object.entries(SAMPLES)) {
      for (const c of others) {
        const reply = await c.request(event as 'admin:backupNow', payload as ClientPayload<'admin:backupNow'>);
        expect(reply, `${event}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      for (const c of devices) {
        const reply = await c.request(event as 'admin:backupNow', payload as ClientPayload<'admin:backupNow'>);
        expect(reply, `${event} from a device`).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(FORBIDDEN|NOT_AUTHENTICATED)$/) } });
      }
    }
    // Nothing was made or changed by the refused events.
    expect(stored()).toEqual(before);
  });
});

describe('bad input', () => {
  const refused = async <E extends ClientEventName>(event: E, payload: ClientPayload<E>, code: string, field: RegExp) => {
    const before = stored();
    const reply = await admin.request(event, payload);
    expect(reply, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code } });
    if (!reply.ok) expect(reply.error.message).toMatch(field);
    expect(stored()).toEqual(before);
  };

  it('refuses a duplicate or malformed service code, naming the field', async () => {
    const base = { name: 'Dobel', nameEn: '', sort: 5, askPriority: true, active: true };
    await refused('admin:serviceCreate', { requestId: requestId(), code: 'A', ...base }, 'DUPLICATE', /Kode layanan "A"/);
    await refused('admin:serviceCreate', { requestId: requestId(), code: 'a', ...base }, 'VALIDATION_FAILED', /Kode layanan/);
    await refused('admin:serviceCreate', { requestId: requestId(), code: 'AB', ...base }, 'VALIDATION_FAILED', /Kode layanan/);
    await refused('admin:serviceCreate', { requestId: requestId(), code: 'Q', ...base, name: '  ' }, 'VALIDATION_FAILED', /Nama/);
  });

  it('refuses a counter with no services, a number outside 1–999 or already used, and deactivating a held counter', async () => {
    const base = { name: 'Loket Baru', serviceCodes: ['A'], active: true };
    await refused('admin:counterCreate', { requestId: requestId(), ...base, number: 8, serviceCodes: [] }, 'COUNTER_NEEDS_SERVICE', /layanan/);
    await refused('admin:counterCreate', { requestId: requestId(), ...base, number: 0 }, 'VALIDATION_FAILED', /Nomor loket/);
    await refused('admin:counterCreate', { requestId: requestId(), ...base, number: 1000 }, 'VALIDATION_FAILED', /Nomor loket/);
    await refused('admin:counterCreate', { requestId: requestId(), ...base, number: 2 }, 'DUPLICATE', /Nomor loket "2"/);
    await refused('admin:counterCreate', { requestId: requestId(), ...base, name: 'loket 1', number: 8 }, 'DUPLICATE', /Nama "loket 1"/);

    const officer = await signIn(hub.url, 'hd2', 'sandi-hd2');
    clients.push(officer);
    const loket2 = currentView().counters.find((c) => c.number === 2) as AdminCounter;
    await officer.ok('counter:open', { counterId: loket2.id });
    await refused(
      'admin:counterUpdate',
      { counterId: loket2.id, name: loket2.name, number: 2, serviceCodes: loket2.serviceCodes, active: false },
      'COUNTER_HELD',
      /Petugas 2/,
    );
    await officer.ok('counter:close', { counterId: loket2.id });
  });

  it('refuses the last usable admin being given another role, and an admin retiring or resetting their own account', async () => {
    const me = currentView().users.find((u) => u.username === 'admin');
    await refused('admin:userUpdate', { userId: me?.id ?? 0, name: 'Admin', role: 'head' }, 'LAST_ADMIN', /Admin aktif terakhir/);
    await refused('admin:userDeactivate', { userId: me?.id ?? 0 }, 'OWN_ACCOUNT', /menu Kata sandi/);
    await refused('admin:userResetPassword', { userId: me?.id ?? 0 }, 'OWN_ACCOUNT', /menu Kata sandi/);
    // A second admin who never set their own password does not count: they may never sign in.
    const second = await admin.ok('admin:userCreate', { requestId: requestId(), username: 'admin2', name: 'Admin Dua', role: 'admin' });
    await refused('admin:userUpdate', { userId: me?.id ?? 0, name: 'Admin', role: 'head' }, 'LAST_ADMIN', /Admin aktif terakhir/);
    await admin.ok('admin:userUpdate', { userId: second.user.id, name: 'Admin Dua', role: 'helpdesk' });
  });

  it('refuses a username taken in another case, a printer port outside 1–65535 and a survey tablet with no counter', async () => {
    await refused('admin:userCreate', { requestId: requestId(), username: 'HD1', name: 'Lain', role: 'helpdesk' }, 'DUPLICATE', /Nama pengguna "HD1"/);
    const kiosk = { requestId: requestId(), name: 'Kiosk Port', kind: 'kiosk' as const, counterId: null };
    await refused('admin:deviceCreate', { ...kiosk, printer: { host: '127.0.0.1', port: 0, width: 80 } }, 'VALIDATION_FAILED', /Port printer/);
    await refused('admin:deviceCreate', { ...kiosk, printer: { host: '127.0.0.1', port: 70000, width: 80 } }, 'VALIDATION_FAILED', /Port printer/);
    await refused('admin:deviceCreate', { ...kiosk, name: 'kiosk lobi', printer: null }, 'DUPLICATE', /Nama "kiosk lobi"/);
    await refused('admin:deviceCreate', { ...kiosk, kind: 'survey', printer: null }, 'SURVEY_NEEDS_COUNTER', /loket/);
  });

  it('refuses opening hours that overlap or end before they start', async () => {
    const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } as Record<string, [string, string][]>;
    const before = stored();
    const overlap = await admin.request('settings:update', {
      settings: { openingHours: { ...week, mon: [['08:00', '12:00'], ['11:00', '16:00']] } as never },
    });
    expect(overlap).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!overlap.ok) expect(overlap.error.message).toMatch(/Senin: tumpang tindih/);
    const backwards = await admin.request('settings:update', { settings: { openingHours: { ...week, tue: [['16:00', '08:00']] } as never } });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!backwards.ok) expect(backwards.error.message).toMatch(/Selasa/);
    const url = await admin.request('settings:update', { settings: { publicUrl: 'bukan alamat' } });
    expect(url.ok).toBe(false);
    if (!url.ok) expect(url.error.message).toMatch(/Alamat server/);
    expect(stored()).toEqual(before);
  });
});

describe('rules that keep the queue whole', () => {
  it('keeps a counter with tickets sent to it active, and asks priority only where the service does', async () => {
    const officer = await signIn(hub.url, 'hd1', 'sandi-hd1');
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    clients.push(officer, kiosk);
    const loket1 = currentView().counters.find((c) => c.number === 1) as AdminCounter;
    const loket2 = currentView().counters.find((c) => c.number === 2) as AdminCounter;
    await officer.ok('counter:open', { counterId: loket1.id });
    const { ticket } = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    await officer.ok('ticket:callSpecific', { counterId: loket1.id, ticketId: ticket.id });
    await officer.ok('ticket:transfer', { counterId: loket1.id, ticketId: ticket.id, toCounterId: loket2.id });
    const retire = { counterId: loket2.id, name: loket2.name, number: 2, serviceCodes: loket2.serviceCodes, active: false };
    expect(await admin.request('admin:counterUpdate', retire)).toMatchObject({ ok: false, error: { code: 'COUNTER_HAS_TRANSFERS' } });
    await officer.ok('ticket:cancel', { ticketId: ticket.id });
    await officer.ok('counter:close', { counterId: loket1.id });

    await admin.ok('settings:update', { settings: { priorityEnabled: true } });
    await admin.ok('admin:serviceUpdate', { serviceId: 2, name: 'Permintaan Informasi / Konsultasi', nameEn: '', sort: 1, askPriority: false, active: true });
    expect(await kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'B', priority: true })).toMatchObject({
      ok: false,
      error: { code: 'PRIORITY_DISABLED' },
    });
    const priority = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A', priority: true });
    expect(priority.ticket.priority).toBe(true);
    await officer.ok('ticket:cancel', { ticketId: priority.ticket.id });
    await admin.ok('settings:update', { settings: { priorityEnabled: false } });
  });
});

describe('staff accounts', () => {
  it('gives a new account a temporary password, the same one to a retry, and refuses it everything until replaced', async () => {
    const id = requestId();
    const made = await admin.ok('admin:userCreate', { requestId: id, username: 'petugas5', name: 'Petugas Lima', role: 'helpdesk' });
    const again = await admin.ok('admin:userCreate', { requestId: id, username: 'petugas5', name: 'Petugas Lima', role: 'helpdesk' });
    expect(again).toEqual(made);
    expect(made.tempPassword).toMatch(/^\S{12,}$/);
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(made.user).toMatchObject({ username: 'petugas5', ownPassword: false, active: true });

    const anonymous = await connect(hub.url);
    clients.push(anonymous);
    const login = await anonymous.ok('auth:login', { username: 'Petugas5', password: made.tempPassword });
    expect(login.passwordChangeRequired).toBe(true);
    const temp = await connect(hub.url, { token: login.token });
    clients.push(temp);
    // It sees who it is and nothing else.
    expect(temp.snapshots[0]).toMatchObject({ audience: 'password', me: { username: 'petugas5' } });
    expect(JSON.stringify(temp.snapshots[0])).not.toMatch(/tickets|cases|Petugas 1/);
    for (const [event, payload] of [
      ['counter:open', { counterId: 1 }],
      ['case:search', {}],
      ['admin:backupNow', {}],
      ['ticket:callNext', { counterId: 1 }],
    ] as const) {
      expect(await temp.request(event, payload as never), event).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    }
    expect(await temp.request('auth:changePassword', { next: 'pendek' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_TOO_SHORT' } });
    expect(await temp.request('auth:changePassword', { next: made.tempPassword })).toMatchObject({ ok: false, error: { code: 'PASSWORD_SAME' } });
    const snapshots = temp.snapshots.length;
    await temp.ok('auth:changePassword', { next: 'sandi-petugas-lima' });
    // The same socket now gets the staff snapshot and may work.
    await expect.poll(() => temp.snapshots.length).toBeGreaterThan(snapshots);
    expect(temp.snapshots.at(-1)?.audience).toBe('staff');
    expect(await temp.request('case:search', {})).toMatchObject({ ok: true });
    // The temporary password no longer opens anything; the own one does, and needs the current one to change.
    expect(await anonymous.request('auth:login', { username: 'petugas5', password: made.tempPassword })).toMatchObject({ ok: false });
    const own = await signIn(hub.url, 'petugas5', 'sandi-petugas-lima');
    clients.push(own);
    expect(await own.request('auth:changePassword', { next: 'sandi-baru-lagi' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_WRONG' } });
    expect(await own.request('auth:changePassword', { current: 'salah-sekali', next: 'sandi-baru-lagi' })).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_WRONG' },
    });
    await own.ok('auth:changePassword', { current: 'sandi-petugas-lima', next: 'sandi-baru-lagi' });
    await expect.poll(() => currentView().users.find((u) => u.username === 'petugas5')).toMatchObject({ ownPassword: true, tempExpiresAt: null });
  });

  it('deactivating an officer ends their sessions, frees their counter with its visitor back in line, and lists their cases', async () => {
    const officer = await signIn(hub.url, 'hd3', 'sandi-hd3');
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    clients.push(officer, kiosk);
    const loket3 = currentView().counters.find((c) => c.number === 3) as AdminCounter;
    const first = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'B' });
    const second = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'B' });
    await officer.ok('counter:open', { counterId: loket3.id });
    const called = await officer.ok('ticket:callNext', { counterId: loket3.id });
    expect(called.number).toBe(first.ticket.number);
    const { case: opened } = await officer.ok('ticket:start', { counterId: loket3.id, ticketId: called.id });
    await officer.ok('case:intake', {
      caseId: opened.id,
      revision: opened.revision,
      intake: { ...EMPTY_INTAKE, visitorName: 'Budi', visitorType: 'penyedia', category: 'gangguan', title: 'Tidak bisa login' },
    });

    const disconnected = new Promise<void>((resolve) => officer.socket.once('disconnect', () => resolve()));
    const hd3 = currentView().users.find((u) => u.username === 'hd3');
    const { user, openCases } = await admin.ok('admin:userDeactivate', { userId: hd3?.id ?? 0 });
    expect(user.active).toBe(false);
    await disconnected;
    expect(openCases.map((c) => c.id)).toEqual([opened.id]);

    const head = await signIn(hub.url, 'kepala', 'sandi-kepala');
    clients.push(head);
    const snap = head.snapshots[0] as { counters: { id: number; state: string }[]; tickets: { id: number; status: string; queuedAt: string }[] };
    expect(snap.counters.find((c) => c.id === loket3.id)?.state).toBe('closed');
    const back = snap.tickets.find((t) => t.id === first.ticket.id);
    expect(back).toMatchObject({ status: 'waiting', queuedAt: first.ticket.queuedAt });
    // Back at its old place: called before the one issued after it.
    await head.ok('counter:open', { counterId: loket3.id });
    expect((await head.ok('ticket:callNext', { counterId: loket3.id })).id).toBe(first.ticket.id);
    expect(second.ticket.number).not.toBe(first.ticket.number);
    // The account cannot sign in; reactivated, it can.
    expect(await kiosk.request('auth:login', { username: 'hd3', password: 'sandi-hd3' })).toMatchObject({ ok: false });
    await admin.ok('admin:userReactivate', { userId: hd3?.id ?? 0 });
    clients.push(await signIn(hub.url, 'hd3', 'sandi-hd3'));
  });
});

describe('devices', () => {
  it('stores keys hashed, shows a new key once (the same to a retry), and cuts off a revoked or re-keyed device at once', async () => {
    const id = requestId();
    const made = await admin.ok('admin:deviceCreate', { requestId: id, name: 'Kiosk Lantai 2', kind: 'kiosk', printer: null, counterId: null });
    expect(await admin.ok('admin:deviceCreate', { requestId: id, name: 'Kiosk Lantai 2', kind: 'kiosk', printer: null, counterId: null })).toEqual(made);
    expect(made.key.length).toBeGreaterThanOrEqual(16);
    expect(made.path).toBe(`/kiosk?key=${encodeURIComponent(made.key)}`);
    const stored = hub.db.prepare('SELECT * FROM devices').all();
    expect(JSON.stringify(stored)).not.toContain(made.key);

    const kiosk = await connect(hub.url, { deviceKey: made.key });
    clients.push(kiosk);
    await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    await expect.poll(() => currentView().devices.find((d) => d.name === 'Kiosk Lantai 2')?.online).toBe(true);

    const cut = new Promise<number>((resolve) => kiosk.socket.once('disconnect', () => resolve(Date.now())));
    const revokedAt = Date.now();
    await admin.ok('admin:deviceRevoke', { deviceId: made.device.id });
    expect((await cut) - revokedAt).toBeLessThan(1000);
    await expect(connect(hub.url, { deviceKey: made.key })).rejects.toMatchObject({ data: { code: 'DEVICE_REVOKED' } });

    const rekeyed = await admin.ok('admin:deviceRekey', { deviceId: made.device.id });
    await expect(connect(hub.url, { deviceKey: made.key })).rejects.toMatchObject({ data: { code: 'DEVICE_KEY_INVALID' } });
    const again = await connect(hub.url, { deviceKey: rekeyed.key });
    clients.push(again);
    expect(again.snapshots[0]?.audience).toBe('kiosk');
  });

  it('sends a test print to the kiosk printer and reports how it went', async () => {
    const made = await admin.ok('admin:deviceCreate', {
      requestId: requestId(),
      name: 'Kiosk Printer',
      kind: 'kiosk',
      printer: { host: '127.0.0.1', port: printer.port, width: 58 },
      counterId: null,
    });
    const kiosk = await connect(hub.url, { deviceKey: made.key });
    clients.push(kiosk);
    expect((kiosk.snapshots[0] as { device: { hasPrinter: boolean } }).device.hasPrinter).toBe(true);
    expect(await admin.ok('admin:testPrint', { deviceId: made.device.id })).toEqual({ result: 'printed' });
    await printer.waitForJob('Kiosk Printer');
    await printer.stop();
    const failed = await admin.ok('admin:testPrint', { deviceId: made.device.id });
    expect(failed).toMatchObject({ result: 'fault', fault: { code: 'PRINTER_UNREACHABLE' } });
    await printer.start();
    // Taking the printer away tells the connected kiosk at once.
    const snapshots = kiosk.snapshots.length;
    await admin.ok('admin:deviceUpdate', { deviceId: made.device.id, name: 'Kiosk Printer', printer: null, counterId: null });
    await expect.poll(() => kiosk.snapshots.length).toBeGreaterThan(snapshots);
    expect((kiosk.snapshots.at(-1) as { device: { hasPrinter: boolean } }).device.hasPrinter).toBe(false);
  });
});

describe('changes reach every screen', () => {
  it('a renamed service, a new one and a deactivated counter reach connected kiosks, displays and staff without reconnecting', async () => {
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    const display = await connect(hub.url);
    const officer = await signIn(hub.url, 'hd1', 'sandi-hd1');
    clients.push(kiosk, display, officer);
    await admin.ok('admin:serviceUpdate', { serviceId: 1, name: 'Gangguan SPSE', nameEn: 'SPSE incidents', sort: 0, askPriority: true, active: true });
    const created = await admin.ok('admin:serviceCreate', { requestId: requestId(), code: 'C', name: 'Pendaftaran', nameEn: 'Registration', sort: 2, askPriority: false, active: true });
    const counter = await admin.ok('admin:counterCreate', { requestId: requestId(), name: 'Loket 7', number: 7, serviceCodes: ['C'], active: true });
    await admin.ok('admin:counterUpdate', { counterId: counter.id, name: 'Loket 7', number: 7, serviceCodes: ['C'], active: false });
    for (const c of [kiosk, display, officer]) {
      await expect.poll(() => (c.snapshots.at(-1) as { services: { code: string; name: string }[] }).services.map((s) => `${s.code} ${s.name}`)).toEqual(
        expect.arrayContaining(['A Gangguan SPSE', `C ${created.name}`]),
      );
    }
    for (const c of [display, officer]) {
      await expect.poll(() => (c.snapshots.at(-1) as { counters: { name: string }[] }).counters.map((x) => x.name)).not.toContain('Loket 7');
    }
    // Every change is an event naming the admin.
    const events = hub.db.prepare(`SELECT type, user_id AS userId FROM events WHERE type LIKE 'admin.%'`).all() as { type: string; userId: number }[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['admin.service.update', 'admin.service.create', 'admin.counter.create', 'admin.counter.update']));
    const adminId = currentView().users.find((u) => u.username === 'admin')?.id;
    expect(new Set(events.map((e) => e.userId))).toEqual(new Set([adminId]));
  });

  it('backs up now and lists the backup, newest first', async () => {
    const before = currentView().backups.length;
    const info = await admin.ok('admin:backupNow', {});
    await expect.poll(() => currentView().backups[0]).toEqual(info);
    const view = currentView();
    expect(view.backups.length).toBeGreaterThanOrEqual(Math.min(before + 1, 14));
  });
});
