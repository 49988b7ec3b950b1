// @vitest-environment jsdom
// How the staff app keeps the hub's snapshot current, where each role lands, and how ages read.
import { describe, expect, it } from 'vitest';
import { applyPatch, fromSnapshot, mergeCases, todaysTickets } from '../../renderer/src/store';
import { caseListKey, snapshotList } from '../../shared/domain/caseLists';
import { landing, mayVisit, parseRoute, routeHash } from '../../renderer/src/routes';
import { caseSummary, type Case, type CaseSummary, type PrinterFault } from '../../shared/domain/types';
import type { StaffSnapshot } from '../../shared/protocol/events';
import { formatDuration } from '../../shared/ui/duration';
import { ticketFixture } from '../helpers/fixtures';

const fault = (id: number, ticketId: number): PrinterFault => ({
  id,
  deviceId: 1,
  deviceName: 'Kiosk Lobi',
  ticketId,
  ticketNumber: 'A-001',
  code: 'PRINTER_PAPER_OUT',
  message: 'Kertas printer habis.',
  at: '2026-11-24T01:00:00.000Z',
});

const aCase = (id: number, status: Case['status'], revision: number): CaseSummary =>
  caseSummary({
  id,
  reference: `K-2026-0000${id}`,
  status,
  ownerId: 1,
  ownerName: 'Petugas 1',
  openedById: 1,
  ticketId: 1,
  ticketNumber: 'A-001',
  intake: null,
  escalationTarget: null,
  lpseSupportTicket: '',
  resolution: '',
  closeChannel: null,
  openedAt: '2026-11-24T01:00:00.000Z',
  updatedAt: '2026-11-24T01:00:00.000Z',
  revision,
  lastRecommendation: '',
  });

const snapshot: StaffSnapshot = {
  audience: 'staff',
  epoch: 'e1',
  rev: 4,
  // 09:00 WIB on 24 November 2026.
  serverTime: '2026-11-24T02:00:00.000Z',
  timeZone: 'Asia/Jakarta',
  office: { name: 'LPSE Kota Batam', address: '' },
  services: [],
  waiting: { A: 1 },
  settings: {
    publicUrl: '',
    headName: '',
    headNip: '',
    priorityEnabled: false,
    kioskRateLimitPerMinute: 20,
    runningText: '',
    ticketFooter: '',
    voice: 'clips',
    openingHours: 'always',
    ticketHoldSeconds: 15,
    ticketQr: true,
    surveyEnabled: true,
    retentionDays: 365,
  },
  counters: [],
  tickets: [ticketFixture()],
  users: [],
  printerFaults: [fault(1, 1), fault(2, 1)],
  recentCalls: [],
  me: { id: 1, username: 'hd1', name: 'Petugas 1', role: 'helpdesk' },
  cases: [aCase(1, 'open', 1)],
  caseLists: {
    mine: { ids: [1], complete: true },
    escalated: { ids: [], complete: true },
    reported: { ids: [], complete: true },
    unclosed: { ids: [1], complete: true },
  },
  caseCounts: [{ status: 'open', ownerId: 1, n: 1 }],
  printingKiosks: [1],
  storage: 'ok',
};

