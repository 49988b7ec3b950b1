// The Head of Unit's reports in Chromium: the head opens the section, chooses the period, sees the figures
// of what happened, downloads the CSV and the XLSX (which hold the same figures) and prints the monthly
// report with the office, the period and the head's name and NIP. A helpdesk officer has no such section.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { intake } from '../helpers/cases';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { FakeClock, KIOSK_KEY, startTestHub, testSeed, type TestHub } from '../helpers/hub';
import { parseCsvTables, readXlsxTables } from '../helpers/reports';
import { screenshot } from '../helpers/screenshots';
import { signedIn, waitForText } from '../helpers/staffApp';

let hub: TestHub;
let browser: Browser;
const clients: TestClient[] = [];
const clock = new FakeClock(Date.parse('2026-11-24T02:00:00Z')); // 09:00 WIB

beforeAll(async () => {
  hub = await startTestHub({ clock, seed: testSeed(3, { settings: { kioskRateLimitPerMinute: 10_000, headName: 'Dra. Siti Rahmawati, M.Si', headNip: '197205141998032004' } }) });
  browser = await launchBrowser();
  // A morning at counter 1: three visitors, one served with a case escalated to LKPP, one no-show, one waiting.
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const officer = await signIn(hub.url, 'hd1', 'sandi-hd1');
  clients.push(kiosk, officer);
  await officer.ok('counter:open', { counterId: 1 });
  const issue = () => kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' }).then((r) => r.ticket.id);
  const [served, absent] = [await issue(), await issue()];
  await issue();
  clock.advance(6 * 60_000);
  await officer.ok('ticket:callSpecific', { counterId: 1, ticketId: served });
  const { case: opened } = await officer.ok('ticket:start', { counterId: 1, ticketId: served });
  clock.advance(12 * 60_000);
  const saved = await officer.ok('case:intake', { caseId: opened.id, revision: opened.revision, intake: intake({ module: 'SPSE Penyedia' }) });
  await officer.ok('case:escalate', { caseId: saved.id, revision: saved.revision, target: 'lkpp', lpseSupportTicket: 'LPSE-77' });
  await officer.ok('ticket:finish', { counterId: 1, ticketId: served });
  await officer.ok('ticket:callSpecific', { counterId: 1, ticketId: absent });
  clock.advance(3 * 60_000);
  await officer.ok('ticket:noShow', { counterId: 1, ticketId: absent });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await hub?.dispose();
});

async function downloaded(page: Page, testId: string): Promise<{ name: string; data: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), data: readFileSync(path) };
}

it('shows the head the period’s figures, downloads both exports and prints the monthly report', { timeout: 120_000 }, async () => {
  const officer = await signedIn(browser, hub.url, 'hd1');
  expect(await officer.page.getByTestId('nav-reports').count()).toBe(0);
  await officer.context.close();

  const { page, context, errors } = await signedIn(browser, hub.url, 'kepala');
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-from').fill('2026-11-01');
  await page.getByTestId('report-to').fill('2026-11-30');
  await waitForText(page.getByTestId('report-issued'), '3');
  const figures: Record<string, string> = {
    'report-served': '1',
    'report-no-show': '1',
    'report-cancelled': '0',
    'report-transferred': '0',
    // All issued at 09:00, called at 09:06 and 09:18: the median of two, by nearest rank, is the first.
    'report-wait-avg': '12',
    'report-wait-p50': '6',
    'report-wait-p90': '18',
    'report-service-avg': '12',
    'report-cases-opened': '1',
    'report-cases-escalated': '1',
    'report-cases-reported': '0',
    'report-cases-closed': '0',
    'report-cases-open-now': '1',
    'report-ikm': '—',
    'report-survey-count': '0',
  };
  for (const [id, text] of Object.entries(figures)) await waitForText(page.getByTestId(id), text);
  await expect(page.getByTestId('report-row-service-A').textContent()).resolves.toContain('3');
  await page.getByTestId('report-row-counter-1').waitFor();
  await page.getByTestId('report-row-officer-hd1').waitFor();
  await screenshot(page, 'reports-1366x768');
  await screenshot(page, 'reports-1366x768-full', true);

  const csv = await downloaded(page, 'report-export-csv');
  expect(csv.name).toBe('laporan-2026-11-01-2026-11-30.csv');
  // For Excel with Indonesian regional settings: UTF-8 with its byte-order mark, fields split on `;`.
  expect([...csv.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvTables = parseCsvTables(csv.data.toString('utf8'));
  const xlsx = await downloaded(page, 'report-export-xlsx');
  expect(xlsx.name).toBe('laporan-2026-11-01-2026-11-30.xlsx');
  // The same text and whole figures (no IKM this morning, the one figure with decimals).
  expect(await readXlsxTables(xlsx.data)).toEqual(csvTables);
  const tickets = csvTables.find((t) => t.title === 'Antrian');
  expect(tickets?.rows[0]?.slice(0, 6)).toEqual(['3', '1', '1', '0', '0', '0']);

  // The print button prints the page; the print stylesheet shows the monthly report alone.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByTestId('report-print').click();
  await page.locator('body[data-printed="yes"]').waitFor();
  await page.emulateMedia({ media: 'print' });
  await waitForText(page.getByTestId('report-print-office'), 'LPSE Kota Batam');
  await waitForText(page.getByTestId('report-print-head'), 'Dra. Siti Rahmawati, M.Si');
  await waitForText(page.getByTestId('report-print-nip'), 'NIP. 197205141998032004');
  expect(await page.getByTestId('report-print-period').textContent()).toContain('November 2026');
  expect(await page.getByTestId('report-issued').isVisible()).toBe(false);
  await screenshot(page, 'reports-print', true);
  expect(errors).toEqual([]);
  await context.close();
});

it('says so, with a way out, when a period is refused or the section cannot be loaded', { timeout: 120_000 }, async () => {
  const { page, context } = await signedIn(browser, hub.url, 'kepala');
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-issued').waitFor();
  // An end before the start: the hub's refusal, in the head's language, where the figures would be.
  await page.getByTestId('report-from').fill('2026-11-20');
  await page.getByTestId('report-to').fill('2026-11-01');
  await waitForText(page.getByTestId('report-failed'), 'Tanggal akhir laporan tidak boleh sebelum tanggal awal.');
  await screenshot(page, 'reports-1366x768-refused');
  await context.close();

  // The reports' code cannot be fetched (the hub was upgraded, the LAN dropped): a notice with a reload,
  // and the rest of the app keeps working.
  const cut = await signedIn(browser, hub.url, 'kepala');
  await cut.context.route(/\/assets\/ReportsSection-[^/]*\.js$/, (route) => route.abort());
  await cut.page.getByTestId('nav-reports').click();
  await waitForText(cut.page.getByTestId('screen-failed'), 'Layar ini tidak dapat dimuat dari hub. Muat ulang');
  await screenshot(cut.page, 'staff-1366x768-screen-failed');
  await cut.page.getByTestId('nav-counter').click();
  await cut.page.getByTestId('counter-select').waitFor();
  await cut.context.close();
});
