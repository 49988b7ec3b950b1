// The counter section: choose a counter to take, or the console of the counter already held.
import { useState } from 'react';
import { request } from '../hub';
import { useT } from '../i18n';
import { myCounter, useStaff } from '../store';
import { CounterConsole } from './CounterConsole';

function CounterSelect() {
  const t = useT();
  const counters = useStaff((s) => s.data?.counters);
  const [counterId, setCounterId] = useState('');
  const [pending, setPending] = useState(false);
  if (!counters) return null;
  const open = async () => {
    setPending(true);
    await request('counter:open', { counterId: Number(counterId) });
    setPending(false);
  };
  return (
    <section className="card counter-select">
      <h1>{t('chooseCounter')}</h1>
      <label>
        {t('counter')}
        <select data-testid="counter-select" value={counterId} onChange={(e) => setCounterId(e.target.value)}>
          <option value="">{t('chooseCounterPlaceholder')}</option>
          {counters.map((c) => (
            <option key={c.id} value={c.id}>
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
            {c.name}: {c.state === 'closed' ? t('counterFree') : t('counterHeldBy', { name: c.userName ?? '?' })}
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
