// One commit's changes as one (hub/audiences/change.ts): each field merges by the kind of its value, so a field
// added to the change type survives a merge with no line of the merge written for it.
import { describe, expect, it } from 'vitest';
import type { Call } from '../../shared/domain/types';
import { mergeChanges } from '../../hub/audiences/index';
import type { Change } from '../../hub/context';

const call = (ticketNumber: string, counterId: number): Call => ({
  ticketNumber,
  serviceCode: 'A',
  counterId,
  counterName: `Loket ${counterId}`,
  counterNumber: counterId,
  at: '2026-11-24T03:00:00.000Z',
  recall: 0,
});

describe('merging the changes of one commit', () => {
  it('names each ticket, counter and case once, keeps every call in order, and sets a flag any step set', () => {
    const a1 = call('A-001', 1);
    const a1again = { ...call('A-001', 1), recall: 1 };
    const b1 = call('B-001', 2);
    const merged = mergeChanges<Change>([
      { ticketIds: [1], counterIds: [1], calls: [a1], waiting: true },
      undefined,
      { ticketIds: [2, 1], calls: [a1again], caseIds: [7], resync: ['staff'] },
      { ticketIds: [3], counterIds: [2, 1], calls: [b1], settings: false, resync: ['display', 'staff'], printerFaults: true },
    ]);
    expect(merged).toEqual({
      ticketIds: [1, 2, 3],
      counterIds: [1, 2],
      // A ticket called and recalled within one commit is announced twice, as it was made.
      calls: [a1, a1again, b1],
      waiting: true,
      caseIds: [7],
      resync: ['staff', 'display'],
      printerFaults: true,
    });
  });

  it('leaves out what says nothing, and is no change when no step made one', () => {
    expect(mergeChanges<Change>([{ ticketIds: [], calls: [], waiting: false }, { office: false }])).toEqual({});
    expect(mergeChanges<Change>([undefined, undefined])).toBeUndefined();
    expect(mergeChanges<Change>([])).toBeUndefined();
  });

  it('keeps a field the change type gains later, of a kind it already has, with no rule written for it', () => {
    // A later change type: new names, a new flag, new records. Nothing in the merge names them.
    interface LaterChange extends Change {
      serviceIds?: number[];
      announced?: boolean;
      notices?: { text: string }[];
    }
    const merged = mergeChanges<LaterChange>([
      { serviceIds: [4], notices: [{ text: 'buka' }], waiting: true },
      { serviceIds: [5, 4], announced: true, notices: [{ text: 'buka' }] },
      { announced: false },
    ]);
    expect(merged).toEqual({ serviceIds: [4, 5], notices: [{ text: 'buka' }, { text: 'buka' }], announced: true, waiting: true });
  });

  it('asks for a merge rule per kind of value, not per field: a field of a kind with no rule does not compile', () => {
    interface WithNote extends Change {
      note?: string;
    }
    // @ts-expect-error a string is no kind the merge has a rule for: the compiler refuses the type.
    const merge = () => mergeChanges<WithNote>([{ note: 'a' }, { note: 'b' }]);
    // Forced past the compiler, it is refused rather than merged by a guess.
    expect(merge).toThrow(/no merge rule for the change field note/);
  });
});
