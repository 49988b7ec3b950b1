// The kiosk's one store: what the hub lets a kiosk see (snapshot and patches, wired in kiosk.ts outside the
// components) and where this visitor is in taking a number. Pure update functions keep the rules testable.
import { create } from 'zustand';
import { DEFAULT_TIMEZONE } from '../../shared/domain/officeTime';
import type { IssuedTicket, Office, Service, WaitingCounts } from '../../shared/domain/types';
import type { ErrorCode, Lang } from '../../shared/protocol/errors';
import type { KioskPatch, KioskSnapshot } from '../../shared/protocol/events';

/** How the printed copy went: `screen_only` when this kiosk has no printer (not a fault). */
export type PrintState = 'printing' | 'printed' | 'screen_only' | 'failed';

export interface ShownTicket {
  issued: IssuedTicket;
  print: PrintState;
}

/** A refusal to show the visitor, rendered in the current language from its code. */
export interface Notice {
  code: ErrorCode;
  params: Record<string, string>;
}

export const PRIORITY_KINDS = ['lansia', 'disabilitas', 'hamil'] as const;
export type PriorityKind = (typeof PRIORITY_KINDS)[number];

export interface KioskState {
  /** null until the first connection attempt has an outcome. */
  online: boolean | null;
  /** Why this page cannot act as a kiosk: no key was ever given, the hub does not know it, or an admin revoked it. */
  setup: 'no_key' | 'key_invalid' | 'revoked' | null;
  /** A kiosk snapshot has arrived: services and settings are the hub's. */
  ready: boolean;
  lang: Lang;
  office: Office;
  services: Service[];
  waiting: WaitingCounts;
  settings: KioskSnapshot['settings'];
  timeZone: string;
  /** Hub clock minus this machine's clock: opening hours follow the office's time. */
  clockOffsetMs: number;
  hasPrinter: boolean;
  /** A number is being taken. */
  busy: boolean;
  /** Just after a ticket appeared: service taps are ignored, so a double tap is one tap. */
  settling: boolean;
  /** The service tapped while the priority question is open. */
  askingPriorityFor: string | null;
  shown: ShownTicket | null;
  notice: Notice | null;
}

export const initialState = (): KioskState => ({
  online: null,
  setup: null,
  ready: false,
  lang: 'id',
  office: { name: '', address: '' },
  services: [],
  waiting: {},
  settings: { priorityEnabled: false, ticketHoldSeconds: 15, ticketFooter: '', openingHours: 'always' },
  timeZone: DEFAULT_TIMEZONE,
  clockOffsetMs: 0,
  hasPrinter: false,
  busy: false,
  settling: false,
  askingPriorityFor: null,
  shown: null,
  notice: null,
});

export const useKiosk = create<KioskState>()(() => initialState());

export function fromSnapshot(s: KioskSnapshot, receivedAt: number): Partial<KioskState> {
  return {
    ready: true,
    setup: null,
    office: s.office,
    services: s.services,
    waiting: s.waiting,
    settings: s.settings,
    timeZone: s.timeZone,
    clockOffsetMs: Date.parse(s.serverTime) - receivedAt,
    hasPrinter: s.device.hasPrinter,
  };
}

export function fromPatch(p: KioskPatch): Partial<KioskState> {
  const next: Partial<KioskState> = {};
  if (p.office) next.office = p.office;
  if (p.services) next.services = p.services;
  if (p.waiting) next.waiting = p.waiting;
  if (p.settings) next.settings = p.settings;
  return next;
}

/** The print state of the ticket on screen, if it is still that ticket. */
export function withPrint(shown: ShownTicket | null, ticketId: number, print: PrintState): Partial<KioskState> {
  return shown?.issued.ticket.id === ticketId ? { shown: { ...shown, print } } : {};
}
