import type { AdminCounter, Counter, CounterState, PauseReason } from '../../shared/domain/types';
import type { Db, ReadDb } from './connection';
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

export function listCounters(db: ReadDb): Counter[] {
  return (sql(db, `${SELECT} ORDER BY c.number, c.name`).all() as CounterRow[]).map(toCounter);
}

/** Counters open now (not paused) that serve a service: how many work its queue, for the wait estimate. */
export function countOpenCountersServing(db: ReadDb, serviceCode: string): number {
  const row = sql(
    db,
    `SELECT count(*) AS n FROM counters c JOIN counter_services cs ON cs.counter_id = c.id JOIN services s ON s.id = cs.service_id
     WHERE c.active = 1 AND c.state = 'open' AND s.code = ?`,
  ).get(serviceCode) as { n: number };
  return row.n;
}

export function getCounter(db: ReadDb, id: number): Counter | undefined {
  const row = sql(db, `${SELECT} AND c.id = ?`).get(id) as CounterRow | undefined;
  return row && toCounter(row);
}

export function findCounterHeldBy(db: ReadDb, userId: number): Counter | undefined {
  const row = sql(db, `${SELECT} AND c.user_id = ?`).get(userId) as CounterRow | undefined;
  return row && toCounter(row);
}

export function insertCounter(db: Db, c: { name: string; number: number; serviceIds: number[]; active?: boolean }): number {
  const id = Number(
    sql(db, 'INSERT INTO counters (name, number, active) VALUES (?, ?, ?)').run(c.name, c.number, c.active === false ? 0 : 1)
      .lastInsertRowid,
  );
  setCounterServices(db, id, c.serviceIds);
  return id;
}

function setCounterServices(db: Db, id: number, serviceIds: number[]): void {
  sql(db, 'DELETE FROM counter_services WHERE counter_id = ?').run(id);
  for (const serviceId of serviceIds) {
    sql(db, 'INSERT INTO counter_services (counter_id, service_id) VALUES (?, ?)').run(id, serviceId);
  }
}

export function updateCounter(db: Db, id: number, c: { name: string; number: number; serviceIds: number[]; active: boolean }): void {
  sql(db, 'UPDATE counters SET name = ?, number = ?, active = ? WHERE id = ?').run(c.name, c.number, c.active ? 1 : 0, id);
  setCounterServices(db, id, c.serviceIds);
}

/** Every counter, inactive ones too, for the admin section. */
export function listAdminCounters(db: ReadDb): AdminCounter[] {
  const rows = sql(
    db,
    `SELECT c.id, c.name, c.number, c.active,
       (SELECT group_concat(s.code, ',') FROM counter_services cs JOIN services s ON s.id = cs.service_id WHERE cs.counter_id = c.id) AS serviceCodes
     FROM counters c ORDER BY c.active DESC, c.number, c.name`,
  ).all() as { id: number; name: string; number: number; active: number; serviceCodes: string | null }[];
  return rows.map((r) => ({ ...r, active: r.active === 1, serviceCodes: r.serviceCodes ? r.serviceCodes.split(',').sort() : [] }));
}

/** A counter by id whether active or not (getCounter sees active ones only). */
export function getAdminCounter(db: ReadDb, id: number): AdminCounter | undefined {
  return listAdminCounters(db).find((c) => c.id === id);
}

/** Another counter, active or not, already has this name or (among active ones) this spoken number. */
export function counterClash(db: ReadDb, c: { name: string; number: number; active: boolean }, exceptId: number | null): 'name' | 'number' | null {
  if (sql(db, 'SELECT 1 FROM counters WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(c.name, exceptId)) return 'name';
  if (c.active && sql(db, 'SELECT 1 FROM counters WHERE number = ? AND active = 1 AND id IS NOT ?').get(c.number, exceptId)) {
    return 'number';
  }
  return null;
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

/** Today's waiting tickets transferred to this counter by name: only it may call them. */
export function countTicketsSentTo(db: ReadDb, counterId: number, officeDay: string): number {
  return (
    sql(db, `SELECT count(*) AS n FROM tickets WHERE target_counter_id = ? AND status = 'waiting' AND office_day = ?`).get(counterId, officeDay) as {
      n: number;
    }
  ).n;
}