describe('the staff snapshot kept current by patches', () => {
  it('upserts tickets and cases by id, and replaces the open printer faults as a whole', () => {
    const data = applyPatch(fromSnapshot(snapshot), {
      audience: 'staff',
      epoch: 'e1',
      rev: 5,
      tickets: [ticketFixture({ status: 'called' }), ticketFixture({ id: 2, number: 'A-002' })],
      cases: [aCase(1, 'escalated', 2)],
      printerFaults: [],
      waiting: { A: 1 },
    });
    expect(data.tickets.map((t) => [t.number, t.status])).toEqual([
      ['A-001', 'called'],
      ['A-002', 'waiting'],
    ]);
    expect(data.cases).toEqual([aCase(1, 'escalated', 2)]);
    expect(data.printerFaults).toEqual([]);
  });

  it('drops a case that was withdrawn: no staff list shows it', () => {
    const data = applyPatch(fromSnapshot(snapshot), { audience: 'staff', epoch: 'e1', rev: 5, cases: [aCase(1, 'withdrawn', 2)] });
    expect(data.cases).toEqual([]);
  });

  it('keeps what a patch does not mention, and lists only today’s tickets as today’s', () => {
    const data = applyPatch(fromSnapshot(snapshot), {
      audience: 'staff',
      epoch: 'e1',
      rev: 5,
      // A page left open overnight receives yesterday's tickets as they expire.
      tickets: [ticketFixture({ id: 9, number: 'B-004', serviceCode: 'B', status: 'expired', officeDay: '2026-11-23' })],
    });
    expect(data.printerFaults).toHaveLength(2);
    expect(data.cases).toHaveLength(1);
    expect(todaysTickets(data).map((t) => t.number)).toEqual(['A-001']);
  });
});

describe('the lists of cases held', () => {
  it('end where the snapshot’s first rows end, or nowhere when it brought all of a list', () => {
    const data = fromSnapshot({ ...snapshot, caseLists: { ...snapshot.caseLists, unclosed: { ids: [1], complete: false } } });
    expect(data.caseWindows[caseListKey(snapshotList('unclosed'))]).toEqual(aCase(1, 'open', 1));
    expect(data.caseWindows[caseListKey(snapshotList('escalated'))]).toBeNull();
    // The board asked for "not closed, escalated" is the coordinator's queue.
    expect(caseListKey({ filter: { unclosed: true, status: 'escalated' }, order: 'oldest' })).toBe(caseListKey(snapshotList('escalated')));
  });

  it('never take an older revision of a case from a page that was read before its last patch', () => {
    expect(mergeCases([aCase(1, 'escalated', 3)], [aCase(1, 'open', 2), aCase(2, 'open', 1)])).toEqual([aCase(1, 'escalated', 3), aCase(2, 'open', 1)]);
  });
});

describe('where staff land and go', () => {
  it('lands each role on its own section and reads sections back from the address', () => {
    expect(landing('helpdesk', true)).toEqual({ name: 'counter' });
    expect(landing('coordinator', true)).toEqual({ name: 'queue' });
    expect(landing('head', true)).toEqual({ name: 'board' });
    expect(landing('admin', true)).toEqual({ name: 'board' });
    // While the setup checklist has an item not done, an admin lands where it is done.
    expect(landing('admin', false)).toEqual({ name: 'admin', tab: 'services' });
    expect(parseRoute(routeHash({ name: 'case', caseId: 42 }))).toEqual({ name: 'case', caseId: 42 });
    expect(parseRoute(routeHash({ name: 'admin', tab: 'devices' }))).toEqual({ name: 'admin', tab: 'devices' });
    expect(mayVisit('helpdesk', { name: 'admin', tab: 'services' })).toBe(false);
    expect(mayVisit('helpdesk', { name: 'password' })).toBe(true);
    expect(parseRoute('#/nowhere')).toBeNull();
    expect(mayVisit('admin', { name: 'counter' })).toBe(false);
    expect(mayVisit('helpdesk', { name: 'case', caseId: 1 })).toBe(true);
  });
});

describe('ages and waiting times', () => {
  it('reads as whole minutes, hours and days in the chosen language', () => {
    expect(formatDuration(20_000, 'id')).toBe('< 1 mnt');
    expect(formatDuration(12 * 60_000, 'id')).toBe('12 mnt');
    expect(formatDuration((2 * 60 + 5) * 60_000, 'id')).toBe('2 j 5 mnt');
    expect(formatDuration((3 * 24 + 4) * 3_600_000, 'id')).toBe('3 hari 4 j');
    expect(formatDuration(3 * 24 * 3_600_000, 'en')).toBe('3 d');
  });
});
