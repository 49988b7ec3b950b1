// The visitor's own page in real Chromium: the QR on the kiosk's screen (read from a screenshot) and on the
// paper (read from the printer's ESC/POS bytes) give one address; a phone opened at it follows the ticket
// live, is told where to go when called, and answers the survey once. A counter's survey tablet offers the
// visit it just finished.
import { gzipSync } from 'node:zlib';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { computeIkm, SKM_ELEMENTS, totalsOf, type SkmAnswers } from '../../shared/domain/skm';
import { launchBrowser } from '../helpers/browser';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, KIOSK_KEY, type TestHub } from '../helpers/hub';
import { openKiosk, PORTRAIT, textOf } from '../helpers/kiosk';
import { startPrintingHub, type FakePrinter } from '../helpers/printer';
import { screenshot } from '../helpers/screenshots';
import { signedIn, waitForData } from '../helpers/staffApp';

const PHONE = { width: 390, height: 844 };

let browser: Browser;
let hub: TestHub;
let printer: FakePrinter;
let admin: TestClient;
let officer: TestClient;
const clients: TestClient[] = [];
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ hub, printer } = await startPrintingHub(80));
  admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  // Phones reach this hub on the loopback address in the test.
  await admin.ok('settings:update', { settings: { publicUrl: hub.url } });
  officer = await signIn(hub.url, 'hd1', 'sandi-hd1');
  await officer.ok('counter:open', { counterId: 1 });
  clients.push(admin, officer);
});

afterAll(async () => {
  for (const p of pages) await p.context().close();
  for (const c of clients) c.close();
  await browser?.close();
  await hub?.dispose();
  await printer?.stop();
});

/** The text of the QR code stored by ESC/POS `GS ( k` (cn 49, fn 80: store the symbol data). */
function escposQrText(job: Buffer): string {
  const at = job.indexOf(Buffer.from([0x1d, 0x28, 0x6b]));
  for (let i = at; i >= 0; i = job.indexOf(Buffer.from([0x1d, 0x28, 0x6b]), i + 1)) {
    const length = (job[i + 3] as number) + (job[i + 4] as number) * 256;
    if (job[i + 5] === 49 && job[i + 6] === 80) return job.subarray(i + 8, i + 5 + length).toString('latin1');
  }
  throw new Error('the printed ticket has no QR data');
}

/** Decodes the QR in a PNG screenshot with a QR reader, as a phone's camera would. */
function readQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!found) throw new Error('no QR code found in the screenshot');
  return found.data;
}

async function phoneAt(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  // Records the phone's vibrations: Chromium without a vibration motor would otherwise ignore them.
  await context.addInitScript(() => {
    const log: unknown[] = [];
    (window as unknown as { __vibrations: unknown[] }).__vibrations = log;
    navigator.vibrate = ((pattern: unknown) => (log.push(pattern), true)) as Navigator['vibrate'];
  });
  const page = await context.newPage();
  pages.push(page);
  await page.goto(url);
  return page;
}

const vibrations = (page: Page) => page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length);

async function answerSurvey(page: Page, value: (i: number) => number): Promise<void> {
  for (const [i, u] of SKM_ELEMENTS.entries()) {
    await expect.poll(() => page.getByTestId('survey-submit').isDisabled()).toBe(true);
    await page.getByTestId(`survey-${u}-${value(i)}`).click();
  }
}

