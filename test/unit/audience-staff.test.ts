// The staff audience (hub/audiences/staff.ts) against a real database: the whole day, the cases as summaries
// with each member's own listed for them, the printers and the disk; and a temporary password's session, which
// sees only who it is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffPatch, StaffSnapshot } from '../../shared/protocol/events';
import type { Audiences } from '../../hub/audiences/index';
import type { Change } from '../../hub/context';
import { insertPrinterFault } from '../../hub/db/index';
import { OFFICE_NOW, openOffice, type TestOffice } from '../helpers/office';

let office: TestOffice;
let audiences: Audiences;
const staffPatch = (change: Change) => audiences.patches(change).find(({ patch }) => patch.audience === 'staff') as { room: string; patch: StaffPatch } | undefined;

beforeEach(() => {
  office = openOffice();
  audiences = office.audiences();
});
afterEach(() => office.close());

/** An officer serving a visitor at their counter, with the visitor's case. */
function aCase(counterId = 1, officer = 'hd1', visitorName = 'Budi Santoso') {
  office.openCounter(counterId, officer);
  const { ticket } = office.call(office.issue('A'), counterId);
  return office.openCase(ticket, officer, { visitorName, visitorOrg: 'CV Maju Jaya', title: 'Lupa kata sandi' });
}

describe('the staff audience', () => {
  it("holds the day's tickets, the cases at the counters and colleagues by name, without sign-in names", () => {
    const caseId = aCase();
    office.issue('B');
    const snapshot = audiences.snapshot(office.staff('koor')) as StaffSnapshot;
    expect(snapshot).toMatchObject({ audience: 'staff', rev: 0, me: { username: 'koor' }, storage: 'ok', printingKiosks: [] });
    expect(snapshot.tickets.map((t) => t.number)).toEqual(['A-001', 'B-002']);
    expect(snapshot.cases).toEqual([expect.objectContaining({ id: caseId, visitorName: 'Budi Santoso', title: 'Lupa kata sandi' })]);
    expect(snapshot.users.find((u) => u.name === 'Petugas 1')).toEqual({ id: expect.any(Number), name: 'Petugas 1', role: 'helpdesk' });
    expect(JSON.stringify(snapshot.users)).not.toContain('hd1');
  });

  it("lists each member's own cases first for them alone, from one shared snapshot", () => {
    const budis = aCase(1, 'hd1', 'Budi Santoso');
    const sitis = aCase(2, 'hd2', 'Siti Aminah');
    const first = audiences.snapshot(office.staff('hd1')) as StaffSnapshot;
    const second = audiences.snapshot(office.staff('hd2')) as StaffSnapshot;
    expect(first.caseLists.mine).toEqual({ ids: [budis, sitis], complete: true });
    expect(second.caseLists.mine).toEqual({ ids: [sitis, budis], complete: true });
    expect([first.me.username, second.me.username]).toEqual(['hd1', 'hd2']);
    // What every member shares is the same snapshot, and the case lists name the same cases.
    expect(second.tickets).toEqual(first.tickets);
    expect(second.cases.map((c) => c.id).sort()).toEqual(first.cases.map((c) => c.id).sort());
  });

  it('is told a case as its summary with the counts, the open printer faults, the reprinting kiosks and the disk', () => {
    const caseId = aCase();
    expect(staffPatch({ caseIds: [caseId] })).toMatchObject({
      room: 'staff',
      patch: { rev: 1, cases: [{ id: caseId, visitorName: 'Budi Santoso' }], caseCounts: [{ status: 'open', ownerId: office.user('hd1').id, n: 1 }] },
    });
    insertPrinterFault(office.db, { deviceId: 1, ticketId: 1, code: 'PAPER_OUT', message: 'Kertas habis', at: OFFICE_NOW });
    office.bridges.add(1);
    expect(staffPatch({ printerFaults: true, printingKiosks: true, storage: true })?.patch).toMatchObject({
      rev: 2,
      printerFaults: [{ deviceId: 1, code: 'PAPER_OUT' }],
      printingKiosks: [1],
      storage: 'ok',
    });
    expect(audiences.snapshot(office.staff('hd2')).rev).toBe(2);
  });

  it('shows a session with a temporary password who it is, nothing else, and no revision', () => {
    aCase();
    const snapshot = audiences.snapshot(office.staff('admin', true));
    expect(snapshot).toEqual({ audience: 'password', epoch: audiences.epoch, rev: 0, serverTime: OFFICE_NOW, me: office.user('admin') });
    expect(audiences.roomOf(office.staff('admin', true))).toEqual({ kind: 'password' });
  });
});
