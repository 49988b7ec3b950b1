// The visitor's own page (one ticket, live, then the survey) and the survey tablet (the visit its counter just
// finished, then thanks). Phone first: one column, big touch targets, Bahasa Indonesia with English a tap away.

import { formatEta } from '../../shared/domain/estimate';
import {
  SKM_AGE_GROUPS,
  SKM_EDUCATIONS,
  SKM_ELEMENTS,
  SKM_GENDERS,
  SKM_OCCUPATIONS,
  SKM_PROFILE_WORDS,
  SKM_WORDING,
  type SkmProfile,
  type SkmValue,
} from '../../shared/domain/skm';
import { errorMessage, type Lang } from '../../shared/protocol/errors';
import type { VisitorView } from '../../shared/protocol/events';
import { useTranslator } from '../../shared/ui/i18n';
import { DICT } from './i18n';
import { completeAnswers, useVisitor } from './store';
import type { VisitorActions } from './wiring';

function useT() {
  return useTranslator(DICT, useVisitor((s) => s.lang));
}

export function App({ actions }: { actions: VisitorActions }) {
  const mode = useVisitor((s) => s.mode);
  const refused = useVisitor((s) => s.refused);
  const online = useVisitor((s) => s.online);
  const t = useT();
  return (
    <div className={`visitor visitor-${mode}`}>
      <Header actions={actions} />
      {online === false && !refused && (
        <p className="visitor-offline" role="alert">
          {t('offline')}
        </p>
      )}
      <main className="visitor-main">
        {refused ? <Refused /> : mode === 'visitor' ? <VisitorPage actions={actions} /> : <TabletPage actions={actions} />}
      </main>
    </div>
  );
}

function Header({ actions }: { actions: VisitorActions }) {
  const office = useVisitor((s) => s.office);
  const lang = useVisitor((s) => s.lang);
  return (
    <header className="visitor-header">
      <p className="visitor-office">{office.name || 'Antrian LPSE'}</p>
      <div className="visitor-lang" role="group" aria-label="Bahasa / Language">
        {(['id', 'en'] as const).map((l: Lang) => (
          <button key={l} type="button" data-testid={`visitor-lang-${l}`} aria-pressed={lang === l} onClick={() => actions.setLang(l)}>
            {l === 'id' ? 'ID' : 'EN'}
          </button>
        ))}
      </div>
    </header>
  );
}

/** An unknown, ended or throttled code (or a tablet's bad key): a friendly page, never an error dump. */
function Refused() {
  const refused = useVisitor((s) => s.refused);
  const mode = useVisitor((s) => s.mode);
  const lang = useVisitor((s) => s.lang);
  const t = useT();
  if (mode === 'tablet') {
    return (
      <section className="visitor-card visitor-notice" data-testid="survey-setup" role="status">
        <p>{refused ? errorMessage(refused, lang) : ''}</p>
      </section>
    );
  }
  return (
    <section className="visitor-card visitor-notice" data-testid="visitor-unknown" data-code={refused ?? ''} role="status">
      <h1>{t('unknownTitle')}</h1>
      <p>{refused === 'VISITOR_CODE_RATE_LIMITED' ? errorMessage(refused, lang) : t('unknownText')}</p>
      <p>{t('unknownHelp')}</p>
    </section>
  );
}

function VisitorPage({ actions }: { actions: VisitorActions }) {
  const visit = useVisitor((s) => s.visit);
  const thanked = useVisitor((s) => s.thanked);
  const t = useT();
  if (!visit) return <p className="visitor-connecting">{t('connecting')}</p>;
  return (
    <>
      {visit.status === 'called' && visit.counter && <CalledBanner counter={visit.counter.name} />}
      <TicketCard visit={visit} />
      {visit.surveyOpen && !thanked && <SurveyForm actions={actions} />}
      {(thanked || visit.surveyed) && <Thanks already={!thanked} />}
    </>
  );
}

function CalledBanner({ counter }: { counter: string }) {
  const t = useT();
  return (
    <section className="visitor-called" data-testid="visitor-called" role="alert">
      <p className="visitor-called-title">{t('calledTitle')}</p>
      <p className="visitor-called-go">
        {t('calledGo', { counter: '' })}
        <b data-testid="visitor-called-counter">{counter}</b>
      </p>
    </section>
  );
}

function TicketCard({ visit }: { visit: VisitorView }) {
  const lang = useVisitor((s) => s.lang);
  const t = useT();
  const service = lang === 'en' && visit.serviceNameEn ? visit.serviceNameEn : visit.serviceName;
  return (
    <section className="visitor-card visitor-ticket" aria-live="polite">
      <p className="visitor-label">{t('yourNumber')}</p>
      <p className="visitor-number" data-testid="visitor-ticket-number">
        {visit.number}
      </p>
      <p className="visitor-service">{service}</p>
      <p className="visitor-status" data-testid="visitor-status" data-status={visit.status}>
        {t(`status_${visit.status}`)}
      </p>
      {visit.status === 'waiting' && (
        <>
          {visit.transferred && <p className="visitor-hint">{t('transferred')}</p>}
          <dl className="visitor-facts">
            <div>
              <dt>{t('ahead')}</dt>
              <dd data-testid="visitor-ahead">{visit.ahead}</dd>
            </div>
            <div>
              <dt>{t('eta')}</dt>
              <dd data-testid="visitor-eta">{formatEta(visit.etaMinutes, lang)}</dd>
            </div>
          </dl>
          <p className="visitor-hint">{t('liveNote')}</p>
        </>
      )}
      {visit.status === 'serving' && visit.counter && <p className="visitor-hint">{t('servingAt', { counter: visit.counter.name })}</p>}
      {visit.status === 'no_show' && <p className="visitor-hint">{t('noShowHelp')}</p>}
    </section>
  );
}

