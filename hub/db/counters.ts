import type { Counter, CounterState, PauseReason } from '../../shared/domain/types';
import type { Db } from './open';
import { sql } from './statements';

interface CounterRow {
  id: number;
  name: string;
  number: number;
  state: CounterState;
  pauseReason: PauseReason | null;
  userId: number | null;
  userName: string | null;
  stateSince: string | null;
  serviceCodes: string | null;
}

const SELECT = `
  SELECT c.id, c.name, c.number, c.state, c.pause_reason AS pauseReason, c.user_id AS userId, u.name AS userName, c.state_since AS stateSince,
    (SELECT group_concat(s.code, ',') FROM counter_services cs JOIN services s ON s.id = cs.service_id
      WHERE cs.counter_id = c.id ORDER BY s.code) AS serviceCodes
  FROM counters c LEFT JOIN users u ON u.id = c.user_id
  WHERE c.active = 1`;

const toCounter = (r: CounterRow): Counter => ({
  ...r,
  serviceCodes: r.serviceCodes ? r.serviceCodes.split(',').sort() : [],
});

export function listCounters(db: Db): Counter[] {
  return (sql(db, `${SELECT} ORDER BY c.number, c.name`).all() as CounterRow[]).map(toCounter);
}

export function getCounter(db: Db, id: number): Counter | undefined {
  const row = sql(db, `${SELECT} AND c.id = ?`).get(id) as CounterRow | undefined;
  return row && toCounter(row);
}

export function findCounterHeldBy(db: Db, userId: number): Counter | undefined {
  const row = sql(db, `${SELECT} AND c.user_id = ?`).get(userId) as CounterRow | undefined;
  return row && toCounter(row);
}

export function insertCounter(db: Db, c: { name: string; number: number; serviceIds: number[] }): number {
  const id = Number(sql(db, 'INSERT INTO counters (name, number) VALUES (?, ?)').run(c.name, c.number).lastInsertRowid);
  for (const serviceId of c.serviceIds) {
    sql(db, 'INSERT INTO counter_services (counter_id, service_id) VALUES (?, ?)').run(id, serviceId);
  }
  return id;
}

export function updateCounterState(
  db: Db,
  id: number,
  s: { state: CounterState; pauseReason: PauseReason | null; userId: number | null; since: string },
): void {
  sql(db, 'UPDATE counters SET state = ?, pause_reason = ?, user_id = ?, state_since = ? WHERE id = ?').run(
    s.state,
    s.pauseReason,
    s.userId,
    s.since,
    id,
  );
}
