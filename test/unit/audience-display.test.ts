// The waiting-room TV's audience (hub/audiences/display.ts) against a real database: the public queue, its
// calls, each change in the next revision, and nothing personal or staff-only ever.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DisplayPatch, DisplaySnapshot } from '../../shared/protocol/events';
import type { Audiences } from '../../hub/audiences/index';
import type { Session } from '../../hub/context';
import { openOffice, type TestOffice } from '../helpers/office';

let office: TestOffice;
let audiences: Audiences;
const display: Session = { kind: 'display', device: null };
const displayPatches = (change: Parameters<Audiences['patches']>[0]) =>
  audiences.patches(change).flatMap(({ room, patch }) => (patch.audience === 'display' ? [{ room, patch: patch as DisplayPatch }] : []));

beforeEach(() => {
  office = openOffice();
  audiences = office.audiences();
});
afterEach(() => office.close());

/** A visitor at counter 1 with an officer and a case holding what the visitor told. */
function aVisitWithACase() {
  office.openCounter(1, 'hd1');
  const { ticket, call } = office.call(office.issue('A'), 1);
  const caseId = office.openCase(ticket, 'hd1', { visitorName: 'Budi Santoso', visitorOrg: 'CV Maju Jaya', visitorPhone: '081234567890', visitorEmail: 'budi@maju.co.id', title: 'Lupa kata sandi' });
  return { ticket, call, caseId };
}

const PRIVATE = ['Budi', 'Maju', '0812345', 'budi@', 'Lupa kata sandi', 'Petugas 1', 'hd1', 'K-2026'];

describe('the display audience', () => {
  it('shows the counters with the number at each, the calls and the queue, and no name, case or ticket record', () => {
    const { ticket, call } = aVisitWithACase();
    office.issue('B');
    const snapshot = audiences.snapshot(display) as DisplaySnapshot;
    expect(snapshot).toMatchObject({ audience: 'display', rev: 0, epoch: audiences.epoch, waiting: { A: 0, B: 1 }, recentCalls: [call] });
    expect(snapshot.counters.find((c) => c.id === 1)).toEqual({ id: 1, name: 'Loket 1', number: 1, state: 'open', pauseReason: null, currentNumber: ticket.number });
    expect(Object.keys(snapshot.settings).sort()).toEqual(['runningText', 'voice']);
    const text = JSON.stringify(snapshot);
    for (const word of PRIVATE) expect(text).not.toContain(word);
    expect(snapshot).not.toHaveProperty('tickets');
    expect(snapshot).not.toHaveProperty('users');
  });

  it("sends a call with the counter now showing its number, in the display's next revision, to the display room", () => {
    office.openCounter(2, 'hd2');
    const first = office.call(office.issue('A'), 2);
    // The change names the ticket only: the counter showing it is the display's to add.
    const [sent] = displayPatches({ ticketIds: [first.ticket.id], calls: [first.call], waiting: true });
    expect(sent?.room).toBe('display');
    expect(sent?.patch).toMatchObject({ rev: 1, calls: [first.call], waiting: { A: 0 }, counters: [{ id: 2, currentNumber: 'A-001' }] });
    office.act(office.act(first.ticket, { type: 'start' }), { type: 'finish' });
    const second = office.call(office.issue('A'), 2);
    expect(displayPatches({ ticketIds: [second.ticket.id], calls: [second.call] })[0]?.patch).toMatchObject({ rev: 2, counters: [{ id: 2, currentNumber: 'A-002' }] });
    // A snapshot asked for now carries the revision the patches reached.
    expect(audiences.snapshot(display).rev).toBe(2);
  });

  it('tells of a no-show by its number, so it leaves the recent calls', () => {
    const { ticket } = office.call(office.issue('A'), 1);
    const gone = office.act(ticket, { type: 'no_show' });
    expect(displayPatches({ ticketIds: [gone.id] })[0]?.patch.noShows).toEqual(['A-001']);
  });

  it('gets nothing, and keeps its revision, for what only staff see', () => {
    const { caseId } = aVisitWithACase();
    expect(displayPatches({ caseIds: [caseId], printerFaults: true, storage: true, admin: true })).toEqual([]);
    expect(audiences.snapshot(display).rev).toBe(0);
    // A change to the counters it shows is its own, with no officer's name in it.
    const [sent] = displayPatches({ counterIds: [1], caseIds: [caseId] });
    expect(sent?.patch.rev).toBe(1);
    for (const word of PRIVATE) expect(JSON.stringify(sent)).not.toContain(word);
  });

  it('builds its snapshot once per change: asked again it is the same until a change is told', () => {
    const before = audiences.snapshot(display) as DisplaySnapshot;
    office.issue('A');
    expect((audiences.snapshot(display) as DisplaySnapshot).waiting).toEqual(before.waiting);
    audiences.changed();
    expect((audiences.snapshot(display) as DisplaySnapshot).waiting).toEqual({ A: 1, B: 0 });
  });
});