it('carries one address on screen and on paper; the phone follows the ticket live and answers the survey once', async () => {
  const kioskSocket = await connect(hub.url, { deviceKey: KIOSK_KEY });
  clients.push(kioskSocket);
  const before = await kioskSocket.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });

  const kiosk = await openKiosk(browser, hub.url, { viewport: PORTRAIT });
  pages.push(kiosk);
  await kiosk.getByTestId('kiosk-service-A').click();
  const number = await textOf(kiosk, 'kiosk-ticket-number');
  await kiosk.getByTestId('ticket-qr').waitFor();
  await screenshot(kiosk, 'kiosk-ticket-qr-800x1280');
  const onScreen = readQr(await kiosk.getByTestId('ticket-qr').screenshot());
  const onPaper = escposQrText(await printer.waitForJob(number));
  expect(onScreen).toBe(onPaper);
  expect(onScreen).toMatch(new RegExp(`^${hub.url}/v/[A-Za-z0-9_-]{22}$`));

  const phone = await phoneAt(onScreen);
  expect(await textOf(phone, 'visitor-ticket-number')).toBe(number);
  await expect.poll(() => textOf(phone, 'visitor-ahead')).toBe('1');
  expect(await phone.getByTestId('visitor-status').getAttribute('data-status')).toBe('waiting');
  await screenshot(phone, 'visitor-waiting-390x844');

  // The one ahead is served: the phone counts down by itself.
  await officer.ok('ticket:callNext', { counterId: 1 });
  await officer.ok('ticket:start', { counterId: 1, ticketId: before.ticket.id });
  await expect.poll(() => textOf(phone, 'visitor-ahead')).toBe('0');
  await officer.ok('ticket:finish', { counterId: 1, ticketId: before.ticket.id });

  // Called: where to go, at once, with a vibration; a recall vibrates again.
  const called = await officer.ok('ticket:callNext', { counterId: 1 });
  expect(called.number).toBe(number);
  await phone.getByTestId('visitor-called').waitFor();
  expect(await textOf(phone, 'visitor-called-counter')).toBe('Loket 1');
  await expect.poll(() => vibrations(phone)).toBe(1);
  await screenshot(phone, 'visitor-called-390x844');
  await officer.ok('ticket:recall', { counterId: 1, ticketId: called.id });
  await expect.poll(() => vibrations(phone)).toBe(2);
  await phone.getByTestId('visitor-lang-en').click();
  await expect.poll(() => phone.getByTestId('visitor-called').textContent()).toContain('Please go to');
  await phone.getByTestId('visitor-lang-id').click();

  await officer.ok('ticket:start', { counterId: 1, ticketId: called.id });
  await expect.poll(() => phone.getByTestId('visitor-called').count()).toBe(0);
  await officer.ok('ticket:finish', { counterId: 1, ticketId: called.id });

  // After the visit: the survey, sendable once all nine are answered.
  await phone.getByTestId('survey-form').waitFor();
  await answerSurvey(phone, (i) => 1 + (i % 4));
  await phone.getByTestId('survey-education').selectOption('s1');
  await screenshot(phone, 'visitor-survey-390x844', true);
  await phone.getByTestId('survey-submit').click();
  await phone.getByTestId('survey-thanks').waitFor();
  expect(await phone.getByTestId('survey-form').count()).toBe(0);
  await screenshot(phone, 'visitor-thanks-390x844');
  const stored = hub.db.prepare(`SELECT ${SKM_ELEMENTS.join(', ')}, education, via FROM survey_answers`).all();
  expect(stored).toEqual([{ u1: 1, u2: 2, u3: 3, u4: 4, u5: 1, u6: 2, u7: 3, u8: 4, u9: 1, education: 's1', via: 'phone' }]);

  // A second answer is refused, and the page opened again offers no form.
  const again = await connect(hub.url, { visitorCode: onScreen.split('/').pop() as string });
  clients.push(again);
  const answers = Object.fromEntries(SKM_ELEMENTS.map((u) => [u, 4])) as Record<(typeof SKM_ELEMENTS)[number], 4>;
  expect(await again.request('survey:submit', { answers })).toMatchObject({ ok: false, error: { code: 'SURVEY_ALREADY_ANSWERED' } });
  await phone.reload();
  await phone.getByTestId('survey-thanks').waitFor();
  expect(await phone.getByTestId('survey-form').count()).toBe(0);
  expect(hub.db.prepare('SELECT count(*) AS n FROM survey_answers').get()).toEqual({ n: 1 });
});

