// Printing through the hub with real sockets, a real SQLite file and a real TCP server standing in for the
// kiosk's network printer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { DISPLAY_KEY, KIOSK_KEY, type TestHub } from '../helpers/hub';
import { cutsAfter, sizeBefore, startPrintingHub, type FakePrinter } from '../helpers/printer';
import type { StaffPatch, StaffSnapshot } from '../../shared/protocol/events';

const PLAIN_KIOSK_KEY = 'kiosk-key-lantai-2';

let hub: TestHub;
let printer: FakePrinter;
let kiosk: TestClient;
let staff: TestClient;
const open: TestClient[] = [];

beforeEach(async () => {
  ({ hub, printer } = await startPrintingHub(58, [{ name: 'Kiosk Lantai 2', kind: 'kiosk', key: PLAIN_KIOSK_KEY }]));
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  staff = await signIn(hub.url, 'hd1', 'sandi-hd1');
  open.push(kiosk, staff);
});

afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await hub.dispose();
  await printer.stop();
});

const issue = (client: TestClient, serviceCode = 'A') => client.ok('ticket:issue', { requestId: requestId(), serviceCode });
const eventTypes = (ticketId: number) =>
  (hub.db.prepare('SELECT type FROM events WHERE ticket_id = ? ORDER BY id').all(ticketId) as { type: string }[]).map((e) => e.type);
const faultsPatch = (match: (faults: NonNullable<StaffPatch['printerFaults']>) => boolean) =>
  staff.waitForPatch((p) => p.audience === 'staff' && p.printerFaults !== undefined && match(p.printerFaults));

describe('print:ticket', () => {
  it('prints the kiosk ticket once, number large, then a cut; a second request prints nothing', async () => {
    const { ticket } = await issue(kiosk);
    expect(await kiosk.ok('print:ticket', { ticketId: ticket.id })).toEqual({ ticketNumber: 'A-001', result: 'printed' });
    const job = await printer.waitForJob('A-001');
    expect(sizeBefore(job, 'A-001')?.width).toBeGreaterThanOrEqual(3);
    expect(sizeBefore(job, 'A-001')?.height).toBeGreaterThanOrEqual(3);
    expect(cutsAfter(job, 'A-001')).toBe(true);
    expect(job.includes('LPSE Kota Batam')).toBe(true);

    expect(await kiosk.request('print:ticket', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'TICKET_ALREADY_PRINTED' },
    });
    expect(printer.jobs).toHaveLength(1);
    expect(eventTypes(ticket.id)).toEqual(['ticket.issue', 'print.ticket', 'print.ok']);
  });

  it('answers other requests while the printer is still busy', async () => {
    const { ticket } = await issue(kiosk);
    const order: string[] = [];
    // The printer never answers the status query, so this print waits 500 ms before sending the ticket.
    const printing = kiosk.ok('print:ticket', { ticketId: ticket.id }).then(() => order.push('printed'));
    const next = issue(kiosk).then((t) => order.push(`issued ${t.ticket.number}`));
    await Promise.all([printing, next]);
    expect(order).toEqual(['issued A-002', 'printed']);
  });

  it('tells a kiosk without a printer that there is none, which is not a fault', async () => {
    const plain = await connect(hub.url, { deviceKey: PLAIN_KIOSK_KEY });
    open.push(plain);
    const { ticket } = await issue(plain);
    expect(await plain.ok('print:ticket', { ticketId: ticket.id })).toEqual({ ticketNumber: 'A-001', result: 'no_printer' });
    expect(await staff.request('print:reprint', { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: 'NO_PRINTER' } });
    expect((await staff.ok('sync:snapshot', {}) as StaffSnapshot).printerFaults).toEqual([]);
  });

  it("refuses another kiosk's ticket, and a reprint from a kiosk or the display", async () => {
    const plain = await connect(hub.url, { deviceKey: PLAIN_KIOSK_KEY });
    const display = await connect(hub.url, { deviceKey: DISPLAY_KEY });
    open.push(plain, display);
    const { ticket } = await issue(kiosk);
    expect(await plain.request('print:ticket', { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: 'TICKET_NOT_FOUND' } });
    expect(await kiosk.request('print:reprint', { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await display.request('print:reprint', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    const own = await issue(staff);
    expect(await staff.request('print:reprint', { ticketId: own.ticket.id })).toMatchObject({ ok: false, error: { code: 'NO_PRINTER' } });
  });
});

describe('printer faults', () => {
  it('records a fault staff see live, keeps the ticket, and a reprint once the printer is back resolves it', async () => {
    await printer.stop();
    const { ticket } = await issue(kiosk);
    const outcome = await kiosk.ok('print:ticket', { ticketId: ticket.id });
    expect(outcome).toMatchObject({ ticketNumber: 'A-001', result: 'fault', fault: { code: 'PRINTER_UNREACHABLE' } });
    const patch = await faultsPatch((faults) => faults.length === 1);
    expect(patch.audience === 'staff' && patch.printerFaults?.[0]).toMatchObject({
      deviceName: 'Kiosk Lobi',
      ticketId: ticket.id,
      ticketNumber: 'A-001',
      code: 'PRINTER_UNREACHABLE',
    });
    const later = await signIn(hub.url, 'hd2', 'sandi-hd2');
    open.push(later);
    expect((later.snapshots[0] as StaffSnapshot).printerFaults).toMatchObject([{ ticketNumber: 'A-001' }]);
    expect((later.snapshots[0] as StaffSnapshot).tickets).toMatchObject([{ number: 'A-001', status: 'waiting' }]);
    expect(kiosk.raw.some((frame) => frame.includes('printerFaults'))).toBe(false);

    await printer.start();
    expect(await staff.ok('print:reprint', { ticketId: ticket.id })).toEqual({ ticketNumber: 'A-001', result: 'printed' });
    await printer.waitForJob('A-001');
    await faultsPatch((faults) => faults.length === 0);
    expect(eventTypes(ticket.id)).toEqual(['ticket.issue', 'print.ticket', 'print.fault', 'print.reprint', 'print.ok']);
  });

  it('records a fault the kiosk shell reports from its own printer', async () => {
    const { ticket } = await issue(kiosk);
    expect(
      await kiosk.ok('print:fault', { ticketId: ticket.id, code: 'PRINTER_PAPER_OUT', message: 'USB printer: paper out' }),
    ).toEqual({});
    const patch = await faultsPatch((faults) => faults.length === 1);
    expect(patch.audience === 'staff' && patch.printerFaults?.[0]).toMatchObject({
      ticketNumber: 'A-001',
      code: 'PRINTER_PAPER_OUT',
      message: 'USB printer: paper out',
    });
    expect(await kiosk.request('print:fault', { ticketId: ticket.id, code: 'ON_FIRE' as never, message: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});
