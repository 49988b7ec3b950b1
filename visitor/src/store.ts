// The visitor app's one store: what the hub lets this phone (one ticket) or survey tablet (one counter) see,
// and where the person is in the survey. Wired to the socket in wiring.ts, outside the components.
import { create } from 'zustand';
import { SKM_ELEMENTS, type SkmAnswers, type SkmElement, type SkmProfile, type SkmValue } from '../../shared/domain/skm';
import type { Office } from '../../shared/domain/types';
import type { ErrorCode, Lang } from '../../shared/protocol/errors';
import type { SurveyTabletView, VisitorView } from '../../shared/protocol/events';
import { initialLang } from '../../shared/ui/i18n';

export type Mode = 'visitor' | 'tablet';

export interface SurveyDraft {
  answers: Partial<Record<SkmElement, SkmValue>>;
  profile: SkmProfile;
  sending: boolean;
  error: ErrorCode | null;
}

export interface VisitorState {
  mode: Mode;
  lang: Lang;
  /** null until the first connection attempt has an outcome. */
  online: boolean | null;
  /** Why this page shows nothing: the hub refused the code or key (unknown, expired, throttled, revoked). */
  refused: ErrorCode | null;
  office: Office;
  visit: VisitorView | null;
  tablet: SurveyTabletView | null;
  draft: SurveyDraft;
  /** The survey was just answered here: the thank-you screen shows. */
  thanked: boolean;
}

export const emptyDraft = (): SurveyDraft => ({
  answers: {},
  profile: { gender: null, ageGroup: null, education: null, occupation: null },
  sending: false,
  error: null,
});

export const useVisitor = create<VisitorState>()(() => ({
  mode: 'visitor',
  lang: initialLang('visitor'),
  online: null,
  refused: null,
  office: { name: '', address: '' },
  visit: null,
  tablet: null,
  draft: emptyDraft(),
  thanked: false,
}));

/** All nine answered: the form can be sent. */
export function completeAnswers(answers: SurveyDraft['answers']): SkmAnswers | null {
  return SKM_ELEMENTS.every((u) => answers[u] !== undefined) ? (answers as SkmAnswers) : null;
}

/**
 * Whether a new view of the ticket is a call the visitor must notice now: it became called, or was called
 * again (a recall).
 */
export function isNewCall(before: VisitorView | null, after: VisitorView): boolean {
  if (after.status !== 'called') return false;
  return before === null || before.status !== 'called' || after.recallCount > before.recallCount;
}
