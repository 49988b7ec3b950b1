// The Head of Unit's board (SOP steps 7–8): every case not yet closed with its age, owner and status,
// oldest first and filterable, counted by status, a page at a time; today's queue figures, all live, and the
// satisfaction index of today and this month.
import { useEffect, useState } from 'react';
import { officeDay } from '../../../shared/domain/officeTime';
import { queueStats } from '../../../shared/domain/queueStats';
import { IKM_GRADE_WORDS, type Ikm } from '../../../shared/domain/skm';
import { CASE_STATUSES, type ListedCaseStatus } from '../../../shared/domain/types';
import { formatDuration } from '../../../shared/ui/duration';
import { Figures, type Figure } from '../Figures';
import { read } from '../hub';
import { useCaseT } from './text';
import { useHubNow, useStaff, useTimeZone } from '../store';
import { OwnerFilter, StatusFilter } from './CaseFilters';
import { CaseTable, MoreCases } from './CaseTable';
import { useCaseList } from './useCaseList';

const ON_BOARD = CASE_STATUSES.filter((s) => s !== 'closed');

function QueueFigures() {
  const t = useCaseT();
  const lang = useStaff((s) => s.lang);
  const tickets = useStaff((s) => s.data?.tickets) ?? [];
  const timeZone = useTimeZone();
  const now = useHubNow(30_000);
  const stats = queueStats(tickets, new Date(now).toISOString(), timeZone);
  const seconds = (s: number | null) => (s === null ? '—' : formatDuration(s * 1000, lang));
  const figures: Figure[] = [
    ['stat-waiting', t('statWaiting'), stats.waiting],
    ['stat-served', t('statServed'), stats.served],
    ['stat-no-show', t('statNoShow'), stats.noShow],
    ['stat-average-wait', t('statAverageWait'), seconds(stats.averageWaitSeconds)],
    ['stat-average-service', t('statAverageService'), seconds(stats.averageServiceSeconds)],
  ];
  return (
    <section className="card figures">
      <h2>{t('queueToday')}</h2>
      <Figures figures={figures} />
    </section>
  );
}

/** Answers arrive from phones and tablets the board does not hear about: it asks again this often. */
const IKM_REFRESH_MS = 60_000;

/** The SKM index (IKM) of today and of this month with its grade; for the head and admins only. */
function SatisfactionFigures() {
  const t = useCaseT();
  const role = useStaff((s) => s.data?.me.role);
  const lang = useStaff((s) => s.lang);
  const timeZone = useTimeZone();
  const now = useHubNow(IKM_REFRESH_MS);
  const today = officeDay(new Date(now), timeZone);
  const [figures, setFigures] = useState<{ today: Ikm; month: Ikm } | null>(null);
  const allowed = role === 'head' || role === 'admin';
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    const monthStart = `${today.slice(0, 8)}01`;
    void Promise.all([read('survey:ikm', { from: today, to: today }), read('survey:ikm', { from: monthStart, to: today })]).then(
      ([day, month]) => live && day.ok && month.ok && setFigures({ today: day.data.overall, month: month.data.overall }),
    );
    return () => {
      live = false;
    };
  }, [allowed, today, now]);
  if (!allowed || !figures) return null;
  const shown: [string, string, Ikm][] = [
    ['today', t('ikmToday'), figures.today],
    ['month', t('ikmMonth'), figures.month],
  ];
  return (
    <section className="card figures">
      <h2>{t('ikmTitle')}</h2>
      <dl>
        {shown.map(([id, label, ikm]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd data-testid={`board-ikm-${id}`} data-grade={ikm.grade ?? ''}>
              {ikm.ikm === null || ikm.grade === null ? '—' : `${ikm.ikm.toFixed(2)} (${ikm.grade} · ${IKM_GRADE_WORDS[ikm.grade][lang]})`}
            </dd>
            <dt>{t('ikmAnswers', { n: ikm.count })}</dt>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function HeadBoard() {
  const t = useCaseT();
  const [status, setStatus] = useState<ListedCaseStatus | ''>('');
  const [owner, setOwner] = useState('');
  const counts = useStaff((s) => s.data?.caseCounts) ?? [];
  const filter = { unclosed: true, ...(status ? { status } : {}), ...(owner ? { ownerId: Number(owner) } : {}) };
  const { rows, total, more, loading, loadMore } = useCaseList({ filter, order: 'oldest' });
  const countOf = (s: ListedCaseStatus) => counts.filter((k) => k.status === s).reduce((sum, k) => sum + k.n, 0);
  return (
    <>
      <QueueFigures />
      <SatisfactionFigures />
      <section className="card">
        <h1>{t('nav_board')}</h1>
        <div className="board-counts">
          {ON_BOARD.map((s) => (
            <span key={s} className={`status status-${s}`}>
              {t(`caseStatus_${s}`)}: <strong data-testid={`board-count-${s}`}>{countOf(s)}</strong>
            </span>
          ))}
        </div>
        <div className="filters">
          <StatusFilter testId="board-filter-status" statuses={ON_BOARD} anyLabel={t('allUnclosed')} value={status} onChange={setStatus} />
          <OwnerFilter testId="board-filter-owner" value={owner} onChange={setOwner} />
        </div>
        {rows ? <CaseTable cases={rows} empty={t('noCasesOnBoard')} /> : <p className="hint">{t('loading')}</p>}
        <MoreCases shown={rows?.length ?? 0} total={total} more={more} loading={loading} onMore={loadMore} />
      </section>
    </>
  );
}
