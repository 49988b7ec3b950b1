// Personal-data retention: the visitor's name, company, phone and e-mail of a case closed longer ago than the
// admin's setting are blanked by the hub's daily job — and then found in no column of any table — while the
// figures stay as they were. The setting is the admin's alone and bounded.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PERSONAL_INTAKE_FIELDS } from '../../shared/domain/caseRules';
import type { Case, CaseIntake } from '../../shared/domain/types';
import { getSettings, type Db } from '../../hub/db/index';
import { caseOfNewVisit, closedCaseOfNewVisit } from '../helpers/cases';
import { connect, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

const clock = new FakeClock(Date.parse('2025-01-10T01:00:00.000Z'));
let hub: TestHub;
let kiosk: TestClient;
const clients: TestClient[] = [];

/** Each case's visitor, unique strings so a search of the whole database finds only them. */
const visitor = (key: string): Partial<CaseIntake> => ({
  visitorName: `Nama ${key} Pengunjung`,
  visitorOrg: `PT ${key} Sejahtera`,
  visitorPhone: `0812-${key}-0000`,
  visitorEmail: `${key.toLowerCase()}@contoh.id`,
  module: 'SPSE 4.5 — e-Tendering',
  title: 'Tidak bisa mengunggah dokumen',
});
const personalValues = (key: string) => PERSONAL_INTAKE_FIELDS.map((f) => visitor(key)[f] as string);

const cases = {} as Record<'old' | 'edge' | 'recent' | 'open', Case>;

async function officer(): Promise<TestClient> {
  const hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
  clients.push(hd1);
  return hd1;
}

/** A visit's case with the intake saved, resolved and closed on the spot, on the clock's office day. */
async function closedCase(key: string): Promise<Case> {
  const hd1 = await officer();
  await hd1.ok('counter:open', { counterId: 1 });
  const closed = await closedCaseOfNewVisit(kiosk, hd1, 1, visitor(key));
  await hd1.ok('counter:close', { counterId: 1 });
  return closed;
}

/** Every column of every table that holds `value` anywhere in its text, as `table.column`. */
function whereFound(db: Db, value: string): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  const found: string[] = [];
  for (const { name: table } of tables) {
    for (const { name: column } of db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]) {
      const hit = db.prepare(`SELECT 1 FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?) > 0 LIMIT 1`).get(value);
      if (hit) found.push(`${table}.${column}`);
    }
  }
  return found;
}

/** The figures: every case column but the personal ones and the revision, and the event log. */
function figures(db: Db) {
  return {
    cases: db
      .prepare(
        `SELECT id, reference, status, owner_id, opened_at, opened_day, updated_at, closed_day, intake_at, visitor_type, module,
           error_code, lpse_ticket, category, title, description, resolution, close_channel FROM cases ORDER BY id`,
      )
      .all(),
    byCategory: db.prepare('SELECT category, visitor_type, module, count(*) AS n FROM cases GROUP BY 1, 2, 3').all(),
    events: db.prepare("SELECT id, at, type, case_id, ticket_id, data FROM events WHERE type != 'case.retention' ORDER BY id").all(),
  };
}

const personalOf = (db: Db, id: number) =>
  db.prepare('SELECT visitor_name, visitor_org, visitor_phone, visitor_email, revision FROM cases WHERE id = ?').get(id);

/** Moves the office day and lets the hub notice it, as the first request of a new day does. */
async function nextRequestOn(iso: string): Promise<void> {
  clock.set(iso);
  await officer();
}

beforeAll(async () => {
  // Friday 10 January 2025, 08:00 WIB.
  hub = await startTestHub({ clock });
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  clients.push(kiosk);
  cases.old = await closedCase('Lama');
  clock.set('2025-01-11T01:00:00.000Z');
  cases.edge = await closedCase('Batas');
  clock.set('2025-12-01T01:00:00.000Z');
  kiosk.close();
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  clients.push(kiosk);
  cases.recent = await closedCase('Baru');
  const hd1 = await officer();
  await hd1.ok('counter:open', { counterId: 1 });
  cases.open = await caseOfNewVisit(kiosk, hd1, 1, visitor('Buka'));
  await hd1.ok('counter:close', { counterId: 1 });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
  rmSync(hub.dataDir, { recursive: true, force: true });
});

it('keeps the personal data in the case alone: the event log names the fields saved, never their values', () => {
  for (const key of ['Lama', 'Batas', 'Baru', 'Buka']) {
    for (const value of personalValues(key)) expect(whereFound(hub.db, value), value).toHaveLength(1);
  }
  expect(whereFound(hub.db, 'Nama Lama Pengunjung')).toEqual(['cases.visitor_name']);
});

