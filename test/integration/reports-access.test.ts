// Who may have the reports: the head and admins, over the socket and over HTTP. Helpdesk officers and the
// coordinator are refused both; an export without a valid session is refused; a bad period is refused with
// its own code, in the caller's language, and nothing is computed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
const clients: TestClient[] = [];
const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});

const tokenOf = (c: TestClient) => (c.socket.auth as { token: string }).token;
const exportOf = (format: 'csv' | 'xlsx', token?: string, query = `from=${PERIOD.from}&to=${PERIOD.to}`) =>
  fetch(`${hub.url}/reports/export.${format}?${query}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

it('refuses the report and its exports to a helpdesk officer and the coordinator', async () => {
  for (const [username, password] of [
    ['hd1', 'sandi-hd1'],
    ['koor', 'sandi-koor'],
  ] as const) {
    const staff = await signIn(hub.url, username, password);
    clients.push(staff);
    const reply = await staff.request('report:get', PERIOD);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Peran Anda tidak diizinkan melakukan ini.' } });
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await exportOf(format, tokenOf(staff));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: 'FORBIDDEN', message: 'Peran Anda tidak diizinkan melakukan ini.' });
    }
  }
});

it('refuses an export without a session, with a made-up one, and after signing out', async () => {
  for (const format of ['csv', 'xlsx'] as const) {
    const none = await exportOf(format);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
    const made = await exportOf(format, 'bukan-token-sungguhan');
    expect(made.status).toBe(401);
    expect(await made.json()).toMatchObject({ code: 'SESSION_EXPIRED', message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' });
  }
  const head = await signIn(hub.url, 'kepala', 'sandi-kepala');
  const token = tokenOf(head);
  expect((await exportOf('csv', token)).status).toBe(200);
  await head.ok('auth:logout', {});
  head.close();
  const after = await exportOf('csv', token);
  expect(after.status).toBe(401);
  expect(await after.json()).toMatchObject({ code: 'SESSION_EXPIRED' });
  // A page without a session is no staff member at all.
  const display = await connect(hub.url);
  clients.push(display);
  expect(await display.request('report:get', PERIOD)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
});

it('gives the head and an admin the report, and refuses a period it cannot cover, in their language', async () => {
  const head = await signIn(hub.url, 'kepala', 'sandi-kepala');
  const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  clients.push(head, admin);
  for (const who of [head, admin]) {
    const report = await who.ok('report:get', PERIOD);
    expect(report).toMatchObject({ ...PERIOD, office: 'LPSE Kota Batam', tickets: { issued: 0 } });
    expect(report.perDay).toHaveLength(30);
  }
  expect(await head.request('report:get', { from: '2026-11-30', to: '2026-11-01' })).toMatchObject({
    ok: false,
    error: { code: 'REPORT_PERIOD_REVERSED', message: 'Tanggal akhir laporan tidak boleh sebelum tanggal awal.' },
  });
  expect(await head.request('report:get', { from: '2025-01-01', to: '2026-01-02' })).toMatchObject({
    ok: false,
    error: { code: 'REPORT_PERIOD_TOO_LONG', message: 'Satu laporan mencakup paling lama 366 hari.' },
  });
  expect(await head.request('report:get', { from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

  const english = await connect(hub.url, { token: tokenOf(head), lang: 'en' });
  clients.push(english);
  expect(await english.request('report:get', { from: '2026-11-30', to: '2026-11-01' })).toMatchObject({
    ok: false,
    error: { code: 'REPORT_PERIOD_REVERSED', message: "The report's end date cannot be before its start date." },
  });
  const reversed = await exportOf('xlsx', tokenOf(head), 'from=2026-11-30&to=2026-11-01&lang=en');
  expect(reversed.status).toBe(400);
  expect(await reversed.json()).toEqual({ code: 'REPORT_PERIOD_REVERSED', message: "The report's end date cannot be before its start date." });
  const garbled = await exportOf('csv', tokenOf(head), 'from=kemarin&to=2026-11-01');
  expect(garbled.status).toBe(400);
  expect(await garbled.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
});
