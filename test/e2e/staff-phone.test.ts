// The head checking on a phone (390×844): the board, the case list and a case fit the screen — the page is
// no wider than the viewport and every case row lies within it — without hiding what overflows.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { Case } from '../../shared/domain/types';
import { caseOfNewVisit } from '../helpers/cases';
import { signIn } from '../helpers/clients';
import { screenshot } from '../helpers/screenshots';
import { setUpStaffOffice, signedIn, waitForCaseStatus, waitForText } from '../helpers/staffApp';

const PHONE = { width: 390, height: 844 };
const office = setUpStaffOffice();
const cases: Case[] = [];

beforeAll(async () => {
  const hd2 = await signIn(office.hub.url, 'hd2', 'sandi-hd2');
  await hd2.ok('counter:open', { counterId: 2 });
  cases.push(
    await caseOfNewVisit(office.kiosk, hd2, 2, {
      visitorName: 'Bagus Setiawan Wicaksono Putra',
      visitorOrg: 'Bagian Pengadaan Barang/Jasa Sekretariat Daerah Kota Batam',
      title: 'Paket tender tidak muncul di daftar Pokja setelah pembaruan SPSE versi terbaru',
    }),
  );
  const second = await caseOfNewVisit(office.kiosk, hd2, 2, { visitorName: 'Rina Marlina', title: 'Lupa kata sandi' });
  cases.push(await hd2.ok('case:report', { caseId: second.id, revision: second.revision, note: 'Belum bisa direset.' }));
  hd2.close();
});

/** Not wider than the phone, with overflow left visible (hidden overflow would not count). */
async function expectFits(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    overflowX: getComputedStyle(document.body).overflowX,
  }));
  expect(widths.document).toBeLessThanOrEqual(PHONE.width);
  expect(widths.body).toBeLessThanOrEqual(PHONE.width);
  expect(widths.overflowX).toBe('visible');
}

async function expectRowsInside(page: Page): Promise<void> {
  for (const c of cases) {
    const b = await page.getByTestId(`case-row-${c.id}`).boundingBox();
    expect(b, `case-row-${c.id}`).not.toBeNull();
    if (!b) return;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width);
  }
}

it('shows the board, the case list and a case within 390 px', async () => {
  const { page, errors, context } = await signedIn(office.browser, office.hub.url, 'kepala', PHONE);
  await waitForText(page.getByTestId('board-count-reported'), '1');
  await expectFits(page);
  await expectRowsInside(page);
  await screenshot(page, 'phone-390-board', true);

  await page.getByTestId('nav-cases').click();
  await page.getByTestId(`case-row-${cases[0]?.id}`).waitFor();
  await expectFits(page);
  await expectRowsInside(page);
  await screenshot(page, 'phone-390-case-list', true);

  await page.getByTestId(`case-row-${cases[1]?.id}`).click();
  await waitForCaseStatus(page, 'reported');
  await page.getByTestId('case-recommend').waitFor();
  await expectFits(page);
  await screenshot(page, 'phone-390-case', true);
  expect(errors).toEqual([]);
  await context.close();
});
