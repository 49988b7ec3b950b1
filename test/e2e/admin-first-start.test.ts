// A new office from nothing: `npm start` with no seed, the admin signs in with the printed password, sets
// their own, and brings the office to life through the screens alone — a service, a counter, an officer, a
// kiosk and a display — until the officer calls the first number taken at the new kiosk.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { startTestHub, type TestHub } from '../helpers/hub';
import { openStaffApp, signInWith, waitForData, waitForText } from '../helpers/staffApp';

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  hub = await startTestHub({ seed: null });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

async function setOwnPassword(page: Page, password: string): Promise<void> {
  await page.getByTestId('password-new').fill(password);
  await page.getByTestId('password-repeat').fill(password);
  await page.getByTestId('password-save').click();
}

async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent())?.trim() ?? '';
}

it('takes a new install from the printed admin password to a number called at a new counter', async () => {
  const printed = hub.generatedAdminPassword;
  expect(printed).toBeTruthy();

  const admin = await openStaffApp(browser, hub.url);
  const page = admin.page;
  await signInWith(page, 'admin', printed);
  // The temporary password opens nothing but the form to replace it.
  await page.getByTestId('password-form').waitFor();
  expect(await page.getByTestId('nav-admin').count()).toBe(0);
  await page.getByTestId('password-new').fill('pendek');
  await page.getByTestId('password-repeat').fill('pendek');
  await page.getByTestId('password-problem').waitFor();
  expect(await page.getByTestId('password-save').isEnabled()).toBe(false);
  await setOwnPassword(page, 'sandi-admin-kantor');

  // Lands on the admin section, the checklist on top: the defaults made services, counters and a kiosk.
  await page.getByTestId('setup-checklist').waitFor();
  for (const item of ['services', 'counters', 'kiosk']) await waitForData(page, `setup-item-${item}`, 'done', 'true');
  for (const item of ['officer', 'display']) await waitForData(page, `setup-item-${item}`, 'done', 'false');

  await page.getByTestId('admin-tab-services').click();
  await page.getByTestId('service-new').click();
  await page.getByTestId('service-code').fill('C');
  await page.getByTestId('service-name').fill('Pendaftaran Penyedia');
  await page.getByTestId('service-name-en').fill('Vendor registration');
  await page.getByTestId('service-save').click();
  await page.getByTestId('service-row-C').waitFor();

  await page.getByTestId('admin-tab-counters').click();
  await page.getByTestId('counter-new').click();
  await page.getByTestId('counter-name').fill('Loket 4');
  await page.getByTestId('counter-number').fill('4');
  await page.getByTestId('counter-service-C').check();
  await page.getByTestId('counter-save').click();
  await page.getByTestId('counter-row-4').waitFor();

  await page.getByTestId('admin-tab-staff').click();
  await page.getByTestId('staff-new').click();
  await page.getByTestId('staff-username').fill('petugas4');
  await page.getByTestId('staff-name').fill('Rina Petugas');
  await page.getByTestId('staff-role').selectOption('helpdesk');
  await page.getByTestId('staff-save').click();
  const tempPassword = await textOf(page, 'staff-temp-password');
  expect(tempPassword.length).toBeGreaterThanOrEqual(12);
  await page.getByTestId('staff-row-petugas4').waitFor();
  await page.getByTestId('staff-temp-close').click();

  await page.getByTestId('admin-tab-devices').click();
  const newDevice = async (name: string, kind: string): Promise<string> => {
    await page.getByTestId('device-new').click();
    await page.getByTestId('device-name').fill(name);
    await page.getByTestId('device-kind').selectOption(kind);
    await page.getByTestId('device-save').click();
    await page.getByTestId('device-qr').waitFor();
    const url = await textOf(page, 'device-url');
    await page.getByTestId('device-url-close').click();
    return url;
  };
  const kioskUrl = await newDevice('Kiosk Pintu Masuk', 'kiosk');
  expect(kioskUrl).toMatch(new RegExp(`^${hub.url}/kiosk\\?key=.{16,}`));
  const displayUrl = await newDevice('TV Ruang Tunggu', 'display');
  await page.getByTestId('device-row-TV Ruang Tunggu').waitFor();

  // A visitor takes C-001 at the new kiosk.
  const kioskContext = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(kioskUrl);
  await kiosk.getByTestId('kiosk-service-C').click();
  await waitForText(kiosk.getByTestId('kiosk-ticket-number'), 'C-001');

  // The new officer sets their own password and calls it at Loket 4.
  const officer = await openStaffApp(browser, hub.url);
  await signInWith(officer.page, 'petugas4', tempPassword);
  await officer.page.getByTestId('password-form').waitFor();
  await setOwnPassword(officer.page, 'sandi-rina-sendiri');
  await officer.page.getByTestId('counter-select').selectOption({ label: 'Loket 4' });
  await officer.page.getByTestId('counter-open').click();
  await officer.page.getByTestId('call-next').click();
  await waitForText(officer.page.getByTestId('current-ticket-number'), 'C-001');
  await waitForData(page, 'setup-item-officer', 'done', 'true');

  // With the display connected, every item is done.
  const tvContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const tv = await tvContext.newPage();
  await tv.goto(displayUrl);
  await tv.getByTestId('display-now-number').waitFor();
  for (const item of ['services', 'counters', 'officer', 'kiosk', 'display']) await waitForData(page, `setup-item-${item}`, 'done', 'true');

  for (const c of [kioskContext, tvContext, admin.context, officer.context]) await c.close();
  expect(admin.errors).toEqual([]);
  expect(officer.errors).toEqual([]);
});
