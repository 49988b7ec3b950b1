// What a visitor's phone and a survey tablet may see: one ticket, or the visit one counter just finished.
// Built from the database on demand; nothing here carries a name, a case or another ticket.
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { estimateWaitMinutes, RECENT_SAMPLE } from '../shared/domain/estimate';
import { pagePath } from '../shared/protocol/apps';
import type { Counter, IssuedTicket, Service, Settings, Ticket } from '../shared/domain/types';
import type { SurveyTabletView, VisitorView } from '../shared/protocol/events';
import {
  countAhead,
  countOpenCountersServing,
  getSettings,
  getTicket,
  isSurveyed,
  lastFinishedAtCounter,
  listCounters,
  listServices,
  serviceDurations,
  visitorCodeOf,
  type Db,
} from './db/index';
import type { HandlerContext } from './context';

/** What every phone's and tablet's view needs alike: read once per change, however many are connected. */
export interface ViewBasis {
  today: string;
  settings: Settings;
  services: Service[];
  counters: Counter[];
  /** The day's recent service durations, for the wait estimate. */
  durations: number[];
}

export function viewBasis(db: Db, today: string): ViewBasis {
  return { today, settings: getSettings(db), services: listServices(db), counters: listCounters(db), durations: serviceDurations(db, today, RECENT_SAMPLE) };
}

/**
 * People ahead of a waiting ticket in its queue, and the estimated wait from the day's recent service
 * durations.
 */
export function queuePosition(db: Db, ticket: Ticket, durations: number[]): { ahead: number; etaMinutes: number } {
  const ahead = countAhead(db, ticket);
  const openCounters = countOpenCountersServing(db, ticket.serviceCode);
  const etaMinutes = estimateWaitMinutes({ ahead, openCounters, recentServiceSeconds: durations });
  return { ahead, etaMinutes };
}

/**
 * The hub's address as phones on the LAN reach it: its first non-loopback IPv4 address, on its port; null
 * when it listens on loopback only or has no such address.
 */
export function lanUrl(address: AddressInfo | string | null, interfaces = networkInterfaces()): string | null {
  if (!address || typeof address === 'string') return null;
  if (address.address.startsWith('127.') || address.address === '::1') return null;
  for (const nets of Object.values(interfaces)) {
    for (const net of nets ?? []) {
      if (net.family === 'IPv4' && !net.internal) return `http://${net.address}:${address.port}`;
    }
  }
  return null;
}

/** The address the ticket's QR carries, or null: QR turned off, no address for phones, or no code. */
export function visitorUrl(db: Db, ticketId: number, settings: Settings, lanUrl: () => string | null): string | null {
  if (!settings.ticketQr) return null;
  const base = settings.publicUrl || lanUrl();
  const code = visitorCodeOf(db, ticketId);
  return base && code ? `${base}${pagePath('v')}/${code}` : null;
}

function serviceNames(basis: ViewBasis, code: string) {
  const service = basis.services.find((s) => s.code === code);
  return { serviceName: service?.name ?? code, serviceNameEn: service?.nameEn ?? '' };
}

/** The visitor's view of their ticket (tickets are never deleted). */
export function visitorView(db: Db, ticketId: number, basis: ViewBasis): VisitorView {
  const ticket = getTicket(db, ticketId);
  if (!ticket) throw new Error(`ticket ${ticketId} is gone`);
  const waiting = ticket.status === 'waiting';
  const { ahead, etaMinutes } = waiting ? queuePosition(db, ticket, basis.durations) : { ahead: 0, etaMinutes: 0 };
  const atCounter = ticket.status === 'called' || ticket.status === 'serving';
  const counter = atCounter ? basis.counters.find((c) => c.id === ticket.counterId) : undefined;
  const surveyed = isSurveyed(db, ticket.id);
  return {
    officeDay: ticket.officeDay,
    number: ticket.number,
    serviceCode: ticket.serviceCode,
    ...serviceNames(basis, ticket.serviceCode),
    status: ticket.status,
    ahead,
    etaMinutes,
    counter: counter ? { name: counter.name, number: counter.number } : null,
    recallCount: ticket.recallCount,
    transferred: ticket.transferredFrom !== null,
    surveyOpen: basis.settings.surveyEnabled && ticket.status === 'done' && !surveyed,
    surveyed,
  };
}

/** The visit a counter's tablet asks about: the one it finished last today, while not yet answered. */
export function surveyVisit(db: Db, counterId: number, today: string, settings: Settings): Ticket | undefined {
  if (!settings.surveyEnabled) return undefined;
  const last = lastFinishedAtCounter(db, counterId, today);
  return last && !isSurveyed(db, last.id) ? last : undefined;
}

export function surveyTabletView(db: Db, counterId: number, basis: ViewBasis): SurveyTabletView {
  const counter = basis.counters.find((c) => c.id === counterId);
  const visit = surveyVisit(db, counterId, basis.today, basis.settings);
  return {
    counterName: counter?.name ?? '',
    counterNumber: counter?.number ?? 0,
    surveyEnabled: basis.settings.surveyEnabled,
    visit: visit ? { ticketNumber: visit.number, ...serviceNames(basis, visit.serviceCode) } : null,
  };
}

/**
 * The ticket with how many are ahead, the wait estimate and the address of the visitor's own page, as the
 * kiosk shows it and the paper prints it.
 */
export function issued(ctx: HandlerContext, ticket: Ticket, serviceName: string): IssuedTicket {
  // Only what the kiosk's answer needs: every ticket is issued through here.
  const durations = serviceDurations(ctx.db, ctx.today, RECENT_SAMPLE);
  const visitor = visitorUrl(ctx.db, ticket.id, getSettings(ctx.db), ctx.lanUrl);
  return { ticket, serviceName, ...queuePosition(ctx.db, ticket, durations), visitorUrl: visitor };
}
