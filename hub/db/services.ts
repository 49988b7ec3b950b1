import type { Service } from '../../shared/domain/types';
import type { Db } from './open';
import { sql } from './statements';

interface ServiceRow {
  id: number;
  code: string;
  name: string;
  active: number;
}

const toService = (r: ServiceRow): Service => ({ id: r.id, code: r.code, name: r.name, active: r.active === 1 });

export function listServices(db: Db): Service[] {
  return (sql(db, 'SELECT id, code, name, active FROM services ORDER BY sort, code').all() as ServiceRow[]).map(toService);
}

export function findActiveService(db: Db, code: string): Service | undefined {
  const row = sql(db, 'SELECT id, code, name, active FROM services WHERE code = ? AND active = 1').get(code) as
    | ServiceRow
    | undefined;
  return row && toService(row);
}

export function insertService(db: Db, s: { code: string; name: string; sort: number }): number {
  return Number(sql(db, 'INSERT INTO services (code, name, sort) VALUES (?, ?, ?)').run(s.code, s.name, s.sort).lastInsertRowid);
}
