import type { Service } from '../../shared/domain/types';
import type { Db, ReadDb } from './connection';
import { sql } from './statements';

interface ServiceRow extends Omit<Service, 'active' | 'askPriority'> {
  active: number;
  askPriority: number;
}

const COLUMNS = 'id, code, name, name_en AS nameEn, sort, ask_priority AS askPriority, active';

const toService = (r: ServiceRow): Service => ({ ...r, active: r.active === 1, askPriority: r.askPriority === 1 });

/** Every service, inactive ones too (tickets already waiting in them are still served), in kiosk order. */
export function listServices(db: ReadDb): Service[] {
  return (sql(db, `SELECT ${COLUMNS} FROM services ORDER BY sort, code`).all() as ServiceRow[]).map(toService);
}

export function findActiveService(db: ReadDb, code: string): Service | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM services WHERE code = ? AND active = 1`).get(code) as ServiceRow | undefined;
  return row && toService(row);
}

export function getService(db: ReadDb, id: number): Service | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM services WHERE id = ?`).get(id) as ServiceRow | undefined;
  return row && toService(row);
}

export function findServiceByCode(db: ReadDb, code: string): Service | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM services WHERE code = ?`).get(code) as ServiceRow | undefined;
  return row && toService(row);
}

type ServiceFields = Omit<Service, 'id' | 'code'>;

export function insertService(db: Db, s: { code: string } & Partial<ServiceFields> & { name: string }): number {
  return Number(
    sql(db, 'INSERT INTO services (code, name, name_en, sort, ask_priority, active) VALUES (?, ?, ?, ?, ?, ?)').run(
      s.code,
      s.name,
      s.nameEn ?? '',
      s.sort ?? 0,
      s.askPriority === false ? 0 : 1,
      s.active === false ? 0 : 1,
    ).lastInsertRowid,
  );
}

export function updateService(db: Db, id: number, s: ServiceFields): void {
  sql(db, 'UPDATE services SET name = ?, name_en = ?, sort = ?, ask_priority = ?, active = ? WHERE id = ?').run(
    s.name,
    s.nameEn,
    s.sort,
    s.askPriority ? 1 : 0,
    s.active ? 1 : 0,
    id,
  );
}
