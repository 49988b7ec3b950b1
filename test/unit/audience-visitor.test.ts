// The visitor's phone (hub/audiences/visitor.ts) against a real database: one room per ticket, a typed key
// kept for it while it has a socket, its own small view sent whole and only when it changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitorPatch, VisitorSnapshot } from '../../shared/protocol/events';
import type { Audiences } from '../../hub/audiences/index';
import type { Change, Session } from '../../hub/context';
import { OFFICE_DAY, openOffice, type TestOffice } from '../helpers/office';

let office: TestOffice;
let audiences: Audiences;
const phone = (ticketId: number): Session => ({ kind: 'visitor', ticketId, officeDay: OFFICE_DAY });
const phonePatches = (change: Change) => audiences.patches(change).filter(({ patch }) => patch.audience === 'visitor') as { room: string; patch: VisitorPatch }[];

beforeEach(() => {
  office = openOffice();
  audiences = office.audiences();
});
afterEach(() => office.close());

describe("the visitor's phone", () => {
  it('listens in its ticket\'s own room, named for Socket.IO from a typed key', () => {
    const ticket = office.issue('A');
    expect(audiences.roomOf(phone(ticket.id))).toEqual({ kind: 'visitor', ticketId: ticket.id });
    expect(audiences.join(phone(ticket.id))).toEqual([`visitor:${ticket.id}`]);
  });

  it('sees its own ticket with the people ahead, and nothing of the ticket ahead or of anyone', () => {
    office.openCounter(1, 'hd1');
    office.openCase(office.call(office.issue('A'), 1).ticket, 'hd1', { visitorName: 'Budi Santoso' });
    office.issue('A');
    const mine = office.issue('A');
    const snapshot = audiences.snapshot(phone(mine.id)) as VisitorSnapshot;
    expect(snapshot).toMatchObject({ audience: 'visitor', rev: 0, visit: { number: 'A-003', status: 'waiting', ahead: 1, serviceName: 'Gangguan / Permasalahan' } });
    const text = JSON.stringify(snapshot);
    for (const word of ['A-001', 'A-002', 'Budi', 'Petugas']) expect(text).not.toContain(word);
  });

  it('is sent its view when it changed, in its own next revision, and not when it stayed the same', () => {
    const ahead = office.issue('A');
    const mine = office.issue('A');
    const [room] = audiences.join(phone(mine.id));
    // A change to cases alone concerns no phone: no view is even built for it.
    expect(phonePatches({ caseIds: [1], printerFaults: true })).toEqual([]);
    // Its first patch: the view as it is now.
    expect(phonePatches({ ticketIds: [mine.id] })).toEqual([{ room, patch: { audience: 'visitor', epoch: audiences.epoch, rev: 1, visit: expect.objectContaining({ ahead: 1 }) } }]);
    // Someone in the other queue: the same view, nothing sent.
    office.issue('B');
    expect(phonePatches({ ticketIds: [3], waiting: true })).toEqual([]);
    office.openCounter(1, 'hd1');
    office.call(ahead, 1);
    const [sent] = phonePatches({ ticketIds: [ahead.id], waiting: true });
    expect(sent?.patch).toMatchObject({ rev: 2, visit: { number: 'A-002', ahead: 0 } });
    expect(JSON.stringify(sent)).not.toContain('A-001');
    expect(audiences.snapshot(phone(mine.id)).rev).toBe(2);
  });

  it('is built only for rooms with a socket in them, and an emptied room starts again at revision 0', () => {
    const mine = office.issue('A');
    const other = office.issue('A');
    const [room] = audiences.join(phone(mine.id));
    expect(phonePatches({ waiting: true }).map((p) => p.room)).toEqual([room]);
    audiences.forget(room as string);
    expect(phonePatches({ ticketIds: [mine.id, other.id] })).toEqual([]);
    audiences.join(phone(mine.id));
    expect(audiences.snapshot(phone(mine.id)).rev).toBe(0);
    expect(phonePatches({ ticketIds: [mine.id] })[0]?.patch.rev).toBe(1);
  });
});
