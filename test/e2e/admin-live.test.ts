// The admin's changes reach the office's screens live, and bad input is refused in the form itself with
// the field named: a renamed service and a new running text appear on an open kiosk and TV without a
// reload, a revoked kiosk is cut off within a second, a deactivated officer's screen returns to sign-in.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, signIn } from '../helpers/clients';
import { DISPLAY_KEY } from '../helpers/hub';
import { openKiosk } from '../helpers/kiosk';
import { openStaffApp, setUpStaffOffice, signedIn, signInWith, takeCounter, waitForEnabled, waitForText, type StaffPage } from '../helpers/staffApp';

const office = setUpStaffOffice();
let admin: StaffPage;

beforeAll(async () => {
  admin = await signedIn(office.browser, office.hub.url, 'admin');
  await admin.page.getByTestId('setup-checklist').waitFor();
});
afterAll(async () => {
  await admin?.context.close();
});

async function problemNames(page: Page, save: string, words: RegExp): Promise<void> {
  await expect.poll(async () => (await page.getByTestId('form-problem').textContent()) ?? '').toMatch(words);
  await waitForEnabled(page.getByTestId(save), false);
}

it('shows a renamed service and a new running text on an open kiosk and display without reload', async () => {
  const kiosk = await openKiosk(office.browser, office.hub.url);
  const tvContext = await office.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const tv = await tvContext.newPage();
  await tv.goto(`${office.hub.url}/display?key=${DISPLAY_KEY}`);
  await tv.getByTestId('display-service-name-A').waitFor();
  const page = admin.page;

  await page.getByTestId('admin-tab-services').click();
  await page.getByTestId('service-edit-A').click();
  await page.getByTestId('service-name').fill('Gangguan Aplikasi SPSE');
  await page.getByTestId('service-save').click();
  await page.getByTestId('service-row-A').filter({ hasText: 'Gangguan Aplikasi SPSE' }).waitFor();
  await kiosk.getByTestId('kiosk-service-A').filter({ hasText: 'Gangguan Aplikasi SPSE' }).waitFor({ timeout: 5000 });
  await waitForText(tv.getByTestId('display-service-name-A'), 'Gangguan Aplikasi SPSE', 5000);

  await page.getByTestId('admin-tab-settings').click();
  await page.getByTestId('settings-running-text').fill('Layanan helpdesk LPSE buka sampai pukul 16.00');
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-saved').waitFor();
  await tv.getByTestId('display-running-text').filter({ hasText: 'buka sampai pukul 16.00' }).waitFor({ timeout: 5000 });
  // The display connected with its key: the checklist's last item is done.
  await page.locator('[data-testid="setup-item-display"][data-done="true"]').waitFor();

  // Revoked, the kiosk is cut off within a second and says so.
  await page.getByTestId('admin-tab-devices').click();
  await page.getByTestId('device-revoke-Kiosk Lobi').click();
  const revokedAt = Date.now();
  await page.getByTestId('device-revoke-Kiosk Lobi-confirm').click();
  await kiosk.getByTestId('kiosk-revoked').waitFor({ timeout: 3000 });
  expect(Date.now() - revokedAt).toBeLessThan(1500);
  expect(await kiosk.getByTestId('kiosk-service-A').count()).toBe(0);
  await kiosk.context().close();
  await tvContext.close();
});

it("returns a deactivated officer's open screen to sign-in and frees the counter they held", async () => {
  const officer = await signedIn(office.browser, office.hub.url, 'hd2');
  await takeCounter(officer.page, 'Loket 2');
  const page = admin.page;
  await page.getByTestId('admin-tab-staff').click();
  await page.getByTestId('staff-deactivate-hd2').click();
  await page.getByTestId('staff-deactivate-hd2-confirm').click();
  await officer.page.getByTestId('login-username').waitFor({ timeout: 5000 });
  await page.getByTestId('staff-open-cases').waitFor();
  await page.getByTestId('staff-reactivate-hd2').waitFor();
  const other = await signIn(office.hub.url, 'hd3', 'sandi-hd3');
  const snap = other.snapshots[0] as { counters: { name: string; state: string }[] };
  expect(snap.counters.find((c) => c.name === 'Loket 2')?.state).toBe('closed');
  other.close();
  // The account no longer signs in.
  await signInWith(officer.page, 'hd2');
  await officer.page.getByTestId('login-error').waitFor();
  await officer.context.close();
});