it('blanks exactly the personal fields of cases closed more than 365 days ago, recording it, and keeps the figures', async () => {
  expect(getSettings(hub.db).retentionDays).toBe(365);
  const before = figures(hub.db);
  const kept = ['edge', 'recent', 'open'].map((k) => personalOf(hub.db, cases[k as keyof typeof cases].id));

  // Sunday 11 January 2026: the old case was closed 366 days ago, the edge case exactly 365.
  await nextRequestOn('2026-01-11T01:00:00.000Z');

  expect(personalOf(hub.db, cases.old.id)).toEqual({
    visitor_name: '',
    visitor_org: '',
    visitor_phone: '',
    visitor_email: '',
    revision: cases.old.revision + 1,
  });
  expect(['edge', 'recent', 'open'].map((k) => personalOf(hub.db, cases[k as keyof typeof cases].id))).toEqual(kept);
  expect(figures(hub.db)).toEqual(before);
  // No table of the live database holds a blanked value, in any column; the kept ones are still found.
  for (const value of personalValues('Lama')) expect(whereFound(hub.db, value), value).toEqual([]);
  for (const value of personalValues('Batas')) expect(whereFound(hub.db, value), value).not.toEqual([]);
  // Nor does the file, nor its write-ahead log: freed space is zeroed and the log checkpointed.
  const bytes = ['antrian.sqlite', 'antrian.sqlite-wal'].map((f) => readBytes(join(hub.dataDir, f))).join('');
  for (const value of personalValues('Lama')) expect(bytes.includes(value), value).toBe(false);
  expect(bytes).toContain('Nama Batas Pengunjung');

  const events = hub.db.prepare("SELECT case_id AS caseId, at, from_status AS f, to_status AS t, data FROM events WHERE type = 'case.retention'").all();
  expect(events).toEqual([
    {
      caseId: cases.old.id,
      at: '2026-01-11T01:00:00.000Z',
      f: 'closed',
      t: 'closed',
      data: JSON.stringify({ note: '', changed: ['visitorName', 'visitorOrg', 'visitorPhone', 'visitorEmail'], retentionDays: 365 }),
    },
  ]);

  // The case's timeline says what was saved and what was blanked, by field name.
  const kepala = await signIn(hub.url, 'kepala', 'sandi-kepala');
  clients.push(kepala);
  const { case: c, timeline } = await kepala.ok('case:get', { caseId: cases.old.id });
  expect(c.intake).toMatchObject({ visitorName: '', visitorOrg: '', visitorPhone: '', visitorEmail: '', title: 'Tidak bisa mengunggah dokumen', category: 'gangguan' });
  expect(timeline.filter((e) => e.changed).map((e) => [e.type, e.changed, e.note])).toEqual([
    ['case.intake', ['visitorName', 'visitorType', 'visitorOrg', 'visitorPhone', 'visitorEmail', 'module', 'category', 'title'], ''],
    ['case.retention', ['visitorName', 'visitorOrg', 'visitorPhone', 'visitorEmail'], ''],
  ]);
  // Searching by the old name finds nothing any more.
  expect(await kepala.ok('case:search', { query: 'Nama Lama' })).toEqual([]);

  // The next day the edge case's turn comes; the job does not blank the old case again.
  await nextRequestOn('2026-01-12T01:00:00.000Z');
  expect(personalOf(hub.db, cases.edge.id)).toMatchObject({ visitor_name: '', visitor_email: '' });
  expect(hub.db.prepare("SELECT case_id AS id FROM events WHERE type = 'case.retention' ORDER BY id").all()).toEqual([
    { id: cases.old.id },
    { id: cases.edge.id },
  ]);
  expect(personalOf(hub.db, cases.recent.id)).toMatchObject({ visitor_name: 'Nama Baru Pengunjung' });
});

function readBytes(file: string): string {
  try {
    return readFileSync(file).toString('latin1');
  } catch {
    return '';
  }
}

it('takes a shorter setting from the admin only, within its bounds, and applies it at the next start', async () => {
  const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  const hd1 = await officer();
  clients.push(admin);
  const stored = () => hub.db.prepare("SELECT value FROM settings WHERE key = 'settings'").get();
  const before = stored();
  const refused = await hd1.request('settings:update', { settings: { retentionDays: 30 } });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const tooShort = await admin.request('settings:update', { settings: { retentionDays: 7 } });
  expect(tooShort).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  if (!tooShort.ok) expect(tooShort.error.message).toContain('Lama data pribadi kasus disimpan');
  expect(await admin.request('settings:update', { settings: { retentionDays: 3651 } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(stored()).toEqual(before);

  // Before saving a lower period the admin is told what it would blank now: the recent case, closed 42 days
  // ago (the old and edge ones are blank already). Asking blanks nothing; only the admin may ask.
  expect(await admin.ok('settings:retentionPreview', { retentionDays: 30 })).toEqual({ retentionDays: 30, cases: 1 });
  expect(await admin.ok('settings:retentionPreview', { retentionDays: 365 })).toEqual({ retentionDays: 365, cases: 0 });
  expect(await hd1.request('settings:retentionPreview', { retentionDays: 30 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const unbounded = await admin.request('settings:retentionPreview', { retentionDays: 7 });
  expect(unbounded).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  if (!unbounded.ok) expect(unbounded.error.message).toContain('Lama data pribadi kasus disimpan');
  expect(personalOf(hub.db, cases.recent.id)).toMatchObject({ visitor_name: 'Nama Baru Pengunjung' });

  await admin.ok('settings:update', { settings: { retentionDays: 30 } });
  for (const c of clients.splice(0)) c.close();
  const { dataDir } = hub;
  await hub.stop();
  // The recent case was closed on 1 December 2025, 42 days before: blanked as the hub starts.
  hub = await startTestHub({ clock, dataDir, seed: undefined });
  expect(personalOf(hub.db, cases.recent.id)).toMatchObject({ visitor_name: '', visitor_org: '', visitor_phone: '', visitor_email: '' });
  for (const value of personalValues('Baru')) expect(whereFound(hub.db, value), value).toEqual([]);
  // A case not closed keeps everything, however old.
  expect(personalOf(hub.db, cases.open.id)).toMatchObject({ visitor_name: 'Nama Buka Pengunjung', visitor_phone: '0812-Buka-0000' });
});
