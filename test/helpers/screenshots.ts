// Screenshots of the main screens at their target sizes, for a person to look at after the run. They go to
// test/screenshots/ (ignored by git, kept after the run: each run overwrites its own files).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './hub';

export const SCREENSHOT_DIR = join(ROOT, 'test', 'screenshots');

/** Writes `<name>.png` of what the viewport shows (the full page too when `fullPage`). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/** Where an element lies in the viewport, for "visible without scrolling" checks. */
export async function box(page: Page, testId: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await page.getByTestId(testId).first().boundingBox();
  if (!found) throw new Error(`${testId} is not on screen`);
  return found;
}

/** Lies wholly inside a viewport of this size, as the page is scrolled now. */
export async function expectInViewport(page: Page, testId: string, width: number, height: number): Promise<void> {
  const b = await box(page, testId);
  const inside = b.x >= 0 && b.y >= 0 && b.x + b.width <= width && b.y + b.height <= height;
  if (!inside) throw new Error(`${testId} at ${JSON.stringify(b)} is outside the ${width}×${height} viewport`);
}
