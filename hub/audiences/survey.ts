// The survey tablet of a counter: the visit that counter finished last today, while it has no answer yet —
// its number and service only.
import type { SurveyTabletView } from '../../shared/protocol/events';
import type { ReadDb } from '../db/index';
import { surveyVisit } from '../visitor';
import { serviceNames, type ViewBasis } from './personal';

export function surveyTabletView(db: ReadDb, counterId: number, basis: ViewBasis): SurveyTabletView {
  const counter = basis.counters.find((c) => c.id === counterId);
  const visit = surveyVisit(db, counterId, basis.today, basis.settings);
  return {
    counterName: counter?.name ?? '',
    counterNumber: counter?.number ?? 0,
    surveyEnabled: basis.settings.surveyEnabled,
    visit: visit ? { ticketNumber: visit.number, ...serviceNames(basis, visit.serviceCode) } : null,
  };
}
