// Socket → store, and what the person's taps do: follow one ticket (the phone) or one counter (the survey
// tablet), and send the survey once. A call makes the phone vibrate and beep where the phone allows.
import type { SkmElement, SkmProfile, SkmValue } from '../../shared/domain/skm';
import { pagePath } from '../../shared/protocol/apps';
import type { Lang } from '../../shared/protocol/errors';
import type { HandshakeAuth, VisitorView } from '../../shared/protocol/events';
import { connectHub, type HubClient } from '../../shared/ui/hubClient';
import { rememberLang } from '../../shared/ui/i18n';
import { completeAnswers, emptyDraft, isNewCall, useVisitor, type Mode } from './store';

const { setState: set, getState: get } = useVisitor;

/** The tablet's thank-you screen stays this long before it rests again. */
const THANKS_MS = 8000;
/** Short beeps a called visitor hears, in Hz and ms. */
const BEEPS = [880, 660, 880];
const BEEP_MS = 180;

export interface VisitorActions {
  setLang(lang: Lang): void;
  answer(element: SkmElement, value: SkmValue): void;
  setProfile<K extends keyof SkmProfile>(key: K, value: SkmProfile[K]): void;
  submit(): void;
}

/** What the page is: `/v/<code>` follows a ticket; `/survey?key=…` is a counter's survey tablet. */
export function readPage(location: { pathname: string; search: string }): { mode: Mode; auth: HandshakeAuth | null } {
  if (location.pathname.startsWith(pagePath('survey'))) {
    const key = new URLSearchParams(location.search).get('key');
    return { mode: 'tablet', auth: key ? { deviceKey: key } : null };
  }
  const code = location.pathname.split('/').filter(Boolean)[1];
  return { mode: 'visitor', auth: code ? { visitorCode: code } : null };
}

let audio: AudioContext | undefined;

/** Vibrates and beeps; a phone that allows neither (no gesture yet, silent mode) still shows the call. */
function alertCall(): void {
  navigator.vibrate?.([400, 150, 400, 150, 400]);
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    BEEPS.forEach((hz, i) => {
      const osc = (audio as AudioContext).createOscillator();
      osc.frequency.value = hz;
      osc.connect((audio as AudioContext).destination);
      osc.start(start + (i * 2 * BEEP_MS) / 1000);
      osc.stop(start + ((i * 2 + 1) * BEEP_MS) / 1000);
    });
  } catch {
    // No Web Audio here: the screen and the vibration must do.
  }
}

/** The phone shows its ticket as the hub sends it, and calls attention to a call. */
function showVisit(visit: VisitorView): void {
  if (isNewCall(get().visit, visit)) alertCall();
  set({ visit });
}

export function startVisitorApp(page: ReturnType<typeof readPage>): VisitorActions {
  set({ mode: page.mode });
  let client: HubClient | null = null;
  let thanksTimer: ReturnType<typeof setTimeout> | undefined;
  const actions: VisitorActions = {
    setLang(lang) {
      rememberLang(lang, 'visitor');
      set({ lang });
    },
    answer(element, value) {
      const draft = get().draft;
      set({ draft: { ...draft, answers: { ...draft.answers, [element]: value }, error: null } });
    },
    setProfile(key, value) {
      const draft = get().draft;
      set({ draft: { ...draft, profile: { ...draft.profile, [key]: value } } });
    },
    submit() {
      const s = get();
      const answers = completeAnswers(s.draft.answers);
      if (!client || !answers || s.draft.sending) return;
      const ticketNumber = s.mode === 'tablet' ? s.tablet?.visit?.ticketNumber : undefined;
      set({ draft: { ...s.draft, sending: true, error: null } });
      void client.request('survey:submit', { answers, profile: s.draft.profile, ticketNumber }).then((reply) => {
        if (!reply.ok) return set({ draft: { ...get().draft, sending: false, error: reply.error.code } });
        set({ draft: emptyDraft(), thanked: true });
        // The tablet returns to rest for the next visitor; the phone keeps its thanks.
        if (get().mode === 'tablet') {
          clearTimeout(thanksTimer);
          thanksTimer = setTimeout(() => set({ thanked: false, lang: 'id' }), THANKS_MS);
        }
      });
    },
  };
  if (page.auth === null) {
    set({ refused: page.mode === 'tablet' ? 'DEVICE_KEY_INVALID' : 'VISITOR_CODE_UNKNOWN', online: false });
    return actions;
  }
  const auth = page.auth;
  const hub = connectHub({
    auth: () => auth,
    lang: () => get().lang,
    onSnapshot: (s) => {
      if (s.audience === 'visitor') {
        set({ office: s.office, refused: null });
        showVisit(s.visit);
      } else if (s.audience === 'survey') set({ office: s.office, refused: null, tablet: s.tablet });
    },
    onPatch: (p) => {
      if (p.audience === 'visitor') showVisit(p.visit);
      else if (p.audience === 'survey') {
        // A new visit to rate: a fresh form, even if the last person left theirs half done.
        if (p.tablet.visit?.ticketNumber !== get().tablet?.visit?.ticketNumber) set({ draft: emptyDraft() });
        set({ tablet: p.tablet });
      }
    },
    onOnline: (online) => set({ online }),
    // Unknown, expired, throttled or revoked: the friendly page; asking again would change nothing.
    onRefused: (code) => {
      hub.close();
      set({ refused: code });
    },
  });
  client = hub;
  return actions;
}
