// The report's exports over HTTP: `/reports/export.csv` and `/reports/export.xlsx?from=…&to=…&lang=…`, for a
// signed-in head or admin only. The staff app sends its session token as `Authorization: Bearer …` (never in
// the address, which browsers and proxies keep in their histories and logs) and saves the answer as a file.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { officeDay } from '../../shared/domain/officeTime';
import { errorMessage, DomainError, type ErrorCode, type Lang } from '../../shared/protocol/errors';
import { describeIssues, reportPeriod, safeParseIn } from '../../shared/protocol/schemas';
import type { HubDeps } from '../context';
import { findSessionUser } from '../db/index';
import { checkReportPeriod, REPORT_ROLES } from '../operations/reportAccess';
import { hashToken } from '../passwords';
import { reportCsv, reportXlsx } from './exports';
import type { ReportRunner } from './runner';

export const EXPORT_PATHS = { '/reports/export.csv': 'csv', '/reports/export.xlsx': 'xlsx' } as const;

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function refuse(res: ServerResponse, status: number, code: ErrorCode, lang: Lang, params: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ code, message: errorMessage(code, lang, params) }));
}

/** Why this request may not have the export (status and code), or the period it asks for. */
function authorize(req: IncomingMessage, url: URL, deps: HubDeps, lang: Lang): { status: number; code: ErrorCode; params?: Record<string, string> } | { from: string; to: string } {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return { status: 401, code: 'NOT_AUTHENTICATED' };
  const found = findSessionUser(deps.db, hashToken(token), deps.clock().toISOString());
  if (!found) return { status: 401, code: 'SESSION_EXPIRED' };
  if (found.passwordChangeRequired) return { status: 403, code: 'PASSWORD_CHANGE_REQUIRED' };
  if (!(REPORT_ROLES as readonly string[]).includes(found.user.role)) return { status: 403, code: 'FORBIDDEN' };
  const parsed = safeParseIn(reportPeriod, { from: url.searchParams.get('from'), to: url.searchParams.get('to') }, lang);
  if (!parsed.success) return { status: 400, code: 'VALIDATION_FAILED', params: { detail: describeIssues(parsed.error, lang) } };
  try {
    checkReportPeriod(parsed.data.from, parsed.data.to);
  } catch (e) {
    if (e instanceof DomainError) return { status: 400, code: e.code, params: e.params };
    throw e;
  }
  return parsed.data;
}

export async function serveReportExport(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  format: (typeof EXPORT_PATHS)[keyof typeof EXPORT_PATHS],
  deps: HubDeps,
  reports: ReportRunner,
): Promise<void> {
  const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
  const allowed = authorize(req, url, deps, lang);
  if ('code' in allowed) return refuse(res, allowed.status, allowed.code, lang, allowed.params);
  let body: string | Buffer;
  try {
    const report = await reports.run({ ...allowed, timeZone: deps.timeZone, today: officeDay(deps.clock(), deps.timeZone) });
    body = format === 'csv' ? reportCsv(report, lang) : await reportXlsx(report, lang);
  } catch {
    return refuse(res, 503, 'REPORT_UNAVAILABLE', lang);
  }
  res.writeHead(200, {
    'content-type': TYPES[format],
    'content-disposition': `attachment; filename="laporan-${allowed.from}-${allowed.to}.${format}"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}
