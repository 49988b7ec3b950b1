// The Head of Unit's board (SOP steps 7–8): every case not yet closed with its age, owner and status,
// filterable, and today's queue figures, all live.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { queueStats } from '../../../shared/domain/queueStats';
import { CASE_STATUSES, type ListedCaseStatus } from '../../../shared/domain/types';
import { formatDuration } from '../../../shared/ui/duration';
import { useT } from '../i18n';
import { useHubNow, useStaff, useTimeZone } from '../store';
import { OwnerFilter, StatusFilter } from './CaseFilters';
import { CaseTable } from './CaseTable';

const ON_BOARD = CASE_STATUSES.filter((s) => s !== 'closed');

function QueueFigures() {
  const t = useT();
  const lang = useStaff((s) => s.lang);
  const tickets = useStaff((s) => s.data?.tickets) ?? [];
  const timeZone = useTimeZone();
  const now = useHubNow(30_000);
  const stats = queueStats(tickets, new Date(now).toISOString(), timeZone);
  const seconds = (s: number | null) => (s === null ? '—' : formatDuration(s * 1000, lang));
  const figures: [string, string, string | number][] = [
    ['stat-waiting', t('statWaiting'), stats.waiting],
    ['stat-served', t('statServed'), stats.served],
    ['stat-no-show', t('statNoShow'), stats.noShow],
    ['stat-average-wait', t('statAverageWait'), seconds(stats.averageWaitSeconds)],
    ['stat-average-service', t('statAverageService'), seconds(stats.averageServiceSeconds)],
  ];
  return (
    <section className="card figures">
      <h2>{t('queueToday')}</h2>
      <dl>
        {figures.map(([id, label, value]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd data-testid={id}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function HeadBoard() {
  const t = useT();
  const [status, setStatus] = useState<ListedCaseStatus | ''>('');
  const [owner, setOwner] = useState('');
  const unclosed = useStaff(
    useShallow((s) =>
      (s.data?.cases ?? [])
        .filter((c) => c.status !== 'closed')
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id - b.id),
    ),
  );
  const shown = unclosed.filter((c) => (status === '' || c.status === status) && (owner === '' || c.ownerId === Number(owner)));
  return (
    <>
      <QueueFigures />
      <section className="card">
        <h1>{t('nav_board')}</h1>
        <div className="board-counts">
          {ON_BOARD.map((s) => (
            <span key={s} className={`status status-${s}`}>
              {t(`caseStatus_${s}`)}: <strong data-testid={`board-count-${s}`}>{unclosed.filter((c) => c.status === s).length}</strong>
            </span>
          ))}
        </div>
        <div className="filters">
          <StatusFilter testId="board-filter-status" statuses={ON_BOARD} anyLabel={t('allUnclosed')} value={status} onChange={setStatus} />
          <OwnerFilter testId="board-filter-owner" value={owner} onChange={setOwner} />
        </div>
        <CaseTable cases={shown} empty={t('noCasesOnBoard')} />
      </section>
    </>
  );
}
