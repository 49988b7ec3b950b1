// Today's work at this counter, at a glance.
import type { Ticket } from '../../../shared/domain/types';
import { formatDuration } from '../../../shared/ui/duration';
import { useT } from '../i18n';
import { useStaff } from '../store';

export function Tally({ counterId, tickets }: { counterId: number; tickets: readonly Ticket[] }) {
  const t = useT();
  const lang = useStaff((s) => s.lang);
  const here = tickets.filter((tk) => tk.counterId === counterId);
  const served = here.filter((tk) => tk.status === 'done' && tk.servingAt && tk.finishedAt);
  const noShows = here.filter((tk) => tk.status === 'no_show').length;
  const totalMs = served.reduce((sum, tk) => sum + Date.parse(tk.finishedAt as string) - Date.parse(tk.servingAt as string), 0);
  return (
    <section className="card tally">
      <h2>{t('tallyToday')}</h2>
      <dl>
        <dt>{t('served')}</dt>
        <dd data-testid="tally-served">{served.length}</dd>
        <dt>{t('noShows')}</dt>
        <dd data-testid="tally-no-show">{noShows}</dd>
        <dt>{t('averageService')}</dt>
        <dd data-testid="tally-average-service">{served.length ? formatDuration(totalMs / served.length, lang) : '—'}</dd>
      </dl>
    </section>
  );
}
