// The Electron kiosk's bridge path end to end: a real hub, the kiosk page and the staff app in real
// Chromium, and a bridge injected into the kiosk page that hands each ticket to the shell's own printer
// code (electron/main/printer.ts) in this process, printing over TCP to a real fake printer. The kiosk's
// printer is the shell's alone: the hub has none configured for it.
import fsp from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createBridgePrinter } from '../../electron/main/printer';
import { ticketPrintSchema } from '../../shared/protocol/schemas';
import { launchBrowser } from '../helpers/browser';
import { KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';
import { startFakePrinter, type FakePrinter } from '../helpers/printer';
import { signedIn, takeCounter, type StaffPage } from '../helpers/staffApp';
import type { TicketPrint } from '../../shared/domain/types';

let browser: Browser;
let hub: TestHub;
let printer: FakePrinter;
let kiosk: Page;
let staff: StaffPage;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  hub = await startTestHub();
  printer = await startFakePrinter();
  const print = createBridgePrinter({ kind: 'network', host: '127.0.0.1', port: printer.port }, 80, {
    files: fsp,
    execFile: () => {
      throw new Error('no spooler here');
    },
  });
  const context = await browser.newContext();
  // What the preload and the main process do, minus Electron: the page's ticket crosses as unknown, is
  // validated with the shared schema, and printed by the shell's printer module.
  await context.exposeBinding('__shellPrint', (_source, raw: unknown) => {
    const parsed = ticketPrintSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, code: 'PRINTER_UNREACHABLE', message: 'invalid ticket' };
    return print(parsed.data as TicketPrint);
  });
  await context.addInitScript(() => {
    const w = window as unknown as { antrianBridge: unknown; __shellPrint: (t: unknown) => Promise<unknown> };
    w.antrianBridge = { printTicket: (ticket: unknown) => w.__shellPrint(ticket) };
  });
  kiosk = await context.newPage();
  await kiosk.goto(`${hub.url}/kiosk?key=${KIOSK_KEY}`);
  await kiosk.getByTestId('kiosk-service-A').waitFor();
  staff = await signedIn(browser, hub.url, 'hd1');
  await takeCounter(staff.page, 'Loket 1');
});

afterEach(async () => {
  await kiosk?.context().close();
  await staff?.context.close();
  await hub.dispose();
  await printer.stop();
});

const take = async (service: 'A' | 'B', number: string) => {
  await kiosk.getByTestId(`kiosk-service-${service}`).click();
  await expect.poll(() => kiosk.getByTestId('kiosk-ticket-number').textContent()).toBe(number);
};
const printState = () => kiosk.getByTestId('kiosk-ticket').getAttribute('data-print');
const faultBanner = () => staff.page.getByTestId('printer-fault');

it('a bridge print that works clears the kiosk’s open fault on the staff screen', async () => {
  await printer.stop();
  await take('A', 'A-001');
  await kiosk.getByTestId('kiosk-print-failed').waitFor();
  await expect.poll(async () => (await faultBanner().textContent()) ?? '').toContain('A-001');

  await printer.start();
  await take('A', 'A-002');
  await printer.waitForJob('A-002');
  await expect.poll(printState).toBe('printed');
  // The hub learned of the print (print:ok): the kiosk's fault is resolved and leaves the staff screen.
  await faultBanner().waitFor({ state: 'detached' });
  expect(hub.db.prepare("SELECT COUNT(*) AS n FROM printer_faults WHERE resolved_at IS NULL").get()).toEqual({ n: 0 });
  expect(staff.errors).toEqual([]);
});

it('staff reprint a bridge kiosk’s ticket from the counter, and the kiosk’s own printer prints it', async () => {
  await take('A', 'A-001');
  await printer.waitForJob('A-001');
  // The kiosk has no network printer, but its bridge is connected: staff are offered a reprint.
  const row = staff.page.getByTestId('waiting-row-A-001');
  await row.getByTestId('reprint-A-001').click();
  await expect.poll(() => printer.jobs.filter((j) => j.includes('A-001')).length).toBe(2);
  // The paper comes out before the kiosk's report of it is recorded: wait for the record.
  const printEvents = () =>
    (hub.db.prepare("SELECT type, data FROM events WHERE type LIKE 'print.%' ORDER BY id").all() as { type: string; data: string }[]).map(
      (e) => `${e.type} ${JSON.parse(e.data).via}`,
    );
  await expect.poll(printEvents).toEqual(['print.ok bridge', 'print.reprint bridge', 'print.ok bridge']);

  // The kiosk's shell goes away (PC off): the reprint is no longer offered.
  await kiosk.context().close();
  await row.getByTestId('reprint-A-001').waitFor({ state: 'detached' });
  expect(staff.errors).toEqual([]);
});
