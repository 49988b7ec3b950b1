// What the display shows from the hub's snapshot and patches, and which calls it still owes the room.
import { describe, expect, it } from 'vitest';
import {
  fromPatch,
  fromSnapshot,
  initialState,
  todaysCalls,
  withCall,
  type DisplayState,
} from '../../display/src/store';
import { missedCalls, readOptions } from '../../display/src/wiring';
import { RECENT_CALLS } from '../../shared/domain/announcement';
import type { Call, PublicCounter } from '../../shared/domain/types';
import type { DisplaySnapshot } from '../../shared/protocol/events';

const call = (ticketNumber: string, counterId: number, at: string, recall = 0): Call => ({
  ticketNumber,
  serviceCode: ticketNumber.slice(0, 1),
  counterId,
  counterName: `Loket ${counterId}`,
  counterNumber: counterId,
  recall,
  at,
});

const counter = (id: number, number: number, extra: Partial<PublicCounter> = {}): PublicCounter => ({
  id,
  name: `Loket ${number}`,
  number,
  state: 'open',
  pauseReason: null,
  currentNumber: null,
  ...extra,
});

function snapshot(extra: Partial<DisplaySnapshot> = {}): DisplaySnapshot {
  return {
    audience: 'display',
    epoch: 'e1',
    rev: 0,
    serverTime: '2026-11-24T02:00:00.000Z',
    timeZone: 'Asia/Jakarta',
    office: { name: 'LPSE Kota Batam', address: '' },
    services: [{ id: 1, code: 'A', name: 'Gangguan', nameEn: '', sort: 0, askPriority: true, active: true }],
    waiting: { A: 2 },
    settings: { runningText: 'Selamat datang', voice: 'clips' },
    counters: [counter(2, 2), counter(1, 1)],
    recentCalls: [],
    ...extra,
  };
}

describe('the display store', () => {
  it('keeps recent calls newest first, one line per ticket and counter, bounded', () => {
    let list: Call[] = [];
    for (let i = 1; i <= RECENT_CALLS + 5; i++) list = withCall(list, call(`A-${String(i).padStart(3, '0')}`, 1, `t${i}`));
    expect(list).toHaveLength(RECENT_CALLS);
    expect(list[0]?.ticketNumber).toBe(`A-0${RECENT_CALLS + 5}`);
    const recalled = withCall(list, call('A-010', 1, 'later', 1));
    expect(recalled).toHaveLength(RECENT_CALLS);
    expect(recalled[0]).toMatchObject({ ticketNumber: 'A-010', recall: 1 });
    expect(recalled.filter((c) => c.ticketNumber === 'A-010')).toHaveLength(1);
  });

  it('takes everything from a snapshot, including the hub clock offset', () => {
    const s = snapshot({
      recentCalls: [call('A-002', 2, '2026-11-24T01:59:00.000Z', 1), call('A-003', 1, 'b'), call('A-002', 2, 'a')],
    });
    const state = fromSnapshot(s, Date.parse('2026-11-24T01:59:50.000Z'));
    expect(state.clockOffsetMs).toBe(10_000);
    expect(state.counters?.map((c) => c.number)).toEqual([1, 2]);
    expect(state.recentCalls?.map((c) => c.ticketNumber)).toEqual(['A-002', 'A-003']);
    expect(state.runningText).toBe('Selamat datang');
  });

  it('applies patches: counters upserted, the calls of one commit on top in the order made, with one new flash', () => {
    const before: DisplayState = { ...initialState('id'), ...fromSnapshot(snapshot(), Date.now()) };
    const after = { ...before, ...fromPatch(before, {
      audience: 'display',
      epoch: 'e1',
      rev: 1,
      counters: [counter(2, 2, { currentNumber: 'A-001' }), counter(3, 3, { state: 'paused', pauseReason: 'sholat' })],
      waiting: { A: 1 },
      calls: [call('B-001', 3, 'w'), call('A-001', 2, 'x')],
    }) };
    expect(after.counters.map((c) => [c.id, c.currentNumber, c.state])).toEqual([
      [1, null, 'open'],
      [2, 'A-001', 'open'],
      [3, null, 'paused'],
    ]);
    expect(after.waiting).toEqual({ A: 1 });
    expect(after.recentCalls.slice(0, 2).map((c) => c.ticketNumber)).toEqual(['A-001', 'B-001']);
    expect(after.flashes).toBe(before.flashes + 1);
    expect(fromPatch(after, { audience: 'display', epoch: 'e1', rev: 2, waiting: { A: 0 } })).toEqual({ waiting: { A: 0 } });
  });

  it('drops a no-show from the recent calls', () => {
    const before: DisplayState = { ...initialState('id'), ...fromSnapshot(snapshot({ recentCalls: [call('A-002', 2, 'b'), call('A-001', 1, 'a')] }), Date.now()) };
    const after = fromPatch(before, { audience: 'display', epoch: 'e1', rev: 1, noShows: ['A-001'] });
    expect(after.recentCalls?.map((c) => c.ticketNumber)).toEqual(['A-002']);
  });
});

describe('a screen left on overnight', () => {
  it('drops the calls of an earlier office day (WIB), and keeps the list as it is otherwise', () => {
    // 16:30 UTC is 23:30 WIB on the 23rd; 17:30 UTC is 00:30 WIB on the 24th.
    const calls = [call('A-001', 1, '2026-11-23T17:30:00.000Z'), call('A-099', 1, '2026-11-23T16:30:00.000Z')];
    expect(todaysCalls(calls, new Date('2026-11-24T01:00:00.000Z'), 'Asia/Jakarta').map((c) => c.ticketNumber)).toEqual(['A-001']);
    expect(todaysCalls(calls, new Date('2026-11-23T17:45:00.000Z'), 'Asia/Jakarta')).toHaveLength(1);
    const today = calls.slice(0, 1);
    expect(todaysCalls(today, new Date('2026-11-24T01:00:00.000Z'), 'Asia/Jakarta')).toBe(today);
  });
});

describe('calls missed while cut off', () => {
  const now = '2026-11-24T02:00:00.000Z';
  const recent = [
    call('A-005', 1, '2026-11-24T01:59:40.000Z'),
    call('A-004', 2, '2026-11-24T01:59:30.000Z', 1),
    call('A-003', 1, '2026-11-24T01:59:20.000Z'),
    call('A-001', 2, '2026-11-24T01:50:00.000Z'),
  ];

  it('are announced oldest first when the screen is back, if recent', () => {
    expect(missedCalls(recent, '2026-11-24T01:59:25.000Z', now).map((c) => c.ticketNumber)).toEqual(['A-004', 'A-005']);
  });

  it('are none on the first snapshot, and none that are old news', () => {
    expect(missedCalls(recent, null, now)).toEqual([]);
    expect(missedCalls(recent, '2026-11-24T01:40:00.000Z', now).map((c) => c.ticketNumber)).toEqual(['A-003', 'A-004', 'A-005']);
  });
});

describe('display options', () => {
  it('reads the key, the debug switches and the language from the address', () => {
    expect(readOptions('?debug=1&audio=instant&key=k1&lang=en')).toEqual({ key: 'k1', debug: true, instantAudio: true, lang: 'en' });
    expect(readOptions('')).toEqual({ key: null, debug: false, instantAudio: false, lang: null });
  });
});
