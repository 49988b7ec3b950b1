import type { DeviceKind } from '../../shared/domain/types';
import type { Db } from './open';
import { sql } from './statements';

export interface PrinterTarget {
  host: string;
  port: number;
  width: 58 | 80;
}

export interface Device {
  id: number;
  name: string;
  kind: DeviceKind;
  key: string;
  printer: PrinterTarget | null;
}

interface DeviceRow {
  id: number;
  name: string;
  kind: DeviceKind;
  key: string;
  printer: string | null;
}

const toDevice = (r: DeviceRow): Device => ({ ...r, printer: r.printer ? (JSON.parse(r.printer) as PrinterTarget) : null });

export function insertDevice(db: Db, d: Omit<Device, 'id'>): number {
  return Number(
    sql(db, 'INSERT INTO devices (name, kind, key, printer) VALUES (?, ?, ?, ?)').run(
      d.name,
      d.kind,
      d.key,
      d.printer ? JSON.stringify(d.printer) : null,
    ).lastInsertRowid,
  );
}

export function findDeviceByKey(db: Db, key: string): Device | undefined {
  const row = sql(db, 'SELECT id, name, kind, key, printer FROM devices WHERE key = ?').get(key) as DeviceRow | undefined;
  return row && toDevice(row);
}

export function getDevice(db: Db, id: number): Device | undefined {
  const row = sql(db, 'SELECT id, name, kind, key, printer FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
  return row && toDevice(row);
}

export function listDevices(db: Db): Device[] {
  return (sql(db, 'SELECT id, name, kind, key, printer FROM devices ORDER BY id').all() as DeviceRow[]).map(toDevice);
}
