// The report worker: computes reports on its own read-only connection, off the hub's event loop, so a
// year's report never holds up a ticket. Started by ReportRunner (runner.ts), one per hub.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { computeReport, type ReportQuery } from './figures';

export interface ReportRequest extends ReportQuery {
  id: number;
}
export type ReportResponse = { id: number; ok: true; report: ReturnType<typeof computeReport> } | { id: number; ok: false; message: string };

const db = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');

parentPort?.on('message', (req: ReportRequest) => {
  let res: ReportResponse;
  try {
    // One read transaction: every figure of a report sees the same moment of the database.
    res = { id: req.id, ok: true, report: db.transaction(() => computeReport(db, req))() };
  } catch (e) {
    res = { id: req.id, ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort?.postMessage(res);
});
