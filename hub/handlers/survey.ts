// The satisfaction survey (SKM): one answer per finished visit, from the visitor's phone or the survey tablet
// of the counter that served them; and the index (IKM) for the head and admins.
import { computeIkm, SKM_ELEMENTS, type SkmAnswers } from '../../shared/domain/skm';
import type { Settings, Ticket } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import {
  appendEvent,
  finishedBy,
  getSettings,
  getTicket,
  getUserWithHash,
  insertSurveyAnswer,
  markSurveyed,
  surveyTotals,
  surveyTotalsBy,
} from '../db/index';
import type { Handler, HandlerContext } from '../context';
import { surveyVisit } from '../visitor';

/** The visit this socket may answer for: the phone's own ticket, or the tablet's counter's last visit. */
function visitToAnswer(ctx: HandlerContext, settings: Settings, ticketNumber: string | undefined): { ticket: Ticket; via: 'phone' | 'tablet' } {
  const session = ctx.session;
  if (session.kind === 'visitor') {
    const ticket = getTicket(ctx.db, session.ticketId);
    if (!ticket || ticket.officeDay !== ctx.today) throw new DomainError('VISITOR_CODE_UNKNOWN');
    if (ticket.status !== 'done') throw new DomainError('SURVEY_NOT_FINISHED');
    return { ticket, via: 'phone' };
  }
  if (session.kind !== 'survey' || session.device.counterId === null) throw new DomainError('FORBIDDEN');
  // The number the form showed must still be the counter's visit: a newer one is not theirs to rate.
  const ticket = surveyVisit(ctx.db, session.device.counterId, ctx.today, settings);
  if (!ticket || ticket.number !== ticketNumber) throw new DomainError('SURVEY_NO_VISIT');
  return { ticket, via: 'tablet' };
}

const submit: Handler<'survey:submit'> = {
  who: ['visitor', 'survey'],
  run(ctx, p) {
    const settings = getSettings(ctx.db);
    if (!settings.surveyEnabled) throw new DomainError('SURVEY_DISABLED');
    const { ticket, via } = visitToAnswer(ctx, settings, p.ticketNumber);
    if (!markSurveyed(ctx.db, ticket.id)) throw new DomainError('SURVEY_ALREADY_ANSWERED', { ticket: ticket.number });
    const answers = Object.fromEntries(SKM_ELEMENTS.map((u) => [u, p.answers[u]])) as SkmAnswers;
    insertSurveyAnswer(ctx.db, {
      officeDay: ticket.officeDay,
      serviceCode: ticket.serviceCode,
      counterId: ticket.counterId,
      userId: finishedBy(ctx.db, ticket.id),
      via,
      answers,
      profile: p.profile ?? { gender: null, ageGroup: null, education: null, occupation: null },
    });
    // Logged without the ticket and without the values: the log must not link an answer to a visit either.
    appendEvent(ctx.db, { at: ctx.nowIso, type: 'survey.answer', counterId: ticket.counterId, data: { via } });
    return { reply: {}, change: { personal: true } };
  },
};

const ikm: Handler<'survey:ikm'> = {
  who: ['head', 'admin'],
  reads: true,
  run(ctx, p) {
    const byService = surveyTotalsBy(ctx.db, p.from, p.to, 'service_code').map((r) => ({
      serviceCode: String(r.key),
      ikm: computeIkm(r.totals),
    }));
    const byOfficer = surveyTotalsBy(ctx.db, p.from, p.to, 'user_id').map((r) => ({
      userId: Number(r.key),
      name: getUserWithHash(ctx.db, Number(r.key))?.name ?? '',
      ikm: computeIkm(r.totals),
    }));
    return { reply: { from: p.from, to: p.to, overall: computeIkm(surveyTotals(ctx.db, p.from, p.to)), byService, byOfficer } };
  },
};

export const surveyHandlers = { 'survey:submit': submit, 'survey:ikm': ikm };
