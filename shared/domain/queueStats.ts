// Today's queue figures at a glance, for the head's board: computed from the tickets the staff snapshot
// already holds, so they update live with every ticket patch.
import { DEFAULT_TIMEZONE, officeDay } from './officeTime';
import type { Ticket } from './types';

export interface QueueStats {
  waiting: number;
  /** Visits finished at a counter. */
  served: number;
  noShow: number;
  /** Issue → call, over today's called tickets; null before the first call. */
  averageWaitSeconds: number | null;
  /** Start → finish, over today's finished visits; null before the first one. */
  averageServiceSeconds: number | null;
}

function averageSeconds(spans: Array<[string | null, string | null]>): number | null {
  const seconds = spans
    .filter((s): s is [string, string] => s[0] !== null && s[1] !== null)
    .map(([from, to]) => (Date.parse(to) - Date.parse(from)) / 1000);
  if (!seconds.length) return null;
  return Math.round(seconds.reduce((a, b) => a + b, 0) / seconds.length);
}

/** The figures of the office day `now` falls in (in the office time zone). */
export function queueStats(tickets: readonly Ticket[], now: string, timeZone: string = DEFAULT_TIMEZONE): QueueStats {
  const today = officeDay(new Date(now), timeZone);
  const todays = tickets.filter((t) => t.officeDay === today);
  const count = (status: Ticket['status']) => todays.filter((t) => t.status === status).length;
  const done = todays.filter((t) => t.status === 'done');
  return {
    waiting: count('waiting'),
    served: done.length,
    noShow: count('no_show'),
    averageWaitSeconds: averageSeconds(todays.map((t) => [t.issuedAt, t.calledAt])),
    averageServiceSeconds: averageSeconds(done.map((t) => [t.servingAt, t.finishedAt])),
  };
}
