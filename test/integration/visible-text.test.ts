// Text a person reads must show something: a name of Hangul fillers, a blank Braille pattern, marks with
// nothing to sit on, zero-width characters or spaces of any kind looks empty on the screen and the ticket,
// and is refused (VALIDATION_FAILED, the field named and the reason worded in the reader's language) with
// nothing changed. Optional fields may still be left empty, and a filler inside visible text is harmless.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEventName, ClientPayload } from '../../shared/protocol/schemas';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { intake, serveVisitor } from '../helpers/cases';
import { ADMIN_PASSWORD, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

/** Each looks like nothing at all. */
const LOOKS_EMPTY = {
  'Hangul fillers': '\u3164\u3164',
  'a halfwidth Hangul filler': '\uFFA0',
  'Hangul choseong and jungseong fillers': '\u115F\u1160',
  'a blank Braille pattern': '\u2800\u2800\u2800',
  'combining marks alone': '\u0301\u0308\u20DD',
  'a variation selector': '\uFE0F',
  'a filler between spaces': ' \u3000\u3164\u00A0',
};
/** Each cleaned to nothing before it is judged: refused where a field is required. */
const CLEANED_AWAY = {
  'zero-width and other format characters': '\u200B\u200C\u200D\u2060\uFEFF\u00AD',
  'spaces of every kind': ' \u00A0\u1680\u2000\u2003\u2009\u202F\u205F\u3000\t',
};

let hub: TestHub;
let admin: TestClient;
let adminEn: TestClient;
let officer: TestClient;
let kiosk: TestClient;
let caseRef: { caseId: number; revision: number };

/** What the admin and the counter could change, as stored. */
function stored(): string {
  const tables = ['services', 'counters', 'users', 'devices', 'settings', 'cases'];
  return JSON.stringify(tables.map((t) => hub.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

beforeAll(async () => {
  hub = await startTestHub();
  admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  const { token } = await admin.ok('auth:login', { username: 'admin', password: ADMIN_PASSWORD });
  adminEn = await connect(hub.url, { token, lang: 'en' });
  officer = await signIn(hub.url, 'hd1', 'sandi-hd1');
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  await officer.ok('counter:open', { counterId: 1 });
  const served = await serveVisitor(kiosk, officer, 1);
  caseRef = { caseId: served.case.id, revision: served.case.revision };
});
afterAll(async () => {
  for (const c of [admin, adminEn, officer, kiosk]) c?.close();
  await hub?.dispose();
});

/** Every free-text field a person reads, with the payload that sets it to `text`. */
const FIELDS: Array<{ field: string; required: boolean; by: () => TestClient; send: (text: string) => [ClientEventName, unknown] }> = [
  { field: 'Nama', required: true, by: () => admin, send: (name) => ['admin:serviceCreate', { requestId: requestId(), code: 'Q', name, nameEn: '', sort: 5, askPriority: false, active: true }] },
  { field: 'Nama (Inggris)', required: false, by: () => admin, send: (nameEn) => ['admin:serviceUpdate', { serviceId: 1, name: 'Gangguan', nameEn, sort: 0, askPriority: true, active: true }] },
  { field: 'Nama', required: true, by: () => admin, send: (name) => ['admin:counterCreate', { requestId: requestId(), name, number: 9, serviceCodes: ['A'], active: true }] },
  { field: 'Nama', required: true, by: () => admin, send: (name) => ['admin:counterUpdate', { counterId: 2, name, number: 2, serviceCodes: ['A', 'B'], active: true }] },
  { field: 'Nama', required: true, by: () => admin, send: (name) => ['admin:userCreate', { requestId: requestId(), username: 'kosong', name, role: 'helpdesk' }] },
  { field: 'Nama', required: true, by: () => admin, send: (name) => ['admin:userUpdate', { userId: 2, name, role: 'helpdesk' }] },
  { field: 'Nama', required: true, by: () => admin, send: (name) => ['admin:deviceCreate', { requestId: requestId(), name, kind: 'display', printer: null, counterId: null }] },
  { field: 'Nama', required: true, by: () => admin, send: (name) => ['admin:deviceUpdate', { deviceId: 1, name, printer: null, counterId: null }] },
  { field: 'Nama', required: true, by: () => admin, send: (name) => ['settings:update', { office: { name, address: '' } }] },
  { field: 'Alamat', required: false, by: () => admin, send: (address) => ['settings:update', { office: { name: 'LPSE Kota Batam', address } }] },
  { field: 'Teks berjalan', required: false, by: () => admin, send: (runningText) => ['settings:update', { settings: { runningText } }] },
  { field: 'Catatan kaki tiket', required: false, by: () => admin, send: (ticketFooter) => ['settings:update', { settings: { ticketFooter } }] },
  { field: 'Nama Kepala Unit', required: false, by: () => admin, send: (headName) => ['settings:update', { settings: { headName } }] },
  ...(['visitorName', 'visitorOrg', 'visitorPhone', 'module', 'errorCode', 'lpseTicket', 'title', 'description'] as const).map((key) => ({
    field: key,
    required: false,
    by: () => officer,
    send: (text: string): [ClientEventName, unknown] => ['case:intake', { ...caseRef, intake: intake({ [key]: text }) }],
  })),
  { field: 'note', required: true, by: () => officer, send: (note) => ['case:handle', { ...caseRef, note }] },
];

async function send(client: TestClient, [event, payload]: [ClientEventName, unknown]) {
  return client.request(event, payload as ClientPayload<typeof event>);
}

describe('text that looks empty', () => {
  it.each(Object.entries(LOOKS_EMPTY))('is refused in every field a person reads: %s', async (_what, text) => {
    for (const f of FIELDS) {
      const before = stored();
      const reply = await send(f.by(), f.send(text));
      expect(reply, `${f.send(text)[0]} ${f.field}`).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      if (!reply.ok) expect(reply.error.message).toContain('harus memuat huruf, angka atau tanda yang terlihat');
      if (!reply.ok) expect(reply.error.message).toMatch(/^Data yang dikirim tidak lengkap atau tidak sesuai: /);
      expect(stored(), `${f.send(text)[0]} ${f.field} changed nothing`).toBe(before);
    }
  });

  it.each(Object.entries(CLEANED_AWAY))('is refused where a field is required, and left empty where it is optional: %s', async (_what, text) => {
    for (const f of FIELDS) {
      const reply = await send(f.by(), f.send(text));
      if (f.required) expect(reply, `${f.send(text)[0]} ${f.field}`).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      // Empty where that is allowed (an intake's required fields are the hub's to name: CASE_INTAKE_INCOMPLETE).
      else expect(reply.ok || reply.error.code, `${f.send(text)[0]} ${f.field}: ${reply.ok ? '' : reply.error.message}`).not.toBe('VALIDATION_FAILED');
      // A saved intake is a new revision of the case, which the next change must name.
      if (reply.ok && f.send(text)[0] === 'case:intake') caseRef.revision = (reply.data as { revision: number }).revision;
    }
  });

  it('tells an English reader why, in English, naming the field', async () => {
    const looksEmpty = await adminEn.request('admin:counterCreate', { requestId: requestId(), name: '\u3164', number: 9, serviceCodes: ['A'], active: true });
    expect(looksEmpty).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The data sent is incomplete or invalid: Name: must contain a visible letter, digit or sign' },
    });
    const cleanedAway = await adminEn.request('settings:update', { office: { name: '\u200B\u3000', address: '' } });
    expect(cleanedAway).toMatchObject({ ok: false, error: { message: 'The data sent is incomplete or invalid: Name: required' } });
  });

  it('accepts a filler inside text that shows, and optional fields left empty', async () => {
    const made = await admin.ok('admin:counterCreate', { requestId: requestId(), name: 'Loket\u3164Prima', number: 9, serviceCodes: ['A'], active: true });
    expect(made.name).toBe('Loket\u3164Prima');
    await admin.ok('settings:update', { office: { name: 'LPSE Kota Batam', address: '' }, settings: { runningText: '', ticketFooter: '', headName: '' } });
    const service = await admin.ok('admin:serviceUpdate', { serviceId: 1, name: 'Gangguan ★', nameEn: '', sort: 0, askPriority: true, active: true });
    expect(service).toMatchObject({ name: 'Gangguan ★', nameEn: '' });
  });
});
