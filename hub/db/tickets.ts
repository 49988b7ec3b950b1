import type { Ticket, WaitingCounts } from '../../shared/domain/types';
import type { NumberBlocks } from '../numberBlocks';
import type { Db, ReadDb } from './connection';
import { limitTo, sql } from './statements';

/** Each ticket field's column: every read, the insert and the update are written from this one list. */
const TICKET_COLUMNS = {
  id: 'id',
  officeDay: 'office_day',
  number: 'number',
  serviceCode: 'service_code',
  priority: 'priority',
  status: 'status',
  issuedAt: 'issued_at',
  queuedAt: 'queued_at',
  calledAt: 'called_at',
  servingAt: 'serving_at',
  finishedAt: 'finished_at',
  counterId: 'counter_id',
  targetCounterId: 'target_counter_id',
  recallCount: 'recall_count',
  deviceId: 'device_id',
  transferredFrom: 'transferred_from',
} as const satisfies Record<keyof Ticket, string>;

type TicketField = keyof typeof TICKET_COLUMNS;

/** A ticket as SQLite holds it: the priority flag is 0 or 1. */
type TicketRow = Omit<Ticket, 'priority'> & { priority: number };

const COLUMNS = Object.entries(TICKET_COLUMNS)
  .map(([field, column]) => (field === column ? column : `${column} AS ${field}`))
  .join(', ');

/** What a ticket keeps from its issue on: an update never writes these. */
const FIXED_AT_ISSUE: readonly TicketField[] = ['id', 'officeDay', 'number', 'priority', 'issuedAt', 'deviceId'];
const INSERTED = (Object.keys(TICKET_COLUMNS) as TicketField[]).filter((f) => f !== 'id');
const UPDATED = (Object.keys(TICKET_COLUMNS) as TicketField[]).filter((f) => !FIXED_AT_ISSUE.includes(f));

const toTicket = (r: TicketRow): Ticket => ({ ...r, priority: r.priority === 1 });
const toRow = (t: Omit<Ticket, 'id'>) => ({ ...t, priority: Number(t.priority) });

export function getTicket(db: ReadDb, id: number): Ticket | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM tickets WHERE id = ?`).get(id) as TicketRow | undefined;
  return row && toTicket(row);
}

export function findTicketByRequest(db: ReadDb, requester: string, requestId: string): Ticket | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM tickets WHERE requester = ? AND request_id = ?`).get(requester, requestId) as
    | TicketRow
    | undefined;
  return row && toTicket(row);
}

export function listTicketsOfDay(db: ReadDb, officeDay: string): Ticket[] {
  return (sql(db, `SELECT ${COLUMNS} FROM tickets WHERE office_day = ? ORDER BY id`).all(officeDay) as TicketRow[]).map(
    toTicket,
  );
}

export function listAllTickets(db: ReadDb): Ticket[] {
  return (sql(db, `SELECT ${COLUMNS} FROM tickets ORDER BY id`).all() as TicketRow[]).map(toTicket);
}

/** The ticket this counter has called or is serving, if any. */
export function findActiveTicketAtCounter(db: ReadDb, counterId: number): Ticket | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')`).get(
    counterId,
  ) as TicketRow | undefined;
  return row && toTicket(row);
}

/** The next ticket for a counter: its services (or sent to it by name), priority first, then first come. */
export function findNextForCounter(db: ReadDb, officeDay: string, counterId: number): Ticket | undefined {
  const row = sql(
    db,
    `SELECT ${COLUMNS} FROM tickets
     WHERE office_day = @officeDay AND status = 'waiting'
       AND (target_counter_id = @counterId OR (target_counter_id IS NULL AND service_code IN
         (SELECT s.code FROM counter_services cs JOIN services s ON s.id = cs.service_id WHERE cs.counter_id = @counterId)))
     ORDER BY priority DESC, queued_at, id LIMIT 1`,
  ).get({ counterId, officeDay }) as TicketRow | undefined;
  return row && toTicket(row);
}

/**
 * Waiting tickets of the same service ahead of `t` (priority first, then first come): the service's queue
 * length from its priority up (queue_lengths, kept by triggers) less those at or behind `t` — a range of
 * the queue's index that, for a ticket just issued, holds that ticket alone, however long the queue.
 */
export function countAhead(db: ReadDb, t: Ticket): number {
  const row = sql(
    db,
    `SELECT (SELECT coalesce(sum(waiting), 0) FROM queue_lengths
               WHERE office_day = @officeDay AND service_code = @serviceCode AND priority >= @priority)
          - (SELECT count(*) FROM tickets
               WHERE office_day = @officeDay AND status = 'waiting' AND priority = @priority AND (queued_at, id) >= (@queuedAt, @id)
                 AND service_code = @serviceCode) AS n`,
  ).get({ officeDay: t.officeDay, serviceCode: t.serviceCode, priority: Number(t.priority), queuedAt: t.queuedAt, id: t.id }) as {
    n: number;
  };
  return row.n;
}

/**
 * The office days that have tickets, oldest first, up to the first on or after `@before`: each found by one
 * seek of the day's index rather than by reading every ticket, so a start costs about the same with one
 * year of tickets as with five.
 */
const TICKET_DAYS = /* sql */ `
ticket_days(day) AS (
  SELECT min(office_day) FROM tickets
  UNION ALL SELECT (SELECT min(office_day) FROM tickets WHERE office_day > day) FROM ticket_days WHERE day < @before
)`;

