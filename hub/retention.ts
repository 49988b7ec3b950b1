// Personal-data retention: the visitor's name, company, phone and e-mail are kept in a closed case for the
// admin's `retentionDays`, then blanked, one event per case saying which fields (never their values). The
// figures stay: category, visitor type, module, title, times and the whole event log. Runs with the office
// day's rollover, so once a day and at every start (a hub that was off catches up at once). See docs/privacy.md.
import { PERSONAL_INTAKE_FIELDS } from '../shared/domain/caseRules';
import { addDays } from '../shared/domain/officeTime';
import type { HubDeps } from './context';
import { appendEvent, blankPersonalData, getSettings, listClosedCasesWithPersonalData, type ReadDb } from './db/index';

/** The closed cases still holding personal data that a period of `retentionDays` has run out for on `today`. */
export function expiredPersonalData(db: ReadDb, today: string, retentionDays: number) {
  return listClosedCasesWithPersonalData(db, addDays(today, -retentionDays));
}

/** Run inside a transaction. Blanks the cases closed more than `retentionDays` office days before `today`; returns their ids. */
export function blankExpiredPersonalData(deps: HubDeps, today: string): number[] {
  const { retentionDays } = getSettings(deps.db);
  const at = deps.clock().toISOString();
  const expired = expiredPersonalData(deps.db, today, retentionDays);
  for (const c of expired) {
    blankPersonalData(deps.db, c.id);
    appendEvent(deps.db, {
      at,
      type: 'case.retention',
      caseId: c.id,
      fromStatus: 'closed',
      toStatus: 'closed',
      data: { note: '', changed: PERSONAL_INTAKE_FIELDS.filter((f) => c[f] !== ''), retentionDays },
    });
  }
  return expired.map((c) => c.id);
}
