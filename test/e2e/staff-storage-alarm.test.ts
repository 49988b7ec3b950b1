// The staff app's storage alarm: when the hub's disk turns read-only (a real ext4 image the kernel turns
// read-only), a signed-in counter PC shows it at once, and a page opened during the fault shows it from its
// snapshot; the refusal of a change carries the same words.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { connect, type TestClient } from '../helpers/clients';
import { KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';
import { disposeMounts, ext4 } from '../helpers/mounts';
import { expectInViewport, screenshot } from '../helpers/screenshots';
import { COUNTER_PC, signedIn } from '../helpers/staffApp';

let hub: TestHub | undefined;
let browser: Browser | undefined;
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  try {
    await hub?.dispose();
  } finally {
    disposeMounts();
  }
});

it('shows the storage alarm while the hub cannot write, on a screen signed in before and one opened during the fault', async () => {
  const disk = ext4();
  mkdirSync(join(disk.dir, 'data'));
  hub = await startTestHub({ dataDir: join(disk.dir, 'data') });
  browser = await launchBrowser();
  const before = await signedIn(browser, hub.url, 'koor');
  expect(await before.page.getByTestId('storage-alarm').count()).toBe(0);

  disk.fail();
  // A kiosk connecting records its presence: the write that meets the read-only disk.
  clients.push(await connect(hub.url, { deviceKey: KIOSK_KEY }));
  const alarm = before.page.locator('[data-testid="storage-alarm"][data-state="read_only"]');
  await alarm.waitFor();
  expect(await alarm.textContent()).toContain('tidak dapat ditulisi');
  await expectInViewport(before.page, 'storage-alarm', COUNTER_PC.width, COUNTER_PC.height);
  await screenshot(before.page, 'staff-storage-alarm');

  // The same browser reloads: its session comes back with a snapshot that already carries the alarm.
  await before.page.reload();
  await before.page.locator('[data-testid="storage-alarm"][data-state="read_only"]').waitFor();
  expect(before.errors).toEqual([]);
});
