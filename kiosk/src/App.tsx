// The kiosk's screens: welcome with one big button per service, the priority question, the ticket, and the
// plain messages (offline, closed, refused). State comes from the store; taps go to the actions.
import { useMemo } from 'react';
import { formatEta } from '../../shared/domain/estimate';
import { formatOfficeDateTime, openState } from '../../shared/domain/officeTime';
import type { OpenState } from '../../shared/domain/types';
import { errorMessage, type Lang } from '../../shared/protocol/errors';
import { useTranslator } from '../../shared/ui/i18n';
import { QrCode } from '../../shared/ui/QrCode';
import { useNow } from '../../shared/ui/useNow';
import { DICT } from './i18n';
import type { KioskActions } from './kiosk';
import { PRIORITY_KINDS, useKiosk, type ShownTicket } from './store';

const CLOCK_TICK_MS = 15_000;

function useT() {
  return useTranslator(DICT, useKiosk((s) => s.lang));
}

/** The office's time (the hub's clock), ticking. */
function useOfficeNow(): number {
  const offsetMs = useKiosk((s) => s.clockOffsetMs);
  return useNow(CLOCK_TICK_MS, offsetMs);
}

function useOpenState(now: number): OpenState {
  const timeZone = useKiosk((s) => s.timeZone);
  const hours = useKiosk((s) => s.settings.openingHours);
  // Re-evaluated once a minute at most: opening hours are whole minutes.
  const minute = Math.floor(now / 60_000);
  return useMemo(() => openState(new Date(minute * 60_000), timeZone, hours), [minute, timeZone, hours]);
}

export function App({ actions }: { actions: KioskActions }) {
  const setup = useKiosk((s) => s.setup);
  const ready = useKiosk((s) => s.ready);
  const online = useKiosk((s) => s.online);
  const asking = useKiosk((s) => s.askingPriorityFor !== null);
  const showingTicket = useKiosk((s) => s.shown !== null);
  const t = useT();
  const now = useOfficeNow();
  const open = useOpenState(now);

  if (setup) {
    const SETUP_TEXT = { no_key: 'noKey', key_invalid: 'keyInvalid', revoked: 'revoked' } as const;
    return (
      <main className="kiosk kiosk-setup" data-testid={setup === 'revoked' ? 'kiosk-revoked' : 'kiosk-setup'}>
        <p>{t(SETUP_TEXT[setup])}</p>
      </main>
    );
  }
  return (
    <div className="kiosk">
      <Header actions={actions} now={now} />
      {online === false && (
        <p className="kiosk-offline" data-testid="kiosk-offline" role="alert">
          {t('offline')}
        </p>
      )}
      {!ready ? (
        <main className="kiosk-main">
          <p className="kiosk-connecting">{t('connecting')}</p>
        </main>
      ) : (
        // In landscape the welcome takes a narrow column and the services the rest; a ticket takes half.
        <main className="kiosk-main" data-stage={showingTicket ? 'ticket' : 'welcome'}>
          <section className="kiosk-stage">
            <Stage open={open.open} />
          </section>
          {open.open ? <Services actions={actions} /> : <Closed opensAt={open.opensAt} />}
        </main>
      )}
      {asking && <PriorityQuestion actions={actions} />}
    </div>
  );
}

