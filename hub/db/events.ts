import type { TicketEventRecord } from '../../shared/domain/ticketRules';
import type { Db, ReadDb } from './connection';
import { sql } from './statements';

export interface EventInput {
  at: string;
  type: string;
  ticketId?: number | null;
  counterId?: number | null;
  caseId?: number | null;
  userId?: number | null;
  deviceId?: number | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  sopStep?: number | null;
  data?: unknown;
}

export function appendEvent(db: Db, e: EventInput): void {
  sql(
    db,
    `INSERT INTO events (at, type, ticket_id, counter_id, case_id, user_id, device_id, from_status, to_status, sop_step, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.at,
    e.type,
    e.ticketId ?? null,
    e.counterId ?? null,
    e.caseId ?? null,
    e.userId ?? null,
    e.deviceId ?? null,
    e.fromStatus ?? null,
    e.toStatus ?? null,
    e.sopStep ?? null,
    JSON.stringify(e.data ?? {}),
  );
}

/** Every ticket event in log order, as the replay needs them. */
export function listTicketEvents(db: ReadDb): TicketEventRecord[] {
  const rows = sql(
    db,
    `SELECT ticket_id AS ticketId, substr(type, 8) AS type, at, data FROM events
     WHERE type LIKE 'ticket.%' ORDER BY id`,
  ).all() as { ticketId: number; type: TicketEventRecord['type']; at: string; data: string }[];
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as TicketEventRecord['data'] }));
}
