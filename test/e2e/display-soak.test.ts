// Leak check (not a speed test): 5,000 calls through a real hub into one display page that runs all day.
// Its JS heap after a forced GC must not grow by 10 % between the first and the last thousand calls, and
// its recent-calls list and announcement log must stay bounded.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RECENT_CALLS } from '../../shared/domain/announcement';
import { ANNOUNCEMENT_LOG_SIZE } from '../../display/src/wiring';
import { launchBrowser } from '../helpers/browser';
import { announcements, openDisplay, openQueue, spoken, waitForAnnouncements, type Queue } from '../helpers/display';
import { FLAT_OUT_LIMITS, startTestHub, testSeed, type TestHub } from '../helpers/hub';

const COUNTERS = 5;
const ROUNDS = 5;
const CALLS_PER_ROUND = 1000;
const PER_COUNTER = CALLS_PER_ROUND / COUNTERS;

// The hub's SQLite file in memory-backed storage where there is one: this test is about the page, and
// a disk's fsyncs would only make it slow.
const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'antrian-soak-'));
let hub: TestHub;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
let queue: Queue;

beforeAll(async () => {
  // Kiosks and counters here issue and call flat out, far past any device's budget: the budgets are raised.
  hub = await startTestHub({ seed: testSeed(COUNTERS), dataDir, limits: FLAT_OUT_LIMITS });
  browser = await launchBrowser();
  queue = await openQueue(hub, COUNTERS);
  page = await browser.newPage();
  cdp = await page.context().newCDPSession(page);
  await openDisplay(page, hub, '?debug=1&audio=instant');
});

afterAll(async () => {
  queue?.close();
  await browser?.close();
  await hub?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

async function heapAfterGc(): Promise<number> {
  // Twice: the first collection can leave garbage that only a second one frees (weak references, finalizers).
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * One thousand calls from the counters in parallel, each then cancelled (the visitor left) — a cancelled call
 * stays among the recent calls, unlike a no-show, so the list is full to its bound — then one call to wait for.
 */
async function round(): Promise<void> {
  for (let i = 0; i < CALLS_PER_ROUND; i += 100) {
    await Promise.all(Array.from({ length: 100 }, (_, j) => queue.issue((i + j) % 2 ? 'B' : 'A')));
  }
  await Promise.all(
    queue.officers.map(async (officer, i) => {
      for (let n = 0; n < PER_COUNTER; n++) {
        const ticket = await officer.ok('ticket:callNext', { counterId: i + 1 });
        await officer.ok('ticket:cancel', { ticketId: ticket.id });
      }
    }),
  );
  // The display gets the hub's broadcasts in order: once this last call is announced, so is every other.
  const last = await queue.issue('A');
  await queue.officers[0]!.ok('ticket:callNext', { counterId: 1 });
  await waitForAnnouncements(page, [spoken(last, 1)], 30_000);
  await queue.officers[0]!.ok('ticket:cancel', { ticketId: last.id });
  await expect.poll(() => page.getByTestId('display-counter-1').textContent()).not.toContain(last.number);
}

it('keeps its heap and its lists bounded over 5,000 calls', { timeout: 150_000 }, async () => {
  await round();
  const first = await heapAfterGc();
  for (let r = 1; r < ROUNDS; r++) await round();
  const last = await heapAfterGc();

  expect(last, `heap after the first thousand calls ${first} bytes, after the last ${last}`).toBeLessThan(first * 1.1);
  expect(await announcements(page)).toHaveLength(ANNOUNCEMENT_LOG_SIZE);
  expect(await page.getByTestId('display-history-item').count()).toBe(RECENT_CALLS);
  expect(await page.getByTestId('display-waiting-A').textContent()).toBe('0');
});
