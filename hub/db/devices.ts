// Kiosks, displays and survey tablets. A device's key is stored as a hash only: it is shown once, when the
// device is made or given a new key.
import type { DeviceKind, PrinterTarget } from '../../shared/domain/types';
import { hashToken } from '../passwords';
import type { Db, ReadDb } from './connection';
import { sql } from './statements';

export interface Device {
  id: number;
  name: string;
  kind: DeviceKind;
  printer: PrinterTarget | null;
  counterId: number | null;
  active: boolean;
  lastSeenAt: string | null;
}

interface DeviceRow extends Omit<Device, 'printer' | 'active'> {
  printer: string | null;
  active: number;
}

const COLUMNS = 'id, name, kind, printer, counter_id AS counterId, active, last_seen_at AS lastSeenAt';

const toDevice = (r: DeviceRow): Device => ({
  ...r,
  active: r.active === 1,
  printer: r.printer ? (JSON.parse(r.printer) as PrinterTarget) : null,
});

export function insertDevice(
  db: Db,
  d: { name: string; kind: DeviceKind; key: string; printer: PrinterTarget | null; counterId: number | null; createdAt: string },
): number {
  return Number(
    sql(db, 'INSERT INTO devices (name, kind, key_hash, printer, counter_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      d.name,
      d.kind,
      hashToken(d.key),
      d.printer ? JSON.stringify(d.printer) : null,
      d.counterId,
      d.createdAt,
    ).lastInsertRowid,
  );
}

/** The device a key opens, revoked ones included (so a revoked screen can say so). */
export function findDeviceByKey(db: ReadDb, key: string): Device | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM devices WHERE key_hash = ?`).get(hashToken(key)) as DeviceRow | undefined;
  return row && toDevice(row);
}

export function getDevice(db: ReadDb, id: number): Device | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM devices WHERE id = ?`).get(id) as DeviceRow | undefined;
  return row && toDevice(row);
}

export function listDevices(db: ReadDb): Device[] {
  return (sql(db, `SELECT ${COLUMNS} FROM devices ORDER BY id`).all() as DeviceRow[]).map(toDevice);
}

export function deviceNameTaken(db: ReadDb, name: string, exceptId: number | null = null): boolean {
  return sql(db, 'SELECT 1 FROM devices WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(name, exceptId) !== undefined;
}

export function updateDevice(db: Db, id: number, d: { name: string; printer: PrinterTarget | null; counterId: number | null }): void {
  sql(db, 'UPDATE devices SET name = ?, printer = ?, counter_id = ? WHERE id = ?').run(
    d.name,
    d.printer ? JSON.stringify(d.printer) : null,
    d.counterId,
    id,
  );
}

export function setDeviceKey(db: Db, id: number, key: string): void {
  sql(db, 'UPDATE devices SET key_hash = ?, active = 1 WHERE id = ?').run(hashToken(key), id);
}

export function revokeDevice(db: Db, id: number): void {
  sql(db, 'UPDATE devices SET active = 0 WHERE id = ?').run(id);
}

export function touchDevice(db: Db, id: number, at: string): void {
  sql(db, 'UPDATE devices SET last_seen_at = ? WHERE id = ?').run(at, id);
}

/** The device is still active and still has the key it was admitted with (not revoked, not given a new key). */
export function deviceStillAdmitted(db: ReadDb, id: number, keyHash: string): boolean {
  return sql(db, 'SELECT 1 FROM devices WHERE id = ? AND active = 1 AND key_hash = ?').get(id, keyHash) !== undefined;
}