/** The waiting tickets' count per day, service and priority, as the tickets give it. */
const COUNTED = /* sql */ `
WITH RECURSIVE ${TICKET_DAYS},
counted AS (
  SELECT t.office_day, t.service_code, t.priority, count(*) AS waiting
  FROM ticket_days d JOIN tickets t ON t.office_day = d.day AND t.status = 'waiting'
  GROUP BY t.office_day, t.service_code, t.priority
)`;

/**
 * Counts the queue lengths again from the tickets, at start-up: a file edited by hand, or restored from
 * elsewhere, cannot leave them adrift (a count below zero would make a ticket impossible to call). Only
 * counts that differ are written, so an ordinary start writes nothing. A stored 0 is as good as no row.
 */
export function recountQueueLengths(db: Db): void {
  // Past every day: the counts of all days.
  const all = { before: '9999-12-31' };
  db.transaction(() => {
    sql(
      db,
      `${COUNTED}
       DELETE FROM queue_lengths
       WHERE waiting > 0 AND (office_day, service_code, priority) NOT IN (SELECT office_day, service_code, priority FROM counted)`,
    ).run(all);
    sql(
      db,
      `${COUNTED}
       INSERT INTO queue_lengths (office_day, service_code, priority, waiting) SELECT * FROM counted
         WHERE true -- an upsert from a SELECT needs a WHERE, or SQLite reads ON as a join's
         ON CONFLICT (office_day, service_code, priority) DO UPDATE SET waiting = excluded.waiting WHERE waiting <> excluded.waiting`,
    ).run(all);
  }).immediate();
}

/**
 * Waiting tickets per service: every active service (0 when none wait), in the services' order, then any other
 * service that still has some. One statement: it is read for every patch that changes the queue.
 */
export function waitingCounts(db: ReadDb, officeDay: string): WaitingCounts {
  const rows = sql(
    db,
    `SELECT code, sum(n) AS n FROM (
       SELECT code, 0 AS n, id AS position FROM services WHERE active = 1
       UNION ALL SELECT service_code, waiting, NULL FROM queue_lengths WHERE office_day = ? AND waiting > 0
     ) GROUP BY code ORDER BY min(position) IS NULL, min(position), code`,
  ).all(officeDay) as { code: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.code, r.n]));
}

/** Service durations (start → finish, seconds) of the day, oldest first. */
export function serviceDurations(db: ReadDb, officeDay: string, limit: number): number[] {
  const rows = sql(
    db,
    `SELECT (julianday(finished_at) - julianday(serving_at)) * 86400 AS s FROM tickets
     WHERE office_day = ? AND status = 'done' AND serving_at IS NOT NULL ORDER BY finished_at DESC ${limitTo(limit)}`,
  ).all(officeDay) as { s: number }[];
  return rows.map((r) => r.s).reverse();
}

/** Tickets of earlier office days still in the queue or at a counter: the day's end closes them. */
export function listUnfinishedBefore(db: ReadDb, officeDay: string): Ticket[] {
  return (
    sql(
      db,
      `WITH RECURSIVE ${TICKET_DAYS}
       SELECT ${COLUMNS} FROM ticket_days d JOIN tickets t ON t.office_day = d.day AND t.status IN ('waiting', 'called', 'serving')
       WHERE d.day < @before ORDER BY t.id`,
    ).all({ before: officeDay }) as TicketRow[]
  ).map(toTicket);
}

/**
 * The next sequence number of a service for the day; never reused, even across restarts. It is covered by a
 * block reserved outside the database before the transaction commits.
 */
export function nextSequence(db: Db, blocks: NumberBlocks, officeDay: string, serviceCode: string): number {
  const row = sql(
    db,
    `INSERT INTO day_sequences (office_day, service_code, last_seq) VALUES (?, ?, 1)
     ON CONFLICT (office_day, service_code) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
  ).get(officeDay, serviceCode) as { last_seq: number };
  blocks.cover(officeDay, serviceCode, row.last_seq);
  return row.last_seq;
}

/** After a crash or a restore the database may lack numbers already given out: resume above every reserved block. */
export function skipReservedNumbers(db: Db, blocks: NumberBlocks): void {
  const raise = sql(
    db,
    `INSERT INTO day_sequences (office_day, service_code, last_seq) VALUES (?, ?, ?)
     ON CONFLICT (office_day, service_code) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
  );
  for (const [officeDay, services] of Object.entries(blocks.all())) {
    for (const [serviceCode, upTo] of Object.entries(services)) raise.run(officeDay, serviceCode, upTo);
  }
}

/** `visitorCode`: the unguessable code of the visitor's own page (the ticket's QR). */
export function insertTicket(db: Db, t: Omit<Ticket, 'id'>, requester: string, requestId: string, visitorCode: string): number {
  const columns = INSERTED.map((f) => TICKET_COLUMNS[f]).join(', ');
  const values = INSERTED.map((f) => `@${f}`).join(', ');
  return Number(
    sql(
      db,
      `INSERT INTO tickets (${columns}, requester, request_id, visitor_code) VALUES (${values}, @requester, @requestId, @visitorCode)`,
    ).run({ ...toRow(t), requester, requestId, visitorCode }).lastInsertRowid,
  );
}

export function updateTicket(db: Db, t: Ticket): void {
  const assignments = UPDATED.map((f) => `${TICKET_COLUMNS[f]} = @${f}`).join(', ');
  sql(db, `UPDATE tickets SET ${assignments} WHERE id = @id`).run(toRow(t));
}
