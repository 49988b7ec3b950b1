// The kiosk in real Chromium when things are not ordinary: too many taps, the office closed, the priority
// question, and the hub going away and coming back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { GOVERNMENT_HOURS } from '../../shared/domain/officeTime';
import type { StaffSnapshot } from '../../shared/protocol/events';
import { launchBrowser } from '../helpers/browser';
import { signIn } from '../helpers/clients';
import { FakeClock, startTestHub, testSeed, type TestHub } from '../helpers/hub';
import { openKiosk, PORTRAIT, textOf } from '../helpers/kiosk';

let browser: Browser;
let hub: TestHub | undefined;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await page?.context().close();
  await hub?.dispose();
  page = undefined;
  hub = undefined;
});

const tapA = (p: Page) => p.getByTestId('kiosk-service-A').click();

it('answers taps over the rate limit with a friendly message and no ticket', async () => {
  hub = await startTestHub({ seed: testSeed(1, { settings: { kioskRateLimitPerMinute: 2 } }) });
  page = await openKiosk(browser, hub.url);
  await tapA(page);
  expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-001');
  await tapA(page);
  await expect.poll(() => textOf(page as Page, 'kiosk-ticket-number')).toBe('A-002');
  await tapA(page);
  const message = page.getByTestId('kiosk-message');
  await message.waitFor();
  expect(await message.getAttribute('data-code')).toBe('KIOSK_RATE_LIMITED');
  expect(await message.textContent()).toContain('Mohon tunggu sebentar');
  expect(await page.getByTestId('kiosk-ticket-number').count()).toBe(0);
  const staff = await signIn(hub.url, 'hd1', 'sandi-hd1');
  expect((staff.snapshots[0] as StaffSnapshot).tickets.map((t) => t.number)).toEqual(['A-001', 'A-002']);
  staff.close();
});

it('says when the office opens again outside opening hours, and offers no button', async () => {
  // Saturday 28 November 2026, 10:00 WIB: closed until Monday 08:00 WIB.
  const clock = new FakeClock(Date.parse('2026-11-28T03:00:00Z'));
  hub = await startTestHub({ clock, seed: testSeed(1, { settings: { openingHours: GOVERNMENT_HOURS } }) });
  page = await openKiosk(browser, hub.url, { viewport: PORTRAIT, ready: false });
  const closed = page.getByTestId('kiosk-closed');
  await closed.waitFor();
  expect(await closed.getAttribute('data-opens-at')).toBe('2026-11-30T01:00:00.000Z');
  expect(await closed.textContent()).toMatch(/Senin, 30 November 2026.*08\.00 WIB/);
  expect(await page.getByTestId('kiosk-service-A').count()).toBe(0);
  expect(await page.locator('body').textContent()).not.toContain('Sentuh layanan');
});

it('asks the priority question when the option is on, and queues a priority ticket first', async () => {
  hub = await startTestHub({ seed: testSeed(1, { settings: { priorityEnabled: true } }) });
  page = await openKiosk(browser, hub.url);
  await tapA(page);
  await page.getByTestId('kiosk-priority-none').click();
  expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-001');
  await tapA(page);
  await page.getByTestId('kiosk-priority-lansia').click();
  await expect.poll(() => textOf(page as Page, 'kiosk-ticket-number')).toBe('A-002');
  expect(await textOf(page, 'kiosk-ticket-ahead')).toBe('0');
});

// A hub restart and the kiosk's reconnection take a while on a busy machine.
it('says it is offline while the hub is down, issues nothing, and works again by itself when the hub is back', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'antrian-kiosk-'));
  try {
    hub = await startTestHub({ dataDir });
    const port = hub.port;
    page = await openKiosk(browser, hub.url);
    await hub.stop();
    hub = undefined;
    await page.getByTestId('kiosk-offline').waitFor();
    expect(await page.getByTestId('kiosk-service-A').isDisabled()).toBe(true);
    await page.getByTestId('kiosk-service-A').click({ force: true });
    expect(await page.getByTestId('kiosk-ticket-number').count()).toBe(0);

    hub = await startTestHub({ dataDir, port });
    await page.getByTestId('kiosk-offline').waitFor({ state: 'detached', timeout: 60_000 });
    await tapA(page);
    // Nothing was issued while the hub was down: this is the day's first number.
    expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-001');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
