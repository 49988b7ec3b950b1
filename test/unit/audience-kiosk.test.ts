// The kiosk's audience (hub/audiences/kiosk.ts) against a real database: its own device, the services and their
// queue lengths, and nothing of the counters, the calls, the staff or the cases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskPatch, KioskSnapshot } from '../../shared/protocol/events';
import type { Audiences } from '../../hub/audiences/index';
import type { Change, Session } from '../../hub/context';
import { insertDevice } from '../../hub/db/index';
import { OFFICE_NOW, openOffice, type TestOffice } from '../helpers/office';

let office: TestOffice;
let audiences: Audiences;
const kioskPatches = (change: Change) => audiences.patches(change).filter(({ patch }) => patch.audience === 'kiosk') as { room: string; patch: KioskPatch }[];

beforeEach(() => {
  office = openOffice();
  audiences = office.audiences();
});
afterEach(() => office.close());

const kiosk = (id: number): Session => ({ kind: 'kiosk', device: office.device(id) });

describe('the kiosk audience', () => {
  it("gives each kiosk its own device and its settings, and no counter, call, ticket or person", () => {
    const printing = insertDevice(office.db, { name: 'Kiosk Lantai 2', kind: 'kiosk', key: 'kiosk-key-2', printer: { host: '10.0.0.9', port: 9100, width: 80 }, counterId: null, createdAt: OFFICE_NOW });
    office.openCounter(1, 'hd1');
    const { ticket } = office.call(office.issue('A'), 1);
    office.openCase(ticket, 'hd1', { visitorName: 'Budi Santoso', title: 'Lupa kata sandi' });
    office.issue('B');
    const lobby = audiences.snapshot(kiosk(1)) as KioskSnapshot;
    const upstairs = audiences.snapshot(kiosk(printing)) as KioskSnapshot;
    expect(lobby).toMatchObject({ audience: 'kiosk', rev: 0, device: { id: 1, name: 'Kiosk Lobi', hasPrinter: false }, waiting: { A: 0, B: 1 } });
    expect(upstairs.device).toEqual({ id: printing, name: 'Kiosk Lantai 2', hasPrinter: true });
    expect(Object.keys(lobby.settings).sort()).toEqual(['openingHours', 'priorityEnabled', 'ticketFooter', 'ticketHoldSeconds']);
    expect(lobby.services.map((s) => s.code)).toEqual(['A', 'B']);
    for (const text of [JSON.stringify(lobby), JSON.stringify(upstairs)]) {
      for (const word of ['Budi', 'Lupa', 'Petugas', 'A-001', 'Loket 1', 'hd1']) expect(text).not.toContain(word);
    }
  });

  it('is told the queue lengths and the office, in its next revision, and nothing when only counters or cases change', () => {
    office.issue('A');
    expect(kioskPatches({ ticketIds: [1], waiting: true })).toEqual([{ room: 'kiosk', patch: { audience: 'kiosk', epoch: audiences.epoch, rev: 1, waiting: { A: 1, B: 0 } } }]);
    expect(kioskPatches({ counterIds: [1], caseIds: [1], printerFaults: true, printingKiosks: true })).toEqual([]);
    expect(kioskPatches({ office: true, settings: true })[0]?.patch).toMatchObject({ rev: 2, office: { name: 'LPSE Kota Batam' }, settings: { priorityEnabled: expect.any(Boolean) } });
    expect(audiences.snapshot(kiosk(1)).rev).toBe(2);
  });
});
