// A morning at the counter on the usual 1366×768 PC: the current ticket, its buttons and the waiting list
// stay in view with a case open; keys pressed while typing do nothing; finishing with unsaved typing asks
// first; a visit finished with nothing recorded leaves no empty case behind; a coordinator serving at a
// counter gets the case workspace too.
import { expect, it } from 'vitest';
import { signIn } from '../helpers/clients';
import { expectInViewport, screenshot } from '../helpers/screenshots';
import {
  COUNTER_PC,
  issue,
  setUpStaffOffice,
  shownCaseId,
  signedIn,
  takeCounter,
  waitForCaseStatus,
  waitForData,
  waitForText,
} from '../helpers/staffApp';

const office = setUpStaffOffice();

it('keeps the typing through keys and the finish question, and withdraws an empty visit’s case', { timeout: 120_000 }, async () => {
  const { hub, browser, kiosk } = office;
  for (const service of ['A', 'A', 'B', 'A', 'B']) await issue(kiosk, service);
  const { page, errors, context } = await signedIn(browser, hub.url, 'hd1');
  const current = page.getByTestId('current-ticket-number');
  await takeCounter(page, 'Loket 1');
  await screenshot(page, 'counter-1366x768-idle');

  await page.getByTestId('call-next').click();
  await waitForText(current, 'A-001');
  await waitForText(page.getByTestId('current-ticket-service'), 'A — Gangguan / Permasalahan');
  expect(await page.getByTestId('current-ticket-priority').count()).toBe(0);
  expect(Number(await page.getByTestId('current-ticket-waited').textContent())).toBeGreaterThanOrEqual(0);
  await page.getByTestId('start-service').click();
  await waitForCaseStatus(page, 'open');
  const firstCase = await shownCaseId(page);

  await page.getByTestId('case-visitor-name').fill('Siti Rahma');
  await page.getByTestId('case-visitor-type').selectOption('penyedia');
  await page.getByTestId('case-category').selectOption('gangguan');
  const title = page.getByTestId('case-title');
  await title.click();
  await page.keyboard.type('Tidak bisa login SPSE');

  // With the focus in the field the console's keys do nothing: no call, no finish.
  await page.keyboard.press('F2');
  await page.keyboard.press('F8');
  await waitForData(page, 'current-ticket-status', 'status', 'serving');
  await waitForText(current, 'A-001');
  expect(await page.getByTestId('unsaved-dialog').count()).toBe(0);

  // The counter's controls and the waiting list are in view beside the open case.
  for (const id of ['current-ticket-number', 'call-next', 'finish-service', 'waiting-row-A-002']) {
    await expectInViewport(page, id, COUNTER_PC.width, COUNTER_PC.height);
  }
  await screenshot(page, 'counter-1366x768-case-open');
  // This office's kiosk has no printer: no reprint is offered that would only be refused.
  expect(await page.getByTestId('reprint-A-002').count()).toBe(0);

  // Out of the text fields, F8 asks first; staying keeps the typing.
  for (let i = 0; i < 5 && (await page.evaluate(() => ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName ?? ''))); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('F8');
  await page.getByTestId('unsaved-dialog').waitFor();
  await screenshot(page, 'counter-1366x768-unsaved-question');
  await page.getByTestId('unsaved-stay').click();
  await page.getByTestId('unsaved-dialog').waitFor({ state: 'detached' });
  expect(await title.inputValue()).toBe('Tidak bisa login SPSE');
  await waitForText(current, 'A-001');

  // Saving from the question saves the intake and finishes the visit; the console is back at the top.
  await page.keyboard.press('F8');
  await page.getByTestId('unsaved-save').click();
  await waitForText(current, '—');
  const saved = await signIn(hub.url, 'koor', 'sandi-koor');
  const { case: kept, timeline } = await saved.ok('case:get', { caseId: firstCase });
  expect(kept).toMatchObject({ status: 'open', intake: { title: 'Tidak bisa login SPSE', visitorName: 'Siti Rahma' } });
  expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['ticket.start', 'case.intake', 'ticket.finish']));
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // The next visit is finished with nothing recorded: its case is withdrawn and no list shows it.
  await page.getByTestId('call-next').click();
  await waitForText(current, 'A-002');
  await page.getByTestId('start-service').click();
  await waitForCaseStatus(page, 'open');
  const emptyCase = await shownCaseId(page);
  await page.getByTestId('finish-service').click();
  await waitForText(current, '—');
  expect((await saved.ok('case:get', { caseId: emptyCase })).case.status).toBe('withdrawn');
  await page.getByTestId('nav-cases').click();
  await page.getByTestId(`case-row-${firstCase}`).waitFor();
  expect(await page.getByTestId(`case-row-${emptyCase}`).count()).toBe(0);
  const head = await signedIn(browser, hub.url, 'kepala');
  await head.page.getByTestId(`case-row-${firstCase}`).waitFor();
  expect(await head.page.getByTestId(`case-row-${emptyCase}`).count()).toBe(0);
  await waitForText(head.page.getByTestId('board-count-open'), '1');
  await screenshot(head.page, 'board-1366x768');
  saved.close();
  expect([...errors, ...head.errors]).toEqual([]);
  await head.context.close();
  await context.close();
});

it('gives a coordinator serving at a counter the case workspace, with only the actions they may take', async () => {
  const { hub, browser } = office;
  const { page, errors, context } = await signedIn(browser, hub.url, 'koor');
  await page.getByTestId('nav-counter').click();
  await takeCounter(page, 'Loket 2');
  await page.getByTestId('call-next').click();
  await waitForText(page.getByTestId('current-ticket-number'), 'B-001');
  await page.getByTestId('start-service').click();
  await waitForCaseStatus(page, 'open');
  // The intake is theirs to fill; actions of other roles (the head's recommendation) are absent.
  await page.getByTestId('case-visitor-name').fill('Andi Wijaya');
  expect(await page.getByTestId('case-handling').count()).toBe(1);
  expect(await page.getByTestId('case-recommend').count()).toBe(0);
  expect(await page.getByTestId('case-take').count()).toBe(0);
  await page.getByTestId('case-timeline').locator('[data-type="ticket.start"]').waitFor();
  await screenshot(page, 'counter-1366x768-coordinator');

  // Leaving the case for the case list with unsaved typing asks too; discarding goes on without it.
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('unsaved-dialog').waitFor();
  await page.getByTestId('unsaved-discard').click();
  await page.getByTestId('case-search-query').waitFor();
  await page.getByTestId('nav-counter').click();
  await waitForCaseStatus(page, 'open');
  expect(await page.getByTestId('case-visitor-name').inputValue()).toBe('');
  expect(errors).toEqual([]);
  await context.close();
});
