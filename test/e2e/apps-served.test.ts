// The hub serves the built apps, and each one reaches the hub from a real browser.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appSizes } from '../bench/run';
import { launchBrowser } from '../helpers/browser';
import { APPS_DIR, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

it('answers the health check once the database is open', async () => {
  const res = await fetch(`${hub.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true });
});

it('answers a malformed address with 400 and keeps serving', async () => {
  expect((await fetch(`${hub.url}/kiosk/%E0%A4%A`)).status).toBe(400);
  expect((await fetch(`${hub.url}/kiosk/..%2F..%2Fpackage.json`)).status).toBe(400);
  expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
});

it.each(['/kiosk', '/counter', '/display', '/v/some-code', '/survey'])('serves %s as a page that loads', async (path) => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(`${hub.url}${path}`);
  expect(res?.status()).toBe(200);
  await page.locator('#root > *').first().waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

// The benchmark's figure for each app as built: the page with the scripts and styles it loads first,
// gzipped (screens loaded on first use apart). A counter PC or a visitor's phone on the office Wi-Fi
// starts from these bytes.
it('keeps each app’s initial load within 100 KB gzip', () => {
  const sizes = appSizes(APPS_DIR);
  expect(sizes.map((s) => s.app)).toEqual(['kiosk', 'counter', 'display', 'visitor']);
  for (const s of sizes) expect(s.initialKb, `${s.app}: ${s.initialKb} KB`).toBeLessThanOrEqual(100);
});