function Header({ actions, now }: { actions: KioskActions; now: number }) {
  const office = useKiosk((s) => s.office);
  const timeZone = useKiosk((s) => s.timeZone);
  const lang = useKiosk((s) => s.lang);
  const minute = new Date(Math.floor(now / 60_000) * 60_000).toISOString();
  return (
    <header className="kiosk-header">
      <div>
        <h1 className="kiosk-office">{office.name}</h1>
        {office.address && <p className="kiosk-address">{office.address}</p>}
      </div>
      <div className="kiosk-header-side">
        {/* Time and date on lines of their own: neither breaks in the middle. */}
        <p className="kiosk-clock">
          <span className="kiosk-time">{formatOfficeDateTime(minute, timeZone, lang, { time: true })}</span>
          <span className="kiosk-date">{formatOfficeDateTime(minute, timeZone, lang, { date: true })}</span>
        </p>
        <div className="kiosk-lang" role="group">
          {(['id', 'en'] as const).map((l: Lang) => (
            <button
              key={l}
              type="button"
              data-testid={`kiosk-lang-${l}`}
              aria-pressed={lang === l}
              onClick={() => actions.setLang(l)}
            >
              {l === 'id' ? 'Bahasa Indonesia' : 'English'}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}

/** What the big area shows: the ticket, a message, or the welcome (no "touch a service" while closed). */
function Stage({ open }: { open: boolean }) {
  const shown = useKiosk((s) => s.shown);
  const busy = useKiosk((s) => s.busy);
  const notice = useKiosk((s) => s.notice);
  const lang = useKiosk((s) => s.lang);
  const t = useT();
  if (shown) return <TicketCard shown={shown} />;
  if (busy) return <p className="kiosk-welcome-text">{t('taking')}</p>;
  return (
    <>
      <h2 className="kiosk-welcome">{t('welcome')}</h2>
      {open && <p className="kiosk-welcome-text">{t('chooseService')}</p>}
      {notice && (
        <p className="kiosk-message" data-testid="kiosk-message" data-code={notice.code} role="alert">
          {errorMessage(notice.code, lang, notice.params)}
        </p>
      )}
    </>
  );
}

function TicketCard({ shown }: { shown: ShownTicket }) {
  const timeZone = useKiosk((s) => s.timeZone);
  const lang = useKiosk((s) => s.lang);
  const t = useT();
  const { ticket, serviceName, ahead, etaMinutes } = shown.issued;
  return (
    <div className="ticket" data-testid="kiosk-ticket" data-print={shown.print} aria-live="polite">
      <p className="ticket-label">{t('yourNumber')}</p>
      <p className="ticket-number" data-testid="kiosk-ticket-number">
        {ticket.number}
      </p>
      <p className="ticket-service" data-testid="kiosk-ticket-service">
        {serviceName}
        {ticket.priority && <span className="ticket-priority"> · {t('priorityTicket')}</span>}
      </p>
      <dl className="ticket-facts">
        <div>
          <dt>{t('ahead')}</dt>
          <dd data-testid="kiosk-ticket-ahead">{ahead}</dd>
        </div>
        <div>
          <dt>{t('eta')}</dt>
          <dd data-testid="kiosk-ticket-eta">{formatEta(etaMinutes, lang)}</dd>
        </div>
      </dl>
      <p className="ticket-time" data-testid="kiosk-ticket-time">
        {formatOfficeDateTime(ticket.issuedAt, timeZone, lang)}
      </p>
      {/* The same address as the printed QR: the visitor's own page, to follow the queue on their phone. */}
      {shown.issued.visitorUrl && (
        <figure className="ticket-qr">
          <QrCode text={shown.issued.visitorUrl} size={200} testId="ticket-qr" />
          <figcaption>{t('scanQr')}</figcaption>
        </figure>
      )}
      {shown.print === 'failed' ? (
        <p className="ticket-print-failed" data-testid="kiosk-print-failed" role="alert">
          {t('printFailed')}
        </p>
      ) : (
        <p className="ticket-print">{t(shown.print === 'printing' ? 'printing' : shown.print === 'printed' ? 'printed' : 'screenOnly')}</p>
      )}
      <p className="ticket-wait">{t('waitForCall')}</p>
    </div>
  );
}

function Services({ actions }: { actions: KioskActions }) {
  const services = useKiosk((s) => s.services);
  const waiting = useKiosk((s) => s.waiting);
  const disabled = useKiosk((s) => !s.online || s.busy || s.settling);
  const lang = useKiosk((s) => s.lang);
  const t = useT();
  return (
    <nav className="kiosk-services">
      {services
        .filter((s) => s.active)
        .map((s) => (
          <button
            key={s.code}
            type="button"
            className="service"
            data-testid={`kiosk-service-${s.code}`}
            disabled={disabled}
            onClick={() => actions.tapService(s.code)}
          >
            <span className="service-code">{s.code}</span>
            <span className="service-name">{lang === 'en' && s.nameEn ? s.nameEn : s.name}</span>
            <span className="service-waiting">
              <b data-testid={`kiosk-waiting-${s.code}`}>{waiting[s.code] ?? 0}</b> {t('waiting')}
            </span>
          </button>
        ))}
    </nav>
  );
}

function Closed({ opensAt }: { opensAt: string | null }) {
  const timeZone = useKiosk((s) => s.timeZone);
  const lang = useKiosk((s) => s.lang);
  const t = useT();
  return (
    <section className="kiosk-closed" data-testid="kiosk-closed" data-opens-at={opensAt ?? ''} role="status">
      <p className="kiosk-closed-title">{t('closed')}</p>
      <p>{opensAt ? t('opensAt', { when: formatOfficeDateTime(opensAt, timeZone, lang) }) : t('noHours')}</p>
    </section>
  );
}

function PriorityQuestion({ actions }: { actions: KioskActions }) {
  const t = useT();
  return (
    <div className="kiosk-dialog" role="dialog" aria-modal="true" aria-labelledby="priority-question">
      <div className="kiosk-dialog-box">
        <h2 id="priority-question">{t('priorityQuestion')}</h2>
        <div className="priority-choices">
          {PRIORITY_KINDS.map((kind) => (
            <button key={kind} type="button" data-testid={`kiosk-priority-${kind}`} onClick={() => actions.answerPriority(kind)}>
              {t(`priority_${kind}`)}
            </button>
          ))}
          <button type="button" data-testid="kiosk-priority-none" onClick={() => actions.answerPriority('none')}>
            {t('priority_none')}
          </button>
        </div>
        <button type="button" className="kiosk-dialog-cancel" data-testid="kiosk-priority-cancel" onClick={() => actions.answerPriority(null)}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
