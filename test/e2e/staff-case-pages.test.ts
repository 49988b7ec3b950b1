// Lists longer than the staff snapshot carries: the coordinator's queue, the head's board and the case list
// show their first rows with how many there are, fetch the next page on request, find any case by search,
// and stay live as cases enter and leave them.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { CASE_LIST_ROWS } from '../../shared/domain/caseLists';
import { officeDay } from '../../shared/domain/officeTime';
import { casesOfAYear } from '../helpers/cases';
import { signIn } from '../helpers/clients';
import { screenshot } from '../helpers/screenshots';
import { setUpStaffOffice, signedIn, waitForText } from '../helpers/staffApp';

const office = setUpStaffOffice();

beforeAll(() => {
  casesOfAYear(office.hub.db, {
    today: officeDay(new Date(), 'Asia/Jakarta'),
    total: 600,
    leftOpen: [
      ['open', 40],
      ['escalated', 70],
      ['reported', 10],
      ['resolved', 5],
    ],
  });
});

const rows = (page: Page) => page.locator('[data-testid^="case-row-"]');
const rowCount = (page: Page, n: number) => expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(n);

function oldest(where: string): { id: number; revision: number; reference: string } {
  return office.hub.db.prepare(`SELECT id, revision, reference FROM cases WHERE ${where} ORDER BY id LIMIT 1`).get() as {
    id: number;
    revision: number;
    reference: string;
  };
}

// Two browsers and an officer's socket: about 15 s on an idle two-core machine.
it('pages the coordinator’s queue and keeps it live as cases enter and leave', { timeout: 120_000 }, async () => {
  const { page, errors, context } = await signedIn(office.browser, office.hub.url, 'koor');
  await waitForText(page.getByTestId('queue-count'), '70');
  await rowCount(page, CASE_LIST_ROWS);
  await waitForText(page.getByTestId('cases-shown'), `${CASE_LIST_ROWS} dari 70 kasus ditampilkan.`);
  await screenshot(page, 'queue-1366x768-paged');
  await page.getByTestId('cases-more').scrollIntoViewIfNeeded();
  await screenshot(page, 'queue-1366x768-paged-end');
  await page.getByTestId('cases-more').click();
  await rowCount(page, 2 * CASE_LIST_ROWS);
  await page.getByTestId('cases-more').click();
  await rowCount(page, 70);
  expect(await page.getByTestId('cases-more').count()).toBe(0);

  // An officer escalates an old open case: it enters the queue in its place; reporting the oldest escalated
  // one takes that out.
  const officer = await signIn(office.hub.url, 'hd1', 'sandi-hd1');
  const entering = oldest("status = 'open'");
  await officer.ok('case:escalate', { caseId: entering.id, revision: entering.revision, target: 'coordinator' });
  await page.getByTestId(`case-row-${entering.id}`).waitFor();
  await waitForText(page.getByTestId('queue-count'), '71');
  const leaving = oldest("status = 'escalated'");
  await officer.ok('case:report', { caseId: leaving.id, revision: leaving.revision, note: 'LKPP belum menjawab.' });
  await rowCount(page, 70);
  expect(await page.getByTestId(`case-row-${leaving.id}`).count()).toBe(0);
  await waitForText(page.getByTestId('queue-count'), '70');
  officer.close();
  expect(errors).toEqual([]);
  await context.close();
});

it('shows the head every case not closed a page at a time, counted by status, and filters through the hub', { timeout: 120_000 }, async () => {
  const { page, errors, context } = await signedIn(office.browser, office.hub.url, 'kepala');
  await waitForText(page.getByTestId('board-count-escalated'), '70');
  await waitForText(page.getByTestId('board-count-reported'), '11');
  await rowCount(page, CASE_LIST_ROWS);
  await waitForText(page.getByTestId('cases-shown'), `${CASE_LIST_ROWS} dari 125 kasus ditampilkan.`);
  await screenshot(page, 'board-1366x768-paged');
  // The oldest first.
  const first = oldest("status != 'closed'");
  expect(await rows(page).first().getAttribute('data-testid')).toBe(`case-row-${first.id}`);

  await page.getByTestId('board-filter-status').selectOption('reported');
  await rowCount(page, 11);
  expect(await page.getByTestId('cases-more').count()).toBe(0);
  // An owner's cases: a list the snapshot did not bring, fetched from the hub.
  await page.getByTestId('board-filter-status').selectOption('');
  await page.getByTestId('board-filter-owner').selectOption({ label: 'Petugas 2' });
  const hd2 = office.hub.db.prepare("SELECT count(*) AS n FROM cases c JOIN users u ON u.id = c.owner_id WHERE u.username = 'hd2' AND status != 'closed'").get() as { n: number };
  await rowCount(page, Math.min(hd2.n, CASE_LIST_ROWS));
  for (const owner of await page.locator('[data-testid^="case-row-"] .case-owner').allTextContents()) expect(owner).toBe('Petugas 2');
  expect(errors).toEqual([]);
  await context.close();
});

it('lists every case for the officer, their own open ones first, and finds one far beyond by search', { timeout: 120_000 }, async () => {
  const { page, errors, context } = await signedIn(office.browser, office.hub.url, 'hd1');
  await page.getByTestId('nav-cases').click();
  await rowCount(page, CASE_LIST_ROWS);
  expect(await rows(page).first().getAttribute('class')).toBe('mine');
  await waitForText(page.getByTestId('cases-shown'), `${CASE_LIST_ROWS} kasus ditampilkan; masih ada lagi.`);
  await screenshot(page, 'case-list-1366x768-paged');
  await page.getByTestId('cases-more').click();
  await rowCount(page, 2 * CASE_LIST_ROWS);

  const yearOld = oldest("status = 'closed'");
  await page.getByTestId('case-search-query').fill(yearOld.reference);
  await page.getByTestId('case-search-submit').click();
  await rowCount(page, 1);
  await page.getByTestId(`case-row-${yearOld.id}`).click();
  await waitForText(page.getByTestId('case-reference'), yearOld.reference);
  expect(errors).toEqual([]);
  await context.close();
});