it('refuses bad input in every form with the field named, before anything is sent', async () => {
  const page = admin.page;
  await page.getByTestId('admin-tab-services').click();
  await page.getByTestId('service-new').click();
  await page.getByTestId('service-code').fill('B');
  await page.getByTestId('service-name').fill('Dobel');
  await problemNames(page, 'service-save', /Kode layanan.*"B".*sudah dipakai/);
  await page.getByTestId('service-code').fill('7');
  await problemNames(page, 'service-save', /Kode layanan harus satu huruf A–Z/);

  await page.getByTestId('admin-tab-counters').click();
  await page.getByTestId('counter-new').click();
  await page.getByTestId('counter-number').fill('0');
  await problemNames(page, 'counter-save', /Nomor loket harus 1–999/);
  await page.getByTestId('counter-number').fill('3');
  await problemNames(page, 'counter-save', /Nomor yang diucapkan.*"3".*sudah dipakai/);
  await page.getByTestId('counter-number').fill('12');
  await problemNames(page, 'counter-save', /minimal satu layanan/);

  await page.getByTestId('admin-tab-staff').click();
  await page.getByTestId('staff-new').click();
  await page.getByTestId('staff-username').fill('HD1');
  await page.getByTestId('staff-name').fill('Petugas Lain');
  await page.getByTestId('staff-role').selectOption('helpdesk');
  await problemNames(page, 'staff-save', /Nama pengguna.*"HD1".*sudah dipakai/);

  await page.getByTestId('admin-tab-devices').click();
  await page.getByTestId('device-new').click();
  await page.getByTestId('device-name').fill('Kiosk Lantai 3');
  await page.getByTestId('device-printer-host').fill('127.0.0.1');
  await page.getByTestId('device-printer-port').fill('70000');
  await problemNames(page, 'device-save', /Port printer harus 1–65535/);
  await page.getByTestId('device-kind').selectOption('survey');
  await problemNames(page, 'device-save', /Tablet survei harus dipasang di sebuah loket/);

  await page.getByTestId('admin-tab-settings').click();
  await page.getByTestId('settings-hours').selectOption('custom');
  await page.getByTestId('settings-hours-mon-add').click();
  await page.getByTestId('settings-hours-mon-1-from').fill('11:00');
  await page.getByTestId('settings-hours-mon-1-to').fill('13:00');
  await problemNames(page, 'settings-save', /Senin: jam buka tumpang tindih/);
  await page.getByTestId('settings-hours-mon-1-remove').click();
  await expect.poll(() => page.getByTestId('form-problem').count()).toBe(0);
  await page.getByTestId('settings-hours').selectOption('always');

  await page.getByTestId('nav-password').click();
  await page.getByTestId('password-current').fill('admin-rahasia');
  await page.getByTestId('password-new').fill('pendek');
  await page.getByTestId('password-repeat').fill('pendek');
  await expect.poll(async () => (await page.getByTestId('password-problem').textContent()) ?? '').toMatch(/minimal 8 karakter/);
  await waitForEnabled(page.getByTestId('password-save'), false);
  expect(admin.errors).toEqual([]);
  // Nothing was sent: the kiosk's services and the staff list are as they were.
  const kiosk = await connect(office.hub.url);
  const services = (kiosk.snapshots[0] as { services: { code: string }[] }).services.map((s) => s.code);
  expect(services).toEqual(['A', 'B']);
  kiosk.close();
});

it('signs a staff member in after a password change from the navigation bar', async () => {
  const hd3 = await signedIn(office.browser, office.hub.url, 'hd3');
  await hd3.page.getByTestId('nav-password').click();
  await hd3.page.getByTestId('password-current').fill('sandi-hd3');
  await hd3.page.getByTestId('password-new').fill('sandi-hd3-baru');
  await hd3.page.getByTestId('password-repeat').fill('sandi-hd3-baru');
  await hd3.page.getByTestId('password-save').click();
  await hd3.page.getByTestId('password-changed').waitFor();
  await hd3.context.close();
  const again = await openStaffApp(office.browser, office.hub.url);
  await signInWith(again.page, 'hd3', 'sandi-hd3-baru');
  await again.page.getByTestId('me-name').waitFor();
  await again.context.close();
});
