// The coordinator's queue (SOP step 5): escalated cases, oldest first, live.
import { useCaseT } from './text';
import { useStaff } from '../store';
import { CaseTable } from './CaseTable';
import { useShallow } from 'zustand/react/shallow';

export function CoordinatorQueue() {
  const t = useCaseT();
  const escalated = useStaff(
    useShallow((s) =>
      (s.data?.cases ?? [])
        .filter((c) => c.status === 'escalated')
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id - b.id),
    ),
  );
  return (
    <section className="card">
      <h1>
        {t('nav_queue')} <span className="count" data-testid="queue-count">{escalated.length}</span>
      </h1>
      <CaseTable cases={escalated} empty={t('noEscalated')} />
    </section>
  );
}
