// The hub is killed (SIGKILL, as a power cut or a crash would) and started again: the display says so
// quietly while it is gone, then shows the right state by itself, without a reload.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { signIn } from '../helpers/clients';
import { openDisplay, openQueue, spoken, waitForAnnouncements, type Queue } from '../helpers/display';
import { ADMIN_PASSWORD, testSeed } from '../helpers/hub';
import { exited, freePort, spawnHub, type HubProcess } from '../helpers/hubProcess';

const dataDir = mkdtempSync(join(tmpdir(), 'antrian-display-killed-'));
let env: Record<string, string>;
let hub: HubProcess;
let restarted: HubProcess | undefined;
let browser: Browser;
let page: Page;
let queue: Queue;

beforeAll(async () => {
  const seedFile = join(dataDir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(testSeed()));
  env = { PORT: String(await freePort()), ANTRIAN_DATA_DIR: dataDir, ANTRIAN_SEED: seedFile, ANTRIAN_ADMIN_PASSWORD: ADMIN_PASSWORD };
  hub = await spawnHub(env);
  browser = await launchBrowser();
  queue = await openQueue(hub, 1);
  page = await browser.newPage();
  await openDisplay(page, hub, '?debug=1&audio=instant');
});

afterAll(async () => {
  queue?.close();
  await browser?.close();
  for (const h of [hub, restarted]) {
    if (h && h.child.exitCode === null && !h.child.signalCode) {
      h.child.kill('SIGTERM');
      await exited(h.child);
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

it('shows display-offline while the hub is down, then the current state without a reload', async () => {
  const a1 = await queue.issue('A');
  await queue.issue('A');
  await queue.officers[0]!.ok('ticket:callNext', { counterId: 1 });
  await waitForAnnouncements(page, [spoken(a1, 1)]);
  expect(await page.getByTestId('display-offline').count()).toBe(0);

  // A mark on this very document: a reload would wipe it.
  await page.evaluate(() => document.documentElement.setAttribute('data-before-restart', 'yes'));
  queue.close();
  hub.child.kill('SIGKILL');
  await exited(hub.child);
  await page.getByTestId('display-offline').waitFor();
  // What was shown stays readable while the hub is away.
  expect(await page.getByTestId('display-now-number').textContent()).toBe('A-001');

  // Same port, same data: the queue moves on at once, whether or not the display is back yet.
  restarted = await spawnHub(env);
  const kiosk2 = await openQueue(restarted, 0);
  const loket1 = await signIn(restarted.url, 'hd1', 'sandi-hd1');
  try {
    await loket1.ok('ticket:noShow', { counterId: 1, ticketId: a1.id });
    const a2 = await loket1.ok('ticket:callNext', { counterId: 1 });
    await kiosk2.issue('A');
    await kiosk2.issue('B');

    await page.getByTestId('display-offline').waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => page.getByTestId('display-now-number').textContent()).toBe('A-002');
    expect(await page.getByTestId('display-now-counter').textContent()).toBe('Loket 1');
    await expect.poll(() => page.getByTestId('display-waiting-A').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('display-waiting-B').textContent()).toBe('1');
    // The call made while it was reconnecting is still announced.
    await waitForAnnouncements(page, [spoken(a2, 1)]);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-before-restart'))).toBe('yes');
  } finally {
    loket1.close();
    kiosk2.close();
  }
});
