// The Head of Unit's report: checked here, computed in the report worker (hub/reports/) after the
// transaction, so the hub answers everyone else while a year is being added up.
import { DomainError } from '../../shared/protocol/errors';
import type { Handler } from '../context';
import { checkReportPeriod, REPORT_ROLES } from '../operations/reportAccess';

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
