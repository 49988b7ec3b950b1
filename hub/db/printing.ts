import type { PrinterFault } from '../../shared/domain/types';
import type { Db, ReadDb } from './connection';
import { sql } from './statements';

export function insertPrinterFault(
  db: Db,
  f: { deviceId: number; ticketId: number | null; code: string; message: string; at: string },
): number {
  return Number(
    sql(db, 'INSERT INTO printer_faults (device_id, ticket_id, code, message, at) VALUES (?, ?, ?, ?, ?)').run(
      f.deviceId,
      f.ticketId,
      f.code,
      f.message,
      f.at,
    ).lastInsertRowid,
  );
}

/** A print that worked shows the device's printer is fine again; returns how many faults that closed. */
export function resolvePrinterFaults(db: Db, deviceId: number, at: string): number {
  return sql(db, 'UPDATE printer_faults SET resolved_at = ? WHERE device_id = ? AND resolved_at IS NULL').run(at, deviceId)
    .changes;
}

/** Staff dealt with a ticket's faults (reprinted elsewhere, told the visitor): they leave the notice. */
export function closePrinterFaults(db: Db, ticketId: number, at: string, userId: number): number {
  return sql(
    db,
    'UPDATE printer_faults SET closed_at = ?, closed_by = ? WHERE ticket_id = ? AND resolved_at IS NULL AND closed_at IS NULL',
  ).run(at, userId, ticketId).changes;
}

/** Faults no print has resolved and no one has closed yet, oldest first: what staff are shown. */
export function listOpenPrinterFaults(db: ReadDb): PrinterFault[] {
  return sql(
    db,
    `SELECT f.id, f.device_id AS deviceId, d.name AS deviceName, f.ticket_id AS ticketId, t.number AS ticketNumber,
       f.code, f.message, f.at
     FROM printer_faults f JOIN devices d ON d.id = f.device_id LEFT JOIN tickets t ON t.id = f.ticket_id
     WHERE f.resolved_at IS NULL AND f.closed_at IS NULL ORDER BY f.id`,
  ).all() as PrinterFault[];
}

/** Has the kiosk already asked the hub to print this ticket? Reprints do not count. */
export function wasTicketPrintRequested(db: ReadDb, ticketId: number): boolean {
  return sql(db, "SELECT 1 FROM events WHERE ticket_id = ? AND type = 'print.ticket' LIMIT 1").get(ticketId) !== undefined;
}

/** Faults recorded for one ticket, resolved or not. */
export function countTicketFaults(db: ReadDb, ticketId: number): number {
  return (sql(db, 'SELECT count(*) AS n FROM printer_faults WHERE ticket_id = ?').get(ticketId) as { n: number }).n;
}

/** Faults of one device that no print has resolved yet. */
export function countOpenDeviceFaults(db: ReadDb, deviceId: number): number {
  return (sql(db, 'SELECT count(*) AS n FROM printer_faults WHERE device_id = ? AND resolved_at IS NULL').get(deviceId) as { n: number }).n;
}
