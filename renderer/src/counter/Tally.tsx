// Today's work at this counter, at a glance: the head's queue figures, over this counter's tickets.
import { queueStats } from '../../../shared/domain/queueStats';
import type { Ticket } from '../../../shared/domain/types';
import { formatDuration } from '../../../shared/ui/duration';
import { useT } from '../i18n';
import { useHubNow, useStaff, useTimeZone } from '../store';

export function Tally({ counterId, tickets }: { counterId: number; tickets: readonly Ticket[] }) {
  const t = useT();
  const lang = useStaff((s) => s.lang);
  const timeZone = useTimeZone();
  const now = useHubNow(60_000);
  const here = tickets.filter((tk) => tk.counterId === counterId);
  const stats = queueStats(here, new Date(now).toISOString(), timeZone);
  return (
    <section className="card tally">
      <h2>{t('tallyToday')}</h2>
      <dl>
        <dt>{t('served')}</dt>
        <dd data-testid="tally-served">{stats.served}</dd>
        <dt>{t('noShows')}</dt>
        <dd data-testid="tally-no-show">{stats.noShow}</dd>
        <dt>{t('averageService')}</dt>
        <dd data-testid="tally-average-service">
          {stats.averageServiceSeconds === null ? '—' : formatDuration(stats.averageServiceSeconds * 1000, lang)}
        </dd>
      </dl>
    </section>
  );
}
