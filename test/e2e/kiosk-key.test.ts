// A kiosk installed with a key the hub does not know yet: it says so, and starts working by itself once an
// admin adds the key — nobody has to walk to the lobby and reload it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertDevice } from '../../hub/db';
import { launchBrowser } from '../helpers/browser';
import { startTestHub, type TestHub } from '../helpers/hub';
import { openKiosk, textOf } from '../helpers/kiosk';

const NEW_KEY = 'kunci-kiosk-baru';

let browser: Browser;
let hub: TestHub;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  hub = await startTestHub();
});

afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await hub?.dispose();
});

it('recovers from an unknown device key once the key is added, without a reload', { timeout: 60_000 }, async () => {
  page = await openKiosk(browser, hub.url, { key: NEW_KEY, ready: false });
  await page.getByTestId('kiosk-setup').waitFor();
  insertDevice(hub.db, { name: 'Kiosk Lantai 2', kind: 'kiosk', key: NEW_KEY, printer: null, counterId: null, createdAt: new Date().toISOString() });
  // The kiosk asks again every 30 s while refused.
  await page.getByTestId('kiosk-service-A').waitFor({ timeout: 40_000 });
  expect(await page.getByTestId('kiosk-setup').count()).toBe(0);
  await page.getByTestId('kiosk-service-A').click();
  expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-001');
});
