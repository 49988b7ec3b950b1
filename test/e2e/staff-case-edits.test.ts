// A returning visitor continues their open case instead of starting a new one; two staff editing the same
// case at once never overwrite each other silently.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caseOfNewVisit } from '../helpers/cases';
import { signIn, type TestClient } from '../helpers/clients';
import {
  issue,
  setUpStaffOffice,
  shownCaseId,
  signedIn,
  takeCounter,
  timeline,
  waitForCaseStatus,
  waitForData,
  waitForEnabled,
  waitForText,
} from '../helpers/staffApp';

const office = setUpStaffOffice();
let hd2: TestClient;

beforeAll(async () => {
  // An earlier visit, served at Loket 2 over the hub API, left a case open.
  hd2 = await signIn(office.hub.url, 'hd2', 'sandi-hd2');
  await hd2.ok('counter:open', { counterId: 2 });
});

afterAll(() => {
  hd2?.close();
});

it('attaches a returning visitor’s open case to their new ticket instead of opening a new one', async () => {
  const { hub, browser, kiosk } = office;
  const earlier = await caseOfNewVisit(kiosk, hd2, 2, { visitorName: 'Budi Santoso', visitorOrg: 'CV Maju Jaya' });
  const { ticket } = await issue(kiosk, 'A');
  const { page, errors, context } = await signedIn(browser, hub.url, 'hd1');
  await takeCounter(page, 'Loket 1');
  await page.getByTestId('call-next').click();
  await waitForText(page.getByTestId('current-ticket-number'), ticket.number);

  await page.getByTestId('case-attach-query').fill('Maju Jaya');
  await page.getByTestId('case-attach-search').click();
  await page.getByTestId(`case-attach-${earlier.id}`).click();

  // The service started with the earlier case, not a new one.
  await waitForText(page.getByTestId('case-reference'), earlier.reference);
  await waitForData(page, 'current-ticket-status', 'status', 'serving');
  expect(await shownCaseId(page)).toBe(earlier.id);
  await page.locator('[data-testid="case-event"][data-type="case.attach"]').waitFor();
  const entries = await timeline(page);
  expect(entries.filter((e) => e.type === 'case.open')).toHaveLength(1);
  expect(entries.filter((e) => e.type === 'ticket.issue')).toHaveLength(2);
  expect(await hd2.ok('case:search', {})).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});

it('refuses the second of two concurrent edits with a message to reload, and the reload shows the first', async () => {
  const { hub, browser, kiosk } = office;
  const shared = await caseOfNewVisit(kiosk, hd2, 2, { visitorName: 'Rina Marlina', title: 'Lupa kata sandi SPSE' });
  const first = await signedIn(browser, hub.url, 'hd1');
  const second = await signedIn(browser, hub.url, 'koor');
  for (const { page } of [first, second]) {
    await page.goto(`${hub.url}/counter/#/cases/${shared.id}`);
    await waitForText(page.getByTestId('case-reference'), shared.reference);
  }

  // Both start editing the same revision; the first saves.
  await second.page.getByTestId('case-title').fill('Akun penyedia terkunci');
  await first.page.getByTestId('case-title').fill('Lupa kata sandi dan akun terkunci');
  await first.page.getByTestId('case-save').click();
  await waitForEnabled(first.page.getByTestId('case-save'), false);

  // The second save is refused, nothing is overwritten, and the screen offers a reload.
  await second.page.getByTestId('case-save').click();
  await waitForText(second.page.getByTestId('case-stale').locator('span'), 'Kasus ini sudah diubah orang lain. Muat ulang.');
  const stored = await hd2.ok('case:get', { caseId: shared.id });
  expect(stored.case.intake?.title).toBe('Lupa kata sandi dan akun terkunci');

  await second.page.getByTestId('case-reload').click();
  await expect.poll(() => second.page.getByTestId('case-title').inputValue()).toBe('Lupa kata sandi dan akun terkunci');
  expect(await second.page.getByTestId('case-stale').count()).toBe(0);

  // After the reload the second person's edit goes through.
  await second.page.getByTestId('case-description').fill('Akun terkunci setelah lima kali salah sandi.');
  await second.page.getByTestId('case-save').click();
  await expect
    .poll(() => first.page.getByTestId('case-description').inputValue())
    .toBe('Akun terkunci setelah lima kali salah sandi.');
  await waitForCaseStatus(first.page, 'open');
  expect([...first.errors, ...second.errors]).toEqual([]);
  for (const staff of [first, second]) await staff.context.close();
});
