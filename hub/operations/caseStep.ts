// One step of a case (an action of the table in docs/product.md, or attaching it to a visit), stored with its
// event: the write path every case action shares.
import type { CaseAction } from '../../shared/domain/caseRules';
import { CASE_ACTION_WORDS, CASE_STATUS_WORDS, inSentence } from '../../shared/domain/caseWords';
import type { Case } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import { appendEvent, getCase, updateCase, type ReadDb } from '../db/index';
import { staffUser, type OperationContext } from '../context';

export function existingCase(ctx: { db: ReadDb }, caseId: number): Case {
  const c = getCase(ctx.db, caseId);
  if (!c) throw new DomainError('CASE_NOT_FOUND');
  return c;
}

/** The refusal of an action the case's status does not allow, worded with both. */
export function illegalCaseAction(ctx: OperationContext, c: Case, action: CaseAction | 'attach'): DomainError {
  return new DomainError('CASE_ILLEGAL', {
    reference: c.reference,
    status: inSentence(CASE_STATUS_WORDS[c.status][ctx.lang]),
    action: CASE_ACTION_WORDS[action][ctx.lang],
  });
}

export interface CaseStep {
  type: string;
  sopStep: number | null;
  /** The text the timeline shows; the rest of `data` is kept for the audit. */
  note: string;
  data?: Record<string, unknown>;
  ticketId?: number;
  counterId?: number;
}

/** Stores the case's next state (revision bumped) and appends its event, in the caller's transaction. */
export function recordCaseStep(ctx: OperationContext, before: Case, next: Case, step: CaseStep): { reply: Case; change: { caseIds: number[] } } {
  updateCase(ctx.db, { ...next, revision: before.revision + 1, updatedAt: ctx.nowIso }, ctx.today);
  appendEvent(ctx.db, {
    at: ctx.nowIso,
    type: step.type,
    caseId: before.id,
    ticketId: step.ticketId ?? null,
    counterId: step.counterId ?? null,
    userId: staffUser(ctx).id,
    fromStatus: before.status,
    toStatus: next.status,
    sopStep: step.sopStep,
    data: { note: step.note, ...step.data },
  });
  return { reply: existingCase(ctx, before.id), change: { caseIds: [before.id] } };
}
