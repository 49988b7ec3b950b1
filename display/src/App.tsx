// The waiting-room screen: read from across the room, so few things, large, in high contrast.
import { useMemo } from 'react';
import { formatOfficeDateTime } from '../../shared/domain/officeTime';
import type { PublicCounter } from '../../shared/domain/types';
import { useTranslator } from '../../shared/ui/i18n';
import { useNow } from '../../shared/ui/useNow';
import { DICT } from './i18n';
import { useDisplay } from './store';

function useT() {
  return useTranslator(DICT, useDisplay((s) => s.lang));
}

function Clock() {
  const timeZone = useDisplay((s) => s.timeZone);
  const lang = useDisplay((s) => s.lang);
  const offset = useDisplay((s) => s.clockOffsetMs);
  const now = new Date(useNow(1000, offset)).toISOString();
  return (
    <div className="clock">
      <span className="clock-time" data-testid="display-clock">
        {formatOfficeDateTime(now, timeZone, lang, { time: true })}
      </span>
      <span className="clock-date" data-testid="display-date">
        {formatOfficeDateTime(now, timeZone, lang, { date: true })}
      </span>
    </div>
  );
}

function Header({ onEnableSound }: { onEnableSound: () => void }) {
  const office = useDisplay((s) => s.office);
  const online = useDisplay((s) => s.online);
  return (
    <header className="header">
      <div className="office">
        <span className="office-name" data-testid="display-office-name">
          {office?.name ?? ''}
        </span>
        {/* Offline, the notice takes the address's line: the office name stays whole. */}
        {online === false ? <OfflineNotice /> : office?.address ? <span className="office-address">{office.address}</span> : null}
      </div>
      <EnableSound onEnable={onEnableSound} />
      <Clock />
    </header>
  );
}

function NowCalling() {
  const t = useT();
  const call = useDisplay((s) => s.recentCalls[0]);
  const flashes = useDisplay((s) => s.flashes);
  return (
    <section className="now" aria-live="polite">
      <h2 className="panel-title">{t('nowCalling')}</h2>
      {/* A new key restarts the flash on every call and recall. */}
      <div key={flashes} className={flashes > 0 ? 'now-call flash' : 'now-call'}>
        <div className="now-number" data-testid="display-now-number">
          {call?.ticketNumber ?? ''}
        </div>
        {call ? null : <div className="now-empty">{t('noCallYet')}</div>}
        <div className="now-goto">{call ? t('goTo') : ''}</div>
        <div className="now-counter" data-testid="display-now-counter">
          {call?.counterName ?? ''}
        </div>
      </div>
    </section>
  );
}

function RecentCalls() {
  const t = useT();
  const calls = useDisplay((s) => s.recentCalls);
  return (
    <section className="history">
      <h2 className="panel-title">{t('recentCalls')}</h2>
      <ol className="history-list">
        {calls.map((c, i) => (
          <li
            key={`${c.ticketNumber}@${c.counterId}`}
            className={i === 0 ? 'history-item latest' : 'history-item'}
            data-testid="display-history-item"
          >
            <span className="history-number">{c.ticketNumber}</span>
            <span className="history-arrow" aria-hidden="true">
              ➜
            </span>
            <span className="history-counter">{c.counterName}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function CounterCard({ counter }: { counter: PublicCounter }) {
  const t = useT();
  const reason = counter.pauseReason ? t(`reason_${counter.pauseReason}`) : '';
  return (
    <li className={`counter ${counter.state}`} data-testid={`display-counter-${counter.id}`} data-state={counter.state}>
      <span className="counter-name">{counter.name}</span>
      {counter.state === 'paused' ? (
        <span className="counter-status">
          {t('paused')}
          {reason ? <span className="counter-reason"> · {reason}</span> : null}
        </span>
      ) : (
        <span className={counter.currentNumber ? 'counter-status serving' : 'counter-status idle'}>
          {counter.currentNumber ?? t('counterIdle')}
        </span>
      )}
    </li>
  );
}

function Counters() {
  const t = useT();
  const all = useDisplay((s) => s.counters);
  const working = useMemo(() => all.filter((c) => c.state !== 'closed'), [all]);
  return (
    <section className="counters">
      <h2 className="panel-title">{t('counters')}</h2>
      {working.length === 0 ? (
        <p className="muted">{t('noCounterOpen')}</p>
      ) : (
        <ul className="counter-list">
          {working.map((c) => (
            <CounterCard key={c.id} counter={c} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Waiting() {
  const t = useT();
  const services = useDisplay((s) => s.services);
  const waiting = useDisplay((s) => s.waiting);
  return (
    <section className="waiting">
      <h2 className="panel-title">{t('waiting')}</h2>
      <ul className="waiting-list">
        {services
          .filter((s) => s.active)
          .map((s) => (
            <li key={s.id} className="waiting-item">
              <span className="waiting-code">{s.code}</span>
              <span className="waiting-name" data-testid={`display-service-name-${s.code}`}>
                {s.name}
              </span>
              <span className="waiting-count" data-testid={`display-waiting-${s.code}`}>
                {waiting[s.code] ?? 0}
              </span>
            </li>
          ))}
      </ul>
    </section>
  );
}

function RunningText() {
  const text = useDisplay((s) => s.runningText.trim());
  if (!text) return null;
  // Long texts scroll at the same reading speed as short ones.
  const seconds = Math.max(15, Math.round(text.length * 0.3));
  return (
    <footer className="ticker">
      <div className="ticker-text" data-testid="display-running-text" style={{ animationDuration: `${seconds}s` }}>
        {text}
      </div>
    </footer>
  );
}

function OfflineNotice() {
  const t = useT();
  return (
    <div className="offline" role="status" data-testid="display-offline">
      <span className="offline-dot" aria-hidden="true" />
      {t('offline')}
    </div>
  );
}

function EnableSound({ onEnable }: { onEnable: () => void }) {
  const t = useT();
  const blocked = useDisplay((s) => s.soundBlocked);
  if (!blocked) return null;
  return (
    // Focused, so the OK key of a TV remote is enough.
    <button type="button" className="enable-sound" data-testid="display-enable-sound" onClick={onEnable} autoFocus>
      <span className="enable-sound-label">{t('enableSound')}</span>
      <span className="enable-sound-hint">{t('enableSoundHint')}</span>
    </button>
  );
}

function Revoked() {
  const t = useT();
  return (
    <div className="screen revoked" role="alert" data-testid="display-revoked">
      <p>{t('revoked')}</p>
    </div>
  );
}

export function App({ onEnableSound }: { onEnableSound: () => void }) {
  const online = useDisplay((s) => s.online);
  const revoked = useDisplay((s) => s.revoked);
  if (revoked) return <Revoked />;
  return (
    <div className={online === false ? 'screen stale' : 'screen'}>
      <Header onEnableSound={onEnableSound} />
      <main className="main">
        <NowCalling />
        <RecentCalls />
      </main>
      <div className="status">
        <Counters />
        <Waiting />
      </div>
      <RunningText />
    </div>
  );
}
