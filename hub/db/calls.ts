import type { Call } from '../../shared/domain/types';
import type { ReadDb } from './connection';
import { limitTo, sql } from './statements';

// A call as the waiting room sees it, read from its event: the time is the event's and the recall count
// is that of the recalls up to it, whether the call goes out in a patch or comes back in a snapshot. The type
// list is the one events_type_at names (migration 014): written otherwise, SQLite would not use the index.
const CALLS = `
  SELECT t.number AS ticketNumber, t.service_code AS serviceCode, c.id AS counterId, c.name AS counterName,
    c.number AS counterNumber, e.at,
    CASE e.type WHEN 'ticket.recall' THEN
      (SELECT count(*) FROM events r WHERE r.ticket_id = e.ticket_id AND r.type = 'ticket.recall' AND r.id <= e.id)
    ELSE 0 END AS recall
  FROM events e JOIN tickets t ON t.id = e.ticket_id JOIN counters c ON c.id = e.counter_id
  WHERE e.type IN ('ticket.call', 'ticket.recall')`;

/**
 * The day's latest calls and recalls, newest first, as the waiting room saw them; a no-show is no longer one.
 * Only the calls from the day before the office day to the day after are read (events_type_at by type and time): in
 * UTC an office day starts at most 14 hours before its date and ends at most 12 after it, so a snapshot after a year
 * of calls costs what one after a day does.
 */
export function listRecentCalls(db: ReadDb, officeDay: string, limit: number): Call[] {
  return sql(
    db,
    `${CALLS} AND e.at >= date(@officeDay, '-1 day') AND e.at < date(@officeDay, '+2 days') AND t.office_day = @officeDay AND t.status != 'no_show' ORDER BY e.id DESC ${limitTo(limit)}`,
  ).all({ officeDay }) as Call[];
}

/** A ticket's latest call or recall. */
export function latestCall(db: ReadDb, ticketId: number): Call | undefined {
  return sql(db, `${CALLS} AND e.ticket_id = ? ORDER BY e.id DESC LIMIT 1`).get(ticketId) as Call | undefined;
}
