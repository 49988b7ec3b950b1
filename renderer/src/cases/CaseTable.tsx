// Cases as rows (coordinator queue, head's board, case list): each row opens the case. A list longer than
// what is held shows how many and a button for the next page.
import type { CaseSummary } from '../../../shared/domain/types';
import { formatDuration } from '../../../shared/ui/duration';
import { navigate } from '../hub';
import { useCaseT } from './text';
import { useHubNow, useStaff } from '../store';

export function CaseTable({ cases, empty }: { cases: readonly CaseSummary[]; empty: string }) {
  const t = useCaseT();
  const lang = useStaff((s) => s.lang);
  const me = useStaff((s) => s.data?.me.id);
  const now = useHubNow(30_000);
  if (cases.length === 0) return <p className="empty" data-testid="case-list-empty">{empty}</p>;
  const open = (c: CaseSummary) => navigate({ name: 'case', caseId: c.id });
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
              {c.recommended && <span className="tag">{t('hasRecommendation')}</span>}
            </td>
            <td className="case-title">{c.title || '—'}</td>
            <td className="case-visitor">
              {c.visitorName || '—'}
              {c.visitorOrg ? <small> · {c.visitorOrg}</small> : null}
            </td>
            <td className="case-owner">{c.ownerName}</td>
            <td className="case-age" data-testid={`case-age-${c.id}`}>{formatDuration(now - Date.parse(c.openedAt), lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Below a list: how many of it are shown, and the next page when more wait at the hub. */
export function MoreCases({ shown, total, more, loading, onMore }: { shown: number; total: number | null; more: boolean; loading: boolean; onMore: () => void }) {
  const t = useCaseT();
  if (!more) return null;
  return (
    <div className="more-cases">
      <span className="hint" data-testid="cases-shown">
        {total === null ? t('casesShownMore', { n: shown }) : t('casesShownOf', { n: shown, total })}
      </span>
      <button type="button" data-testid="cases-more" disabled={loading} onClick={onMore}>
        {t('showMoreCases')}
      </button>
    </div>
  );
}
