// The Head of Unit's report: checked here, computed in the report worker (hub/reports/) after the
// transaction, so the hub answers everyone else while a year is being added up.
import { REPORT_MAX_DAYS, reportPeriodProblem } from '../../shared/domain/report';
import { DomainError } from '../../shared/protocol/errors';
import type { Handler } from '../context';

export const REPORT_ROLES = ['head', 'admin'] as const;

/** Refuses a period the report cannot cover (to before from, longer than REPORT_MAX_DAYS). */
export function checkReportPeriod(from: string, to: string): void {
  const problem = reportPeriodProblem(from, to);
  if (problem) throw new DomainError(problem, { days: String(REPORT_MAX_DAYS) });
}

const get: Handler<'report:get'> = {
  who: REPORT_ROLES,
  reads: true,
  run(ctx, p) {
    checkReportPeriod(p.from, p.to);
    return {
      io: () =>
        ctx.reports.run({ ...p, timeZone: ctx.deps.timeZone, today: ctx.today }).then(
          (report) => () => ({ reply: report }),
          () => () => {
            throw new DomainError('REPORT_UNAVAILABLE');
          },
        ),
    };
  },
};

export const reportHandlers = { 'report:get': get };
