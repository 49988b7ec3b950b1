// What a visitor's ticket leads to: its place in the queue, its page's address, and the visit a counter's
// survey asks about. The phone's and the tablet's views are audiences (audiences/visitor.ts, survey.ts).
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { estimateWaitMinutes, RECENT_SAMPLE } from '../shared/domain/estimate';
import { pagePath } from '../shared/protocol/apps';
import type { IssuedTicket, Settings, Ticket } from '../shared/domain/types';
import { countAhead, countOpenCountersServing, isSurveyed, lastFinishedAtCounter, serviceDurations, visitorCodeOf, type ReadDb } from './db/index';
import type { HandlerContext } from './context';

/**
 * People ahead of a waiting ticket in its queue, and the estimated wait from the day's recent service
 * durations.
 */
export function queuePosition(db: ReadDb, ticket: Ticket, durations: number[]): { ahead: number; etaMinutes: number } {
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
export function visitorUrl(code: string | null, settings: Settings, lanUrl: () => string | null): string | null {
  if (!settings.ticketQr) return null;
  const base = settings.publicUrl || lanUrl();
  return base && code ? `${base}${pagePath('v')}/${code}` : null;
}

/** The visit a counter's tablet asks about: the one it finished last today, while not yet answered. */
export function surveyVisit(db: ReadDb, counterId: number, today: string, settings: Settings): Ticket | undefined {
  if (!settings.surveyEnabled) return undefined;
  const last = lastFinishedAtCounter(db, counterId, today);
  return last && !isSurveyed(db, last.id) ? last : undefined;
}

/** What the caller of `issued` has at hand already: the settings, and the ticket's visitor code. */
export interface IssuedKnown {
  settings: Settings;
  /** undefined: read it; null: the ticket has none. */
  visitorCode?: string | null;
}

/**
 * The ticket with how many are ahead, the wait estimate and the address of the visitor's own page, as the
 * kiosk shows it and the paper prints it. A new ticket's issue has its settings and code at hand: every
 * ticket is issued through here, so nothing is read twice.
 */
export function issued(ctx: HandlerContext, ticket: Ticket, serviceName: string, known: IssuedKnown): IssuedTicket {
  const durations = serviceDurations(ctx.db, ctx.today, RECENT_SAMPLE);
  const code = known.visitorCode === undefined ? visitorCodeOf(ctx.db, ticket.id) : known.visitorCode;
  const visitor = visitorUrl(code, known.settings, ctx.lanUrl);
  return { ticket, serviceName, ...queuePosition(ctx.db, ticket, durations), visitorUrl: visitor };
}
