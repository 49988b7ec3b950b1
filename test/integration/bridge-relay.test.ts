// The hub's side of the Electron kiosk's printer bridge, with real sockets and a real SQLite file: a
// bridge kiosk reports a print that worked (its open faults are resolved), staff see it can reprint while
// its bridge is connected, and a staff reprint reaches the kiosk's bridge and is recorded by its answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgePrintResult } from '../../shared/protocol/bridge';
import type { StaffSnapshot } from '../../shared/protocol/events';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';
import type { TicketPrint } from '../../shared/domain/types';

let hub: TestHub;
let staff: TestClient;
const open: TestClient[] = [];

beforeEach(async () => {
  hub = await startTestHub();
  staff = await signIn(hub.url, 'hd1', 'sandi-hd1');
  open.push(staff);
});

afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await hub.dispose();
});

/** A kiosk page in the Electron shell: its bridge answers every relayed print with `answer`. */
async function bridgeKiosk(answer: (t: TicketPrint) => unknown): Promise<{ client: TestClient; printed: TicketPrint[] }> {
  const client = await connect(hub.url, { deviceKey: KIOSK_KEY, bridge: true });
  open.push(client);
  const printed: TicketPrint[] = [];
  client.socket.on('print:bridge', (ticket, ack) => {
    printed.push(ticket);
    ack(answer(ticket) as BridgePrintResult);
  });
  return { client, printed };
}

const kioskId = () => (hub.db.prepare("SELECT id FROM devices WHERE name = 'Kiosk Lobi'").get() as { id: number }).id;
const openFaults = () => (hub.db.prepare('SELECT COUNT(*) AS n FROM printer_faults WHERE resolved_at IS NULL AND closed_at IS NULL').get() as { n: number }).n;
const eventTypes = (ticketId: number) =>
  (hub.db.prepare('SELECT type, data FROM events WHERE ticket_id = ? ORDER BY id').all(ticketId) as { type: string; data: string }[]).map(
    (e) => `${e.type} ${JSON.parse(e.data).via ?? ''}`.trim(),
  );

describe('print:ok from a bridge kiosk', () => {
  it('records the print and clears the kiosk’s open faults, and staff see the fault list emptied', async () => {
    const { client } = await bridgeKiosk(() => ({ ok: true }));
    const first = await client.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    await client.ok('print:fault', { ticketId: first.ticket.id, code: 'PRINTER_PAPER_OUT', message: 'Kertas habis' });
    await staff.waitForPatch((p) => p.audience === 'staff' && (p.printerFaults?.length ?? 0) === 1);
    expect(openFaults()).toBe(1);

    const second = await client.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    expect(await client.ok('print:ok', { ticketId: second.ticket.id })).toEqual({});
    await staff.waitForPatch((p) => p.audience === 'staff' && p.printerFaults?.length === 0);
    expect(openFaults()).toBe(0);
    expect(eventTypes(second.ticket.id)).toEqual(['ticket.issue', 'print.ok bridge']);
  });

  it('is refused for staff, for a ticket the kiosk did not issue and for a bad payload, recording nothing', async () => {
    const { client } = await bridgeKiosk(() => ({ ok: true }));
    expect(await staff.request('print:ok', { ticketId: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await client.request('print:ok', { ticketId: 999 })).toMatchObject({ ok: false, error: { code: 'TICKET_NOT_FOUND' } });
    const bad = await client.request('print:ok', { ticketId: 'A-001' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(hub.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'print.ok'").get()).toEqual({ n: 0 });
  });
});

describe('a staff reprint of a bridge kiosk’s ticket', () => {
  it('is offered while the bridge is connected and withdrawn when it leaves', async () => {
    const id = kioskId();
    expect((staff.snapshots.at(-1) as StaffSnapshot).printingKiosks).not.toContain(id);
    const { client } = await bridgeKiosk(() => ({ ok: true }));
    await staff.waitForPatch((p) => p.audience === 'staff' && (p.printingKiosks ?? []).includes(id));
    client.close();
    await staff.waitForPatch((p) => p.audience === 'staff' && p.printingKiosks !== undefined && !p.printingKiosks.includes(id));
  });

  it('reaches the kiosk’s bridge with the ticket’s text, and its answer is the reply and the record', async () => {
    const { client, printed } = await bridgeKiosk(() => ({ ok: true }));
    const { ticket } = await client.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    expect(await staff.ok('print:reprint', { ticketId: ticket.id })).toEqual({ ticketNumber: 'A-001', result: 'printed' });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ ticketNumber: 'A-001', officeName: 'LPSE Kota Batam', serviceName: 'Gangguan / Permasalahan' });
    expect(eventTypes(ticket.id)).toEqual(['ticket.issue', 'print.reprint bridge', 'print.ok bridge']);
  });

  it('records the bridge’s fault, and an unreadable answer as an unreachable printer', async () => {
    const answers: unknown[] = [{ ok: false, code: 'PRINTER_PAPER_OUT', message: 'Kertas habis' }, { ok: 'yes', code: 'DROP TABLE' }];
    const { client } = await bridgeKiosk(() => answers.shift());
    const { ticket } = await client.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    expect(await staff.ok('print:reprint', { ticketId: ticket.id })).toMatchObject({ result: 'fault', fault: { code: 'PRINTER_PAPER_OUT' } });
    expect(await staff.ok('print:reprint', { ticketId: ticket.id })).toMatchObject({ result: 'fault', fault: { code: 'PRINTER_UNREACHABLE' } });
    const codes = hub.db.prepare('SELECT code FROM printer_faults ORDER BY id').all();
    expect(codes).toEqual([{ code: 'PRINTER_PAPER_OUT' }, { code: 'PRINTER_UNREACHABLE' }]);
  });

  it('is refused with NO_PRINTER once the kiosk has neither a network printer nor a connected bridge', async () => {
    const { client } = await bridgeKiosk(() => ({ ok: true }));
    const { ticket } = await client.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    client.close();
    await staff.waitForPatch((p) => p.audience === 'staff' && p.printingKiosks !== undefined && !p.printingKiosks.includes(kioskId()));
    expect(await staff.request('print:reprint', { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: 'NO_PRINTER' } });
  });

  it('is not relayed to a kiosk page that connected without a bridge', async () => {
    const plain = await connect(hub.url, { deviceKey: KIOSK_KEY });
    open.push(plain);
    let asked = false;
    plain.socket.on('print:bridge', () => (asked = true));
    const { ticket } = await plain.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    expect(await staff.request('print:reprint', { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: 'NO_PRINTER' } });
    expect(asked).toBe(false);
  });
});
