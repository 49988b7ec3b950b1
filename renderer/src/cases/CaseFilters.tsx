// The status and owner pickers that narrow a list of cases (case list, head's board).
import { CASE_OWNER_ROLES } from '../../../shared/domain/caseRules';
import type { ListedCaseStatus } from '../../../shared/domain/types';
import { useCaseT } from './text';
import { useStaff } from '../store';

export function StatusFilter({
  testId,
  statuses,
  anyLabel,
  value,
  onChange,
}: {
  testId: string;
  statuses: readonly ListedCaseStatus[];
  /** The choice that filters nothing. */
  anyLabel: string;
  value: ListedCaseStatus | '';
  onChange: (status: ListedCaseStatus | '') => void;
}) {
  const t = useCaseT();
  return (
    <label>
      {t('status')}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as ListedCaseStatus | '')}>
        <option value="">{anyLabel}</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {t(`caseStatus_${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Picks one of the staff who can own a case, by user id ('' for everyone). */
export function OwnerFilter({ testId, value, onChange }: { testId: string; value: string; onChange: (ownerId: string) => void }) {
  const t = useCaseT();
  const users = useStaff((s) => s.data?.users) ?? [];
  return (
    <label>
      {t('owner')}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('everyone')}</option>
        {users
          .filter((u) => CASE_OWNER_ROLES.includes(u.role))
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
      </select>
    </label>
  );
}
