// The kiosk page in real Chromium, opened the way it is installed: once with its key in the address.
import type { Browser, Page } from 'playwright-core';
import { KIOSK_KEY } from './hub';

export const LANDSCAPE = { width: 1280, height: 800 };
export const PORTRAIT = { width: 800, height: 1280 };

export async function openKiosk(
  browser: Browser,
  hubUrl: string,
  options: { viewport?: { width: number; height: number }; key?: string; ready?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? LANDSCAPE, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${hubUrl}/kiosk?key=${encodeURIComponent(options.key ?? KIOSK_KEY)}`);
  if (options.ready ?? true) await page.getByTestId('kiosk-service-A').waitFor();
  return page;
}

/** The text of a test id once it is on screen. */
export async function textOf(page: Page, testId: string): Promise<string> {
  const el = page.getByTestId(testId);
  await el.waitFor();
  return (await el.textContent()) ?? '';
}
