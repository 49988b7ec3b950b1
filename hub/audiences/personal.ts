// What the visitor's phone and the survey tablet read alike (personalViews.ts sends their views).
import { RECENT_SAMPLE } from '../../shared/domain/estimate';
import type { Counter, Service, Settings } from '../../shared/domain/types';
import type { Change } from '../context';
import { getSettings, listCounters, listServices, serviceDurations, type ReadDb } from '../db/index';

/** What every phone's and tablet's view needs alike: read once per change, however many are connected. */
export interface ViewBasis {
  today: string;
  settings: Settings;
  services: Service[];
  counters: Counter[];
  /** The day's recent service durations, for the wait estimate. */
  durations: number[];
}

export function viewBasis(db: ReadDb, today: string): ViewBasis {
  return { today, settings: getSettings(db), services: listServices(db), counters: listCounters(db), durations: serviceDurations(db, today, RECENT_SAMPLE) };
}

export function serviceNames(basis: ViewBasis, code: string) {
  const service = basis.services.find((s) => s.code === code);
  return { serviceName: service?.name ?? code, serviceNameEn: service?.nameEn ?? '' };
}

/** Whether a change may alter what a phone or a tablet shows: a ticket, a counter, the queue, the office. */
export function concernsPersonal(change: Change): boolean {
  return Boolean(change.ticketIds || change.counterIds || change.waiting || change.settings || change.office || change.resync || change.personal);
}
