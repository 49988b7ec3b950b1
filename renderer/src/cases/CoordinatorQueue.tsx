// The coordinator's queue (SOP step 5): escalated cases, oldest first, live; further pages on request.
import { snapshotList } from '../../../shared/domain/caseLists';
import { useCaseT } from './text';
import { CaseTable, MoreCases } from './CaseTable';
import { useCaseList } from './useCaseList';

export function CoordinatorQueue() {
  const t = useCaseT();
  const { rows, total, more, loading, loadMore } = useCaseList(snapshotList('escalated'));
  return (
    <section className="card">
      <h1>
        {t('nav_queue')} <span className="count" data-testid="queue-count">{total ?? 0}</span>
      </h1>
      {rows ? <CaseTable cases={rows} empty={t('noEscalated')} /> : <p className="hint">{t('loading')}</p>}
      <MoreCases shown={rows?.length ?? 0} total={total} more={more} loading={loading} onMore={loadMore} />
    </section>
  );
}