it("shows the survey on the counter's tablet for the visit it just finished, then thanks", async () => {
  const made = await admin.ok('admin:deviceCreate', { requestId: requestId(), kind: 'survey', name: 'Tablet Loket 1', printer: null, counterId: 1 });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  const tablet = await context.newPage();
  pages.push(tablet);
  await tablet.goto(`${hub.url}${made.path}`);
  await tablet.getByTestId('survey-rest').waitFor();

  const kioskSocket = await connect(hub.url, { deviceKey: KIOSK_KEY });
  clients.push(kioskSocket);
  const visit = await kioskSocket.ok('ticket:issue', { requestId: requestId(), serviceCode: 'B' });
  await officer.ok('ticket:callSpecific', { counterId: 1, ticketId: visit.ticket.id });
  await officer.ok('ticket:start', { counterId: 1, ticketId: visit.ticket.id });
  await officer.ok('ticket:finish', { counterId: 1, ticketId: visit.ticket.id });

  await tablet.getByTestId('survey-form').waitFor();
  expect(await textOf(tablet, 'survey-visit')).toContain(visit.ticket.number);
  await answerSurvey(tablet, () => 3);
  await screenshot(tablet, 'survey-tablet-1280x800');
  await tablet.getByTestId('survey-submit').click();
  await tablet.getByTestId('survey-thanks').waitFor();
  expect(hub.db.prepare("SELECT service_code, via, u5 FROM survey_answers WHERE via = 'tablet'").all()).toEqual([
    { service_code: 'B', via: 'tablet', u5: 3 },
  ]);
});

it('gives a made-up code a friendly page, and keeps the page small', async () => {
  const phone = await phoneAt(`${hub.url}/v/this-is-not-a-real-ticket-code`);
  await phone.getByTestId('visitor-unknown').waitFor();
  expect(await phone.getByTestId('visitor-unknown').getAttribute('data-code')).toBe('VISITOR_CODE_UNKNOWN');
  await screenshot(phone, 'visitor-unknown-390x844');

  // A phone on the office Wi-Fi loads all of it: the scripts stay under 120 kB compressed.
  const html = await (await fetch(`${hub.url}/v/x`)).text();
  let bytes = 0;
  for (const [, src] of html.matchAll(/src="([^"]+\.js)"/g)) bytes += gzipSync(Buffer.from(await (await fetch(`${hub.url}${src}`)).arrayBuffer())).length;
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThan(120 * 1024);
});

it("shows the head the day's IKM with its grade, and the admin can take the QR off the ticket", async () => {
  const stored = hub.db.prepare(`SELECT ${SKM_ELEMENTS.join(', ')} FROM survey_answers`).all() as SkmAnswers[];
  const expected = computeIkm(totalsOf(stored));
  const head = await signedIn(browser, hub.url, 'kepala');
  pages.push(head.page);
  await waitForData(head.page, 'board-ikm-today', 'grade', expected.grade as string);
  expect(await textOf(head.page, 'board-ikm-today')).toContain((expected.ikm as number).toFixed(2));
  await screenshot(head.page, 'head-board-ikm-1366x768');

  const adminPage = await signedIn(browser, hub.url, 'admin');
  pages.push(adminPage.page);
  await adminPage.page.getByTestId('nav-admin').click();
  await adminPage.page.getByTestId('admin-tab-settings').click();
  await adminPage.page.getByTestId('settings-ticket-qr').uncheck();
  await adminPage.page.getByTestId('settings-save').click();
  await adminPage.page.getByTestId('settings-saved').waitFor();

  const kiosk = await openKiosk(browser, hub.url, { viewport: PORTRAIT });
  pages.push(kiosk);
  await kiosk.getByTestId('kiosk-service-B').click();
  const number = await textOf(kiosk, 'kiosk-ticket-number');
  const job = await printer.waitForJob(number);
  expect(job.includes(Buffer.from([0x1d, 0x28, 0x6b]))).toBe(false);
  expect(await kiosk.getByTestId('ticket-qr').count()).toBe(0);
});
