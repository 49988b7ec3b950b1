// The kiosk in real Chromium takes a number with one tap and prints it exactly once: through the hub to a
// network printer (a real TCP server on 127.0.0.1 that, like many printers, never answers the status
// query), or through the Electron shell's bridge when the page has one.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { StaffSnapshot } from '../../shared/protocol/events';
import { launchBrowser } from '../helpers/browser';
import { signIn, type TestClient } from '../helpers/clients';
import { KIOSK_KEY, type TestHub } from '../helpers/hub';
import { openKiosk, PORTRAIT, textOf } from '../helpers/kiosk';
import { cutsAfter, sizeBefore, startPrintingHub, type FakePrinter } from '../helpers/printer';

let browser: Browser;
let hub: TestHub;
let printer: FakePrinter;
let staff: TestClient;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  ({ hub, printer } = await startPrintingHub(80));
  staff = await signIn(hub.url, 'hd1', 'sandi-hd1');
});

afterEach(async () => {
  await page?.context().close();
  staff.close();
  await hub.dispose();
  await printer.stop();
});

const tapA = () => page.getByTestId('kiosk-service-A').click();
const printState = () => page.getByTestId('kiosk-ticket').getAttribute('data-print');
const waitingA = (n: number) => staff.waitForPatch((p) => p.audience === 'staff' && p.waiting?.A === n);

it('takes A-001 with one tap, prints it large with a cut, and staff see the queue grow live', async () => {
  page = await openKiosk(browser, hub.url, { viewport: PORTRAIT });
  expect(page.url()).not.toContain('key=');
  expect(await page.evaluate(() => Object.values(localStorage))).toContain(KIOSK_KEY);
  expect(await textOf(page, 'kiosk-waiting-A')).toBe('0');

  await tapA();
  expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-001');
  expect(await textOf(page, 'kiosk-ticket-ahead')).toBe('0');
  expect(await textOf(page, 'kiosk-ticket-eta')).not.toBe('');
  expect(await textOf(page, 'kiosk-ticket-time')).toContain('WIB');
  await waitingA(1);
  await expect.poll(() => textOf(page, 'kiosk-waiting-A')).toBe('1');

  const job = await printer.waitForJob('A-001');
  const size = sizeBefore(job, 'A-001');
  expect(size?.width).toBeGreaterThanOrEqual(3);
  expect(size?.height).toBeGreaterThanOrEqual(3);
  expect(cutsAfter(job, 'A-001')).toBe(true);
  expect(job.includes('Jl. Engku Putri')).toBe(true);
  await expect.poll(printState).toBe('printed');
  expect(printer.jobs).toHaveLength(1);
});

it('keeps the number on screen when the printer is off, records the fault for staff, and prints again once it is back', async () => {
  await printer.stop();
  page = await openKiosk(browser, hub.url);
  await tapA();
  expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-001');
  await page.getByTestId('kiosk-print-failed').waitFor();
  expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-001');

  const faultPatch = await staff.waitForPatch((p) => p.audience === 'staff' && p.printerFaults?.length === 1);
  const fault = faultPatch.audience === 'staff' ? faultPatch.printerFaults?.[0] : undefined;
  expect(fault).toMatchObject({ ticketNumber: 'A-001', deviceName: 'Kiosk Lobi', code: 'PRINTER_UNREACHABLE' });
  expect((await staff.ok('sync:snapshot', {}) as StaffSnapshot).tickets).toMatchObject([{ number: 'A-001', status: 'waiting' }]);

  await printer.start();
  await tapA();
  expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-002');
  await printer.waitForJob('A-002');
  await expect.poll(printState).toBe('printed');
  expect(await page.getByTestId('kiosk-print-failed').count()).toBe(0);
  // The printer works again: the device's fault is resolved.
  await staff.waitForPatch((p) => p.audience === 'staff' && p.printerFaults?.length === 0);

  expect(await staff.ok('print:reprint', { ticketId: fault?.ticketId as number })).toEqual({ ticketNumber: 'A-001', result: 'printed' });
  const reprinted = await printer.waitForJob('A-001');
  expect(sizeBefore(reprinted, 'A-001')?.width).toBeGreaterThanOrEqual(3);
});

it('takes one number for a double tap', async () => {
  page = await openKiosk(browser, hub.url);
  await page.getByTestId('kiosk-service-A').dblclick();
  expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-001');
  await waitingA(1);
  await expect.poll(printState).toBe('printed');
  // The next visitor's tap takes the very next number: the double tap made no hidden second ticket.
  await tapA();
  await expect.poll(() => textOf(page, 'kiosk-ticket-number')).toBe('A-002');
  await printer.waitForJob('A-002');
  expect(printer.jobs.filter((j) => j.includes('A-001'))).toHaveLength(1);
});

it("prints through the Electron shell's bridge when there is one, and reports its failure to staff", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as { antrianBridge: unknown; __bridged: unknown[] };
    w.__bridged = [];
    w.antrianBridge = {
      printTicket: async (ticket: { ticketNumber: string }) => {
        w.__bridged.push(ticket);
        return ticket.ticketNumber === 'A-001' ? { ok: true } : { ok: false, code: 'PRINTER_PAPER_OUT', message: 'USB: paper out' };
      },
    };
  });
  page = await context.newPage();
  await page.goto(`${hub.url}/kiosk?key=${KIOSK_KEY}`);
  await tapA();
  expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-001');
  await expect.poll(printState).toBe('printed');
  const bridged = (await page.evaluate(() => (window as unknown as { __bridged: unknown[] }).__bridged)) as object[];
  expect(bridged).toMatchObject([{ ticketNumber: 'A-001', officeName: 'LPSE Kota Batam', serviceName: 'Gangguan / Permasalahan' }]);

  await tapA();
  expect(await textOf(page, 'kiosk-ticket-number')).toBe('A-002');
  await page.getByTestId('kiosk-print-failed').waitFor();
  const faults = await staff.waitForPatch((p) => p.audience === 'staff' && p.printerFaults?.length === 1);
  expect(faults.audience === 'staff' && faults.printerFaults?.[0]).toMatchObject({ ticketNumber: 'A-002', code: 'PRINTER_PAPER_OUT' });
  // The hub's own printer was never asked: the shell owns this kiosk's printer.
  expect(printer.jobs).toHaveLength(0);
});
