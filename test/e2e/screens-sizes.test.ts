// The public screens at their target sizes: the TV at 1920×1080 read from 5 m (counter tiles at 48 px or
// more, a 60-character service name never cut, no-shows gone from the recent calls), and the kiosk on a
// 1366×768 landscape screen and a 1080×1920 portrait one, every service button in view. Each is
// photographed into test/screenshots/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { openDisplay, openQueue, type Queue } from '../helpers/display';
import { startTestHub, testSeed, type TestHub } from '../helpers/hub';
import { openKiosk } from '../helpers/kiosk';
import { expectInViewport, screenshot } from '../helpers/screenshots';

const LONG_NAME = 'Permintaan Informasi / Konsultasi Pengadaan Barang dan Jasa 2026';

let hub: TestHub;
let browser: Browser;
let queue: Queue;

beforeAll(async () => {
  expect(LONG_NAME.length).toBeGreaterThanOrEqual(60);
  const seed = testSeed(3, {
    services: [
      { code: 'A', name: 'Gangguan / Permasalahan' },
      { code: 'B', name: LONG_NAME },
    ],
    settings: { kioskRateLimitPerMinute: 10_000, runningText: 'Selamat datang di LPSE Kota Batam. Layanan gratis.' },
  });
  hub = await startTestHub({ seed });
  browser = await launchBrowser();
  queue = await openQueue(hub, 3);
});

afterAll(async () => {
  queue?.close();
  await browser?.close();
  await hub?.dispose();
});

/** The computed font sizes of every piece of text inside the elements matching `selector`. */
function textSizes(page: Page, selector: string): Promise<{ text: string; px: number }[]> {
  return page.locator(selector).evaluateAll((roots) =>
    roots.flatMap((root) =>
      [root, ...root.querySelectorAll('*')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
        .map((el) => ({ text: el.textContent?.trim() ?? '', px: parseFloat(getComputedStyle(el).fontSize) })),
    ),
  );
}

it('shows the TV legibly at 1920×1080, without the no-show among the recent calls', async () => {
  const [a1, a2] = [await queue.issue('A'), await queue.issue('A')];
  await queue.issue('B');
  await queue.officers[0]!.ok('ticket:callSpecific', { counterId: 1, ticketId: a1.id });
  await queue.officers[1]!.ok('ticket:callSpecific', { counterId: 2, ticketId: a2.id });
  await queue.officers[2]!.ok('counter:pause', { counterId: 3, reason: 'sholat' });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await openDisplay(page, hub);
  await expect.poll(() => page.getByTestId('display-history-item').count()).toBe(2);
  expect(await page.getByTestId('display-lang').count()).toBe(0);

  // A-001 did not come: it leaves the recent calls.
  await queue.officers[0]!.ok('ticket:noShow', { counterId: 1, ticketId: a1.id });
  await expect.poll(() => page.getByTestId('display-history-item').allTextContents()).toEqual([expect.stringContaining('A-002')]);

  const sizes = await textSizes(page, '[data-testid^="display-counter-"]');
  expect(sizes.length).toBeGreaterThanOrEqual(6);
  for (const s of sizes) expect(s.px, s.text).toBeGreaterThanOrEqual(48);
  const name = page.getByTestId('display-service-name-B');
  expect(await name.textContent()).toBe(LONG_NAME);
  const fits = await name.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, px: parseFloat(getComputedStyle(el).fontSize) }));
  expect(fits.scroll).toBeLessThanOrEqual(fits.client);
  expect(fits.px).toBeGreaterThanOrEqual(48);
  await screenshot(page, 'display-1920x1080');
  await page.close();
});

it('shows every kiosk service without scrolling on a 1366×768 landscape screen and in portrait', async () => {
  for (const [name, viewport] of [
    ['kiosk-1366x768-landscape', { width: 1366, height: 768 }],
    ['kiosk-1080x1920-portrait', { width: 1080, height: 1920 }],
  ] as const) {
    const page = await openKiosk(browser, hub.url, { viewport });
    for (const code of ['A', 'B']) await expectInViewport(page, `kiosk-service-${code}`, viewport.width, viewport.height);
    const scroll = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
    expect(scroll.h).toBeLessThanOrEqual(viewport.height);
    expect(scroll.w).toBeLessThanOrEqual(viewport.width);
    await screenshot(page, name);
    await page.context().close();
  }
});
