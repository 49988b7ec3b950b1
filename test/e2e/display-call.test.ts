// The waiting room sees and hears a call: number, counter, recent calls, counters, counts, running text.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Ticket } from '../../shared/domain/types';
import { launchBrowser } from '../helpers/browser';
import { signIn } from '../helpers/clients';
import { announcements, openDisplay, openQueue, spoken, waitForAnnouncements, type Queue } from '../helpers/display';
import { ADMIN_PASSWORD, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let browser: Browser;
let page: Page;
let queue: Queue;
let a1: Ticket;

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchBrowser({ sound: true });
  queue = await openQueue(hub, 2);
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await openDisplay(page, hub);
});

afterAll(async () => {
  queue?.close();
  await browser?.close();
  await hub?.dispose();
});

it('shows A-001 called at Loket 2, lists it, counts it out of the waiting, and says it in Indonesian', async () => {
  a1 = await queue.issue('A');
  await queue.issue('A');
  await expect.poll(() => page.getByTestId('display-waiting-A').textContent()).toBe('2');

  await queue.officers[1]!.ok('ticket:callNext', { counterId: 2 });
  await expect.poll(() => page.getByTestId('display-now-number').textContent()).toBe('A-001');
  expect(await page.getByTestId('display-now-counter').textContent()).toBe('Loket 2');
  await expect.poll(() => page.getByTestId('display-waiting-A').textContent()).toBe('1');
  const history = page.getByTestId('display-history-item');
  expect(await history.first().textContent()).toContain('A-001');
  expect(await history.first().textContent()).toContain('Loket 2');
  expect(await page.getByTestId('display-counter-2').textContent()).toContain('A-001');

  await waitForAnnouncements(page, ['nomor antrian a satu silakan menuju loket dua']);
  expect(spoken(a1, 2)).toBe('nomor antrian a satu silakan menuju loket dua');
});

it('announces a recall again', async () => {
  const before = (await announcements(page)).length;
  const current = await queue.officers[1]!.ok('ticket:recall', { counterId: 2, ticketId: a1.id });
  expect(current.recallCount).toBe(1);
  await waitForAnnouncements(page, ['nomor antrian a satu silakan menuju loket dua', 'nomor antrian a satu silakan menuju loket dua']);
  expect((await announcements(page)).length).toBe(before + 1);
  expect(await page.getByTestId('display-now-number').textContent()).toBe('A-001');
  // One line per ticket and counter: the recall moves it up, it does not duplicate it.
  expect(await page.getByTestId('display-history-item').count()).toBe(1);
});

it('shows each open counter with what it serves, or that it is on a break', async () => {
  const loket1 = queue.officers[0]!;
  await loket1.ok('counter:pause', { counterId: 1, reason: 'istirahat' });
  const counter1 = page.getByTestId('display-counter-1');
  await expect.poll(() => counter1.getAttribute('data-state')).toBe('paused');
  expect(await counter1.textContent()).toContain('Istirahat');
  await loket1.ok('counter:resume', { counterId: 1 });
  await expect.poll(() => counter1.getAttribute('data-state')).toBe('open');
  expect(await page.getByTestId('display-counter-3').count()).toBe(0); // closed counters are not listed
});

it('shows the running text from the settings, the office name and the clock in WIB', async () => {
  const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD);
  try {
    await admin.ok('settings:update', { settings: { runningText: 'Selamat datang di LPSE Kota Batam' } });
  } finally {
    admin.close();
  }
  await expect.poll(() => page.getByTestId('display-running-text').textContent()).toBe('Selamat datang di LPSE Kota Batam');
  expect(await page.getByTestId('display-clock').textContent()).toMatch(/^\d\d\.\d\d WIB$/);
});
