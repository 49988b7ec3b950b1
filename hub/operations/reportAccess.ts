// Who may have the Head of Unit's report and for which period: the same over a socket (`report:get`) and
// for the HTTP exports (hub/reports/http.ts).
import { REPORT_MAX_DAYS, reportPeriodProblem } from '../../shared/domain/report';
import { DomainError } from '../../shared/protocol/errors';

export const REPORT_ROLES = ['head', 'admin'] as const;

/** Refuses a period the report cannot cover (to before from, longer than REPORT_MAX_DAYS). */
export function checkReportPeriod(from: string, to: string): void {
  const problem = reportPeriodProblem(from, to);
  if (problem) throw new DomainError(problem, { days: String(REPORT_MAX_DAYS) });
}
