// The counter console's queue actions in real Chromium: pause/resume, call next, recall, no-show, requeue,
// function keys, call a specific ticket, transfer, a refusal in the hub's words, and a kiosk printer fault
// with its reprint.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { connect, type TestClient } from '../helpers/clients';
import { KIOSK_KEY, startTestHub, testSeed, type TestHub } from '../helpers/hub';
import { startFakePrinter, type FakePrinter } from '../helpers/printer';
import { screenshot } from '../helpers/screenshots';
import { issue, signedIn, takeCounter, waitForData, waitForEnabled, waitForText } from '../helpers/staffApp';

let hub: TestHub;
let browser: Browser;
let kiosk: TestClient;
let printer: FakePrinter;

beforeAll(async () => {
  printer = await startFakePrinter();
  const kioskPrinter = { host: '127.0.0.1', port: printer.port, width: 80 as const };
  hub = await startTestHub({
    seed: testSeed(3, { devices: [{ name: 'Kiosk Lobi', kind: 'kiosk', key: KIOSK_KEY, printer: kioskPrinter }] }),
  });
  browser = await launchBrowser();
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
});

afterAll(async () => {
  kiosk?.close();
  await browser?.close();
  await hub?.dispose();
  await printer?.stop();
});

it('works the queue from the console: buttons enabled only when legal, function keys, and refusals shown', async () => {
  for (const service of ['A', 'A', 'B']) await issue(kiosk, service);
  const { page, errors, context } = await signedIn(browser, hub.url, 'hd1');
  const current = page.getByTestId('current-ticket-number');
  await takeCounter(page, 'Loket 1');
  await waitForText(page.getByTestId('waiting-count-A'), '2');
  await waitForText(page.getByTestId('waiting-count-B'), '1');
  await page.getByTestId('shortcut-help').waitFor();

  // Pause needs a reason; a paused counter cannot call.
  await waitForEnabled(page.getByTestId('pause'), false);
  await page.getByTestId('pause-reason').selectOption('sholat');
  await page.getByTestId('pause').click();
  await waitForData(page, 'counter-state', 'state', 'paused');
  await waitForEnabled(page.getByTestId('call-next'), false);
  await page.getByTestId('resume').click();
  await waitForData(page, 'counter-state', 'state', 'open');

  // Call, recall twice (counted), no-show; then the no-show comes back and is requeued behind the others.
  await waitForEnabled(page.getByTestId('recall'), false);
  await page.getByTestId('call-next').click();
  await waitForText(current, 'A-001');
  await waitForEnabled(page.getByTestId('call-next'), false);
  await page.getByTestId('recall').click();
  await waitForText(page.getByTestId('recall-count'), '1');
  await page.getByTestId('recall').click();
  await waitForText(page.getByTestId('recall-count'), '2');
  await page.getByTestId('no-show').click();
  await waitForText(current, '—');
  await page.getByTestId('requeue-A-001').click();
  await page.getByTestId('waiting-row-A-001').waitFor();

  // Function keys: F2 calls the next, F7 starts, F8 finishes.
  await page.keyboard.press('F2');
  await waitForText(current, 'A-002');
  await page.keyboard.press('F7');
  await waitForData(page, 'current-ticket-status', 'status', 'serving');
  await page.keyboard.press('F8');
  await waitForText(current, '—');
  await waitForText(page.getByTestId('tally-served'), '1');
  await waitForText(page.getByTestId('tally-no-show'), '0');

  // Out of order: A-001 (requeued, behind B-001) is called by choice, then transferred to service B.
  await waitForEnabled(page.getByTestId('call-specific'), false);
  await page.getByTestId('waiting-row-A-001').click();
  await page.getByTestId('call-specific').click();
  await waitForText(current, 'A-001');
  await page.getByTestId('transfer').click();
  await waitForEnabled(page.getByTestId('transfer-confirm'), false);
  await page.getByTestId('transfer-service').selectOption('B');
  await page.getByTestId('transfer-confirm').click();
  await waitForText(current, '—');
  await waitForText(page.getByTestId('waiting-count-B'), '2');
  await waitForText(page.getByTestId('waiting-count-A'), '0');

  // A second officer sees who holds Loket 1 and cannot pick it.
  const other = await signedIn(browser, hub.url, 'hd2');
  const loket1 = other.page.getByTestId('counter-select').locator('option', { hasText: 'Loket 1' });
  await expect.poll(() => loket1.isDisabled()).toBe(true);
  await other.page.getByText('Loket 1: dipakai Petugas 1').waitFor();
  expect(await other.page.getByTestId('counter-select').locator('option', { hasText: 'Loket 2' }).isDisabled()).toBe(false);
  expect([...errors, ...other.errors]).toEqual([]);
  await other.context.close();
  await context.close();
});

it('shows a kiosk printer fault once per ticket; a reprint clears it, and a closed notice is recorded', async () => {
  const { ticket } = await issue(kiosk, 'A');
  const { page, errors, context } = await signedIn(browser, hub.url, 'hd3');
  await takeCounter(page, 'Loket 3');
  await page.getByTestId(`waiting-row-${ticket.number}`).waitFor();
  // The kiosk has a printer: its waiting tickets can be reprinted from the list.
  await page.getByTestId('waiting-row-' + ticket.number).getByTestId(`reprint-${ticket.number}`).waitFor();

  // Two failures of one ticket are one line with one reprint.
  for (let i = 0; i < 2; i++) {
    await kiosk.ok('print:fault', { ticketId: ticket.id, code: 'PRINTER_PAPER_OUT', message: 'Kertas printer habis.' });
  }
  const fault = page.getByTestId('printer-fault');
  await expect.poll(async () => (await fault.textContent()) ?? '').toContain('2×');
  expect(await fault.textContent()).toContain('Kiosk Lobi');
  expect(await fault.locator('li').count()).toBe(1);
  expect(await page.getByTestId(`reprint-${ticket.number}`).count()).toBe(1);
  await fault.getByTestId(`reprint-${ticket.number}`).click();
  await printer.waitForJob(ticket.number);
  await fault.waitFor({ state: 'detached' });

  // A fault dealt with otherwise (the number written down for the visitor) is closed by hand.
  const { ticket: other } = await issue(kiosk, 'B');
  await kiosk.ok('print:fault', { ticketId: other.id, code: 'PRINTER_UNREACHABLE', message: 'unreachable' });
  // A known fault is worded in the staff member's language, not in the driver's words.
  await expect.poll(async () => (await fault.textContent()) ?? '').toContain('Printer tidak dapat dihubungi.');
  expect(await fault.textContent()).not.toContain('unreachable');
  await page.getByTestId('lang-toggle').click();
  await expect.poll(async () => (await fault.textContent()) ?? '').toContain('The printer cannot be reached.');
  await screenshot(page, 'counter-1366x768-printer-fault-english');
  await page.getByTestId(`printer-fault-close-${other.number}`).click();
  await fault.waitFor({ state: 'detached' });
  const closed = hub.db
    .prepare('SELECT closed_at AS closedAt, closed_by AS closedBy FROM printer_faults WHERE ticket_id = ?')
    .all(other.id) as { closedAt: string | null; closedBy: number | null }[];
  expect(closed).toHaveLength(1);
  expect(closed[0]?.closedAt).not.toBeNull();
  expect(closed[0]?.closedBy).toBeGreaterThan(0);
  expect(hub.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'print.fault_close' AND ticket_id = ?`).get(other.id)).toEqual({ n: 1 });
  expect(errors).toEqual([]);
  await context.close();
});
