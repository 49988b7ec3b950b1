// What the admin and the staff see of personal-data retention: the setting in the admin's form, refused out
// of its bounds with the field named, a lower one saved only after a question naming what it would blank now,
// and a blanked case's timeline saying which intake fields were saved and which were erased — by name, in
// Bahasa Indonesia and in English, never the values.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Case } from '../../shared/domain/types';
import { getSettings } from '../../hub/db/index';
import { launchBrowser } from '../helpers/browser';
import { closedCaseOfNewVisit } from '../helpers/cases';
import { connect, signIn } from '../helpers/clients';
import { FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';
import { screenshot } from '../helpers/screenshots';
import { signedIn, waitForEnabled } from '../helpers/staffApp';

const clock = new FakeClock(Date.parse('2025-01-10T01:00:00.000Z'));
let hub: TestHub;
let browser: Browser;
let blanked: Case;
let recent: Case;

beforeAll(async () => {
  hub = await startTestHub({ clock });
  browser = await launchBrowser();
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
  await hd1.ok('counter:open', { counterId: 1 });
  blanked = await closedCaseOfNewVisit(kiosk, hd1, 1, { visitorName: 'Rudi Hartanto', visitorEmail: 'rudi@contoh.id' });
  kiosk.close();
  hd1.close();
  // Monday 3 November 2025: a case kept under 365 days, but not under 60.
  clock.set('2025-11-03T01:00:00.000Z');
  const kioskLater = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const hd1Later = await signIn(hub.url, 'hd1', 'sandi-hd1');
  await hd1Later.ok('counter:open', { counterId: 1 });
  recent = await closedCaseOfNewVisit(kioskLater, hd1Later, 1, { visitorName: 'Sari Wulandari' });
  kioskLater.close();
  hd1Later.close();
  // Monday 12 January 2026: the case was closed 367 days ago; the first sign-in of the day blanks it.
  clock.set('2026-01-12T01:00:00.000Z');
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

it("takes the retention period in the admin's settings, refusing one out of bounds with the field named", async () => {
  const admin = await signedIn(browser, hub.url, 'admin');
  const page = admin.page;
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-settings').click();
  const field = page.getByTestId('settings-retention-days');
  expect(await field.inputValue()).toBe('365');
  // A number keypad on a touch screen.
  expect(await field.getAttribute('inputmode')).toBe('numeric');
  await field.fill('10');
  await expect.poll(async () => (await page.getByTestId('form-problem').textContent()) ?? '').toMatch(/Simpan data pribadi kasus yang ditutup selama.*30–3650/);
  await waitForEnabled(page.getByTestId('settings-save'), false);
  expect(getSettings(hub.db).retentionDays).toBe(365);
  await field.fill('730');
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-saved').waitFor();
  expect(getSettings(hub.db).retentionDays).toBe(730);
  await field.scrollIntoViewIfNeeded();
  await screenshot(page, 'admin-settings-retention');

  // A lower period asks first, naming what it would blank now (the case closed 70 days ago); no keeps it.
  await field.fill('60');
  await page.getByTestId('settings-save').click();
  const question = page.getByTestId('settings-retention-confirm-text');
  await expect.poll(() => question.textContent()).toBe(
    'Dari 730 menjadi 60 hari. Pada pergantian hari berikutnya (atau saat hub dijalankan ulang), data pribadi 1 kasus yang sudah ditutup dihapus dan tidak bisa dikembalikan, kecuali dari cadangan.',
  );
  await screenshot(page, 'admin-settings-retention-confirm');
  await page.getByTestId('settings-retention-confirm-no').click();
  await page.getByTestId('settings-retention-confirm').waitFor({ state: 'detached' });
  expect(getSettings(hub.db).retentionDays).toBe(730);
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-retention-confirm-yes').click();
  await page.getByTestId('settings-saved').waitFor();
  expect(getSettings(hub.db).retentionDays).toBe(60);
  // Saved, not yet applied: the job blanks at the next office day or start.
  expect(hub.db.prepare('SELECT visitor_name AS name FROM cases WHERE id = ?').get(recent.id)).toEqual({ name: 'Sari Wulandari' });
  expect(admin.errors).toEqual([]);
  await admin.context.close();
});

it("shows a blanked case's timeline with the fields saved and erased, by name, in both languages", async () => {
  const head = await signedIn(browser, hub.url, 'kepala');
  const page = head.page;
  await page.goto(`${hub.url}/counter#/cases/${blanked.id}`);
  const changed = page.getByTestId('case-event-changed');
  await expect.poll(() => changed.allTextContents()).toEqual([
    'Diubah: Nama pengunjung, Jenis pengguna, Perusahaan / instansi, Nomor telepon, Alamat e-mail, Kategori, Judul',
    'Dihapus: Nama pengunjung, Perusahaan / instansi, Nomor telepon, Alamat e-mail',
  ]);
  await page.locator('[data-testid="case-event"][data-type="case.retention"]').filter({ hasText: 'Data pribadi dihapus: masa simpan habis' }).waitFor();
  expect(await page.getByTestId('case-timeline').textContent()).not.toMatch(/Rudi Hartanto|rudi@contoh\.id/);
  await changed.first().scrollIntoViewIfNeeded();
  await screenshot(page, 'case-retention-timeline');
  await page.getByTestId('lang-toggle').click();
  await expect.poll(() => changed.last().textContent()).toBe('Erased: Visitor name, Company / agency, Phone number, E-mail address');
  expect(head.errors).toEqual([]);
  await head.context.close();
});
