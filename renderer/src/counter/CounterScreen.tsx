// The counter section: choose a counter to take, or the console of the counter already held.
import { useState } from 'react';
import type { Counter } from '../../../shared/domain/types';
import { usePending } from '../../../shared/ui/usePending';
import { request } from '../hub';
import { useT } from '../i18n';
import { myCounter, useStaff } from '../store';
import { CounterConsole } from './CounterConsole';

function CounterSelect() {
  const t = useT();
  const counters = useStaff((s) => s.data?.counters);
  const me = useStaff((s) => s.data?.me.id);
  const [counterId, setCounterId] = useState('');
  const [pending, run] = usePending();
  if (!counters) return null;
  const open = () => run(() => request('counter:open', { counterId: Number(counterId) }));
  // A counter someone else holds cannot be taken: the hub would refuse it anyway.
  const heldByOther = (c: Counter) => c.state !== 'closed' && c.userId !== me;
  const holder = (c: Counter) => {
    if (c.state === 'closed') return t('counterFree');
    return c.userName ? t('counterHeldBy', { name: c.userName }) : t('counterHeld');
  };
  return (
    <section className="card counter-select">
      <h1>{t('chooseCounter')}</h1>
      <label>
        {t('counter')}
        <select data-testid="counter-select" value={counterId} onChange={(e) => setCounterId(e.target.value)}>
          <option value="">{t('chooseCounterPlaceholder')}</option>
          {counters.map((c) => (
            <option key={c.id} value={c.id} disabled={heldByOther(c)}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="primary big"
        data-testid="counter-open"
        disabled={counterId === '' || pending}
        onClick={() => void open()}
      >
        {t('openCounter')}
      </button>
      <ul className="counter-holders">
        {counters.map((c) => (
          <li key={c.id}>
            {c.name}: {holder(c)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CounterScreen() {
  const held = useStaff((s) => myCounter(s)?.id);
  return held === undefined ? <CounterSelect /> : <CounterConsole counterId={held} />;
}
