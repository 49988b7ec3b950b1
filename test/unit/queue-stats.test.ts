import { describe, expect, it } from 'vitest';
import { queueStats } from '../../shared/domain/queueStats';
import { ticketFixture } from '../helpers/fixtures';

// 2026-11-24 10:00 WIB.
const NOW = '2026-11-24T03:00:00.000Z';

describe('queueStats', () => {
  it('is all zeros and no averages before anyone is served', () => {
    expect(queueStats([], NOW)).toEqual({
      waiting: 0,
      served: 0,
      noShow: 0,
      averageWaitSeconds: null,
      averageServiceSeconds: null,
    });
    expect(queueStats([ticketFixture(), ticketFixture()], NOW)).toMatchObject({ waiting: 2, averageWaitSeconds: null });
  });

  it('counts waiting, served and no-shows, and averages wait (issue→call) and service (start→finish)', () => {
    const tickets = [
      // Waited 5 min, served 10 min.
      ticketFixture({
        status: 'done',
        issuedAt: '2026-11-24T01:00:00.000Z',
        calledAt: '2026-11-24T01:05:00.000Z',
        servingAt: '2026-11-24T01:06:00.000Z',
        finishedAt: '2026-11-24T01:16:00.000Z',
      }),
      // Waited 15 min, served 20 min.
      ticketFixture({
        status: 'done',
        issuedAt: '2026-11-24T01:10:00.000Z',
        calledAt: '2026-11-24T01:25:00.000Z',
        servingAt: '2026-11-24T01:25:30.000Z',
        finishedAt: '2026-11-24T01:45:30.000Z',
      }),
      // Waited 10 min, then did not come: counts for the wait, not for the service.
      ticketFixture({
        status: 'no_show',
        issuedAt: '2026-11-24T02:00:00.000Z',
        calledAt: '2026-11-24T02:10:00.000Z',
        finishedAt: '2026-11-24T02:12:00.000Z',
      }),
      // Being served: waited 30 min, its service is not finished yet.
      ticketFixture({
        status: 'serving',
        issuedAt: '2026-11-24T02:00:00.000Z',
        calledAt: '2026-11-24T02:30:00.000Z',
        servingAt: '2026-11-24T02:31:00.000Z',
      }),
      ticketFixture({ status: 'waiting' }),
    ];
    expect(queueStats(tickets, NOW)).toEqual({
      waiting: 1,
      served: 2,
      noShow: 1,
      averageWaitSeconds: 15 * 60,
      averageServiceSeconds: 15 * 60,
    });
  });

  it('counts only the office day of `now`, in the office time zone', () => {
    const yesterday = ticketFixture({ officeDay: '2026-11-23', status: 'no_show' });
    const today = ticketFixture({ officeDay: '2026-11-24', status: 'waiting' });
    // 23:30 UTC on the 23rd is already 06:30 WIB on the 24th.
    expect(queueStats([yesterday, today], '2026-11-23T23:30:00.000Z')).toMatchObject({ waiting: 1, noShow: 0 });
    expect(queueStats([yesterday, today], '2026-11-23T23:30:00.000Z', 'UTC')).toMatchObject({ waiting: 0, noShow: 1 });
  });
});
