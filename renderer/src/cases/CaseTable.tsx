// Cases as rows (coordinator queue, head's board, case list): each row opens the case.
import type { Case } from '../../../shared/domain/types';
import { formatDuration } from '../../../shared/ui/duration';
import { navigate } from '../hub';
import { useCaseT } from './text';
import { useHubNow, useStaff } from '../store';

export function CaseTable({ cases, empty }: { cases: readonly Case[]; empty: string }) {
  const t = useCaseT();
  const lang = useStaff((s) => s.lang);
  const me = useStaff((s) => s.data?.me.id);
  const now = useHubNow(30_000);
  if (cases.length === 0) return <p className="empty" data-testid="case-list-empty">{empty}</p>;
  const open = (c: Case) => navigate({ name: 'case', caseId: c.id });
  return (
    <table className="cases">
      <thead>
        <tr>
          <th>{t('caseReference')}</th>
          <th>{t('status')}</th>
          <th>{t('intake_title')}</th>
          <th>{t('visitor')}</th>
          <th>{t('owner')}</th>
          <th>{t('age')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr
            key={c.id}
            data-testid={`case-row-${c.id}`}
            data-status={c.status}
            className={c.ownerId === me ? 'mine' : undefined}
            role="link"
            tabIndex={0}
            onClick={() => open(c)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') open(c);
            }}
          >
            <td className="reference">{c.reference}</td>
            <td className="case-status-cell">
              <span className={`status status-${c.status}`}>{t(`caseStatus_${c.status}`)}</span>
              {c.escalationTarget && c.status === 'escalated' && (
                <span className="tag">{t(`target_${c.escalationTarget}`)}</span>
              )}
              {c.lastRecommendation && <span className="tag">{t('hasRecommendation')}</span>}
            </td>
            <td className="case-title">{c.intake?.title || '—'}</td>
            <td className="case-visitor">
              {c.intake?.visitorName || '—'}
              {c.intake?.visitorOrg ? <small> · {c.intake.visitorOrg}</small> : null}
            </td>
            <td className="case-owner">{c.ownerName}</td>
            <td className="case-age" data-testid={`case-age-${c.id}`}>{formatDuration(now - Date.parse(c.openedAt), lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