function Thanks({ already }: { already: boolean }) {
  const t = useT();
  return (
    <section className="visitor-card visitor-thanks" data-testid="survey-thanks" role="status">
      <p className="visitor-thanks-title">{t('thanksTitle')}</p>
      <p>{already ? t('alreadyAnswered') : t('thanksText')}</p>
    </section>
  );
}

const PROFILE_FIELDS: Array<{ key: keyof SkmProfile; codes: readonly string[] }> = [
  { key: 'gender', codes: SKM_GENDERS },
  { key: 'ageGroup', codes: SKM_AGE_GROUPS },
  { key: 'education', codes: SKM_EDUCATIONS },
  { key: 'occupation', codes: SKM_OCCUPATIONS },
];

function SurveyForm({ actions }: { actions: VisitorActions }) {
  const draft = useVisitor((s) => s.draft);
  const lang = useVisitor((s) => s.lang);
  const t = useT();
  const answered = SKM_ELEMENTS.filter((u) => draft.answers[u] !== undefined).length;
  const ready = completeAnswers(draft.answers) !== null;
  return (
    <section className="visitor-card survey" data-testid="survey-form">
      <h2>{t('surveyTitle')}</h2>
      <p className="visitor-hint">{t('surveyIntro')}</p>
      <ol className="survey-questions">
        {SKM_ELEMENTS.map((u) => {
          const w = SKM_WORDING[u];
          return (
            <li key={u} className="survey-question">
              <p className="survey-element">{w.name[lang]}</p>
              <p className="survey-text" id={`q-${u}`}>
                {w.question[lang]}
              </p>
              <div className="survey-levels" role="radiogroup" aria-labelledby={`q-${u}`} data-testid={`survey-${u}`}>
                {([1, 2, 3, 4] as const).map((v: SkmValue) => (
                  <button
                    key={v}
                    type="button"
                    role="radio"
                    aria-checked={draft.answers[u] === v}
                    data-testid={`survey-${u}-${v}`}
                    onClick={() => actions.answer(u, v)}
                  >
                    <span className="survey-level-n">{v}</span>
                    <span>{w.levels[lang][v - 1]}</span>
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      <fieldset className="survey-profile">
        <legend>
          {t('surveyProfile')} <small>({t('surveyOptional')})</small>
        </legend>
        {PROFILE_FIELDS.map(({ key, codes }) => (
          <label key={key}>
            <span>{t(key)}</span>
            <select
              data-testid={`survey-${key}`}
              value={draft.profile[key] ?? ''}
              onChange={(e) => actions.setProfile(key, (e.target.value || null) as SkmProfile[typeof key])}
            >
              <option value="">{t('notSaid')}</option>
              {codes.map((c) => (
                <option key={c} value={c}>
                  {SKM_PROFILE_WORDS[c]?.[lang] ?? c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      {draft.error && (
        <p className="visitor-error" role="alert" data-testid="survey-error" data-code={draft.error}>
          {errorMessage(draft.error, lang)}
        </p>
      )}
      {!ready && <p className="visitor-hint">{t('answerAll', { n: answered })}</p>}
      <button type="button" className="survey-submit" data-testid="survey-submit" disabled={!ready || draft.sending} onClick={actions.submit}>
        {draft.sending ? t('sending') : t('submit')}
      </button>
    </section>
  );
}

function TabletPage({ actions }: { actions: VisitorActions }) {
  const tablet = useVisitor((s) => s.tablet);
  const thanked = useVisitor((s) => s.thanked);
  const lang = useVisitor((s) => s.lang);
  const t = useT();
  if (!tablet) return <p className="visitor-connecting">{t('connecting')}</p>;
  if (tablet.visit && !thanked) {
    const service = lang === 'en' && tablet.visit.serviceNameEn ? tablet.visit.serviceNameEn : tablet.visit.serviceName;
    return (
      <>
        <p className="survey-visit" data-testid="survey-visit">
          {tablet.counterName} · {t('tabletVisit', { number: tablet.visit.ticketNumber, service })}
        </p>
        <SurveyForm actions={actions} />
      </>
    );
  }
  if (thanked) return <Thanks already={false} />;
  return (
    <section className="visitor-card visitor-notice" data-testid="survey-rest" role="status">
      <h1>{t('surveyTitle')}</h1>
      <p>{tablet.counterName}</p>
      <p>{t('tabletRest')}</p>
    </section>
  );
}
