// Entity types every part compiles against. Times are UTC ISO-8601 strings; the office day is a
// `YYYY-MM-DD` date in the office time zone.

export const ROLES = ['helpdesk', 'coordinator', 'head', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// A transferred ticket waits again (status `waiting`) in its new service under the same number; the
// transfer itself is an event in its history, so no separate `transferred` status is needed.
export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'expired',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PAUSE_REASONS = ['istirahat', 'sholat', 'rapat', 'lainnya'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const COUNTER_STATES = ['closed', 'open', 'paused'] as const;
export type CounterState = (typeof COUNTER_STATES)[number];

export const DEVICE_KINDS = ['kiosk', 'display', 'survey'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** An open interval in office time, `["08:00", "16:00"]`. */
export type TimeInterval = [string, string];
export type OpeningHours = 'always' | Record<Weekday, TimeInterval[]>;

export interface Office {
  name: string;
  address: string;
}

export interface Settings {
  /** The hub's address as kiosks, tablets and visitors' phones reach it, e.g. `http://192.168.1.10:7400`; '' = unset. */
  publicUrl: string;
  /** The Head of Unit's name and NIP, for signed reports. */
  headName: string;
  headNip: string;
  priorityEnabled: boolean;
  kioskRateLimitPerMinute: number;
  runningText: string;
  ticketFooter: string;
  voice: 'clips' | 'system';
  openingHours: OpeningHours;
  ticketHoldSeconds: number;
  /** The ticket (printed and on the kiosk screen) carries a QR to the visitor's own page. */
  ticketQr: boolean;
  /** The satisfaction survey (SKM) is offered after the visit, on the visitor's page and on survey tablets. */
  surveyEnabled: boolean;
  /** Days the visitor's name, company, phone and e-mail are kept in a closed case; then a daily job blanks them. */
  retentionDays: number;
}

export interface Service {
  id: number;
  /** One letter A–Z, the ticket's prefix; fixed once created (numbers already given out carry it). */
  code: string;
  name: string;
  nameEn: string;
  /** Place on the kiosk, lowest first. */
  sort: number;
  /** Whether the kiosk's priority question (when turned on) applies to this service. */
  askPriority: boolean;
  /** An inactive service is off the kiosk; tickets already waiting are still served. */
  active: boolean;
}

export interface Counter {
  id: number;
  name: string;
  /** What the voice says: "loket dua". */
  number: number;
  serviceCodes: string[];
  state: CounterState;
  pauseReason: PauseReason | null;
  /** The officer who holds the counter while it is open or paused. */
  userId: number | null;
  userName: string | null;
  /** When the counter entered its current state. */
  stateSince: string | null;
}

export interface Ticket {
  id: number;
  officeDay: string;
  number: string;
  serviceCode: string;
  priority: boolean;
  status: TicketStatus;
  issuedAt: string;
  /** Place in the queue: the issue time, kept on transfer, reset when a no-show is requeued. */
  queuedAt: string;
  calledAt: string | null;
  servingAt: string | null;
  finishedAt: string | null;
  counterId: number | null;
  /** Set when the ticket was transferred to a named counter: only that counter calls it. */
  targetCounterId: number | null;
  recallCount: number;
  deviceId: number | null;
  /** The service it was in before its last transfer; null when never transferred. */
  transferredFrom: string | null;
}

export interface IssuedTicket {
  ticket: Ticket;
  serviceName: string;
  ahead: number;
  etaMinutes: number;
  /** The visitor's own page (`<public address>/v/<code>`) for the ticket's QR; null when the QR is off or the hub has no address for phones. */
  visitorUrl: string | null;
}

/** What a ticket's paper says, as text: the hub, the kiosk and the Electron shell print it alike. */
export interface TicketPrint {
  officeName: string;
  officeAddress?: string;
  /** e.g. "A-012" */
  ticketNumber: string;
  serviceName: string;
  /** already-formatted local date+time text, e.g. "Selasa, 24 November 2026 09:15 WIB" */
  issuedAt: string;
  /** e.g. "Antrian di depan Anda: 3" */
  aheadText: string;
  etaText?: string;
  qrText?: string;
  footer?: string;
  /** default "NOMOR ANTRIAN" */
  title?: string;
}

export interface StaffUser {
  id: number;
  username: string;
  name: string;
  role: Role;
}

export interface PrinterTarget {
  host: string;
  port: number;
  width: 58 | 80;
}

// What the admin section shows; admins only.

export interface AdminUser extends StaffUser {
  active: boolean;
  /** The user has set their own password (not the temporary one an admin gave). */
  ownPassword: boolean;
  /** When the temporary password stops working; null once the user set their own. */
  tempExpiresAt: string | null;
}

export interface AdminCounter {
  id: number;
  name: string;
  number: number;
  serviceCodes: string[];
  active: boolean;
}

export interface AdminDevice {
  id: number;
  name: string;
  kind: DeviceKind;
  /** False once revoked: its key no longer opens anything. */
  active: boolean;
  printer: PrinterTarget | null;
  /** A survey tablet's counter. */
  counterId: number | null;
  online: boolean;
  lastSeenAt: string | null;
  openFaults: number;
}

export interface BackupInfo {
  file: string;
  at: string;
  bytes: number;
}

export interface AdminView {
  users: AdminUser[];
  counters: AdminCounter[];
  devices: AdminDevice[];
  /** Newest first. */
  backups: BackupInfo[];
}

/** Another member of staff as others see them. */
export type Colleague = Omit<StaffUser, 'username'>;

/** A call as the waiting room sees it: no personal data. */
export interface Call {
  ticketNumber: string;
  serviceCode: string;
  counterId: number;
  counterName: string;
  counterNumber: number;
  recall: number;
  at: string;
}

/** A counter as the waiting room sees it. */
export interface PublicCounter {
  id: number;
  name: string;
  number: number;
  state: CounterState;
  pauseReason: PauseReason | null;
  currentNumber: string | null;
}

export type WaitingCounts = Record<string, number>;

export interface OpenState {
  open: boolean;
  /** When closed: the next opening instant (UTC ISO), or null when no opening is configured. */
  opensAt: string | null;
}

export interface PrinterFault {
  id: number;
  deviceId: number;
  deviceName: string;
  ticketId: number | null;
  ticketNumber: string | null;
  code: string;
  message: string;
  at: string;
}

// The case (consultation record) of SOP steps 3–9. Codes are stable: tests and reports use them.
// `withdrawn` is apart: a visit's case with nothing recorded, which no board, list or figure counts.
export const CASE_STATUSES = ['open', 'escalated', 'reported', 'resolved', 'closed'] as const;
export const CASE_WITHDRAWN = 'withdrawn';
/** The statuses lists, boards and searches show. */
export type ListedCaseStatus = (typeof CASE_STATUSES)[number];
export type CaseStatus = ListedCaseStatus | typeof CASE_WITHDRAWN;

export const VISITOR_TYPES = ['penyedia', 'ppk', 'pokja', 'pp', 'auditor', 'lainnya'] as const;
export type VisitorType = (typeof VISITOR_TYPES)[number];

export const CASE_CATEGORIES = ['gangguan', 'permasalahan', 'permintaan_layanan'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const ESCALATION_TARGETS = ['coordinator', 'lkpp', 'both'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/** How the visitor was told of the result (SOP step 9). */
export const CLOSE_CHANNELS = ['on_the_spot', 'phone', 'email'] as const;
export type CloseChannel = (typeof CLOSE_CHANNELS)[number];

/** What the officer records about the visitor and the question; optional fields are ''. */
export interface CaseIntake {
  visitorName: string;
  /** A VisitorType code. */
  visitorType: string;
  /** Company or agency. */
  visitorOrg: string;
  visitorPhone: string;
  visitorEmail: string;
  /** The SPSE application or module concerned. */
  module: string;
  errorCode: string;
  /** An LPSE Support ticket number the visitor already has. */
  lpseTicket: string;
  /** A CaseCategory code. */
  category: string;
  title: string;
  description: string;
}

export interface Case {
  id: number;
  /** What the visitor takes home, per year: `K-2026-00042`. */
  reference: string;
  status: CaseStatus;
  ownerId: number;
  ownerName: string;
  /** Who opened it, at their counter. */
  openedById: number;
  /** The ticket of the visit being served now, or the first. */
  ticketId: number | null;
  ticketNumber: string | null;
  intake: CaseIntake | null;
  escalationTarget: EscalationTarget | null;
  lpseSupportTicket: string;
  resolution: string;
  closeChannel: CloseChannel | null;
  openedAt: string;
  updatedAt: string;
  /** Bumps on every change: a save carrying an older one is refused. */
  revision: number;
  lastRecommendation: string;
}

/**
 * A case as the staff lists show it (the case list, the coordinator's queue, the head's board, the case at a
 * counter): of the visitor only the name and company or agency, which the rows show. The whole case, with
 * contacts and notes, is read with `case:get` when opened.
 */
export interface CaseSummary
  extends Pick<Case, 'id' | 'reference' | 'status' | 'ownerId' | 'ownerName' | 'openedById' | 'ticketId' | 'ticketNumber' | 'escalationTarget' | 'openedAt' | 'updatedAt' | 'revision'> {
  title: string;
  visitorName: string;
  visitorOrg: string;
  /** The head has recommended something (SOP step 8). */
  recommended: boolean;
}

export function caseSummary(c: Case): CaseSummary {
  const { id, reference, status, ownerId, ownerName, openedById, ticketId, ticketNumber, escalationTarget, openedAt, updatedAt, revision } = c;
  return {
    id, reference, status, ownerId, ownerName, openedById, ticketId, ticketNumber, escalationTarget, openedAt, updatedAt, revision,
    title: c.intake?.title ?? '',
    visitorName: c.intake?.visitorName ?? '',
    visitorOrg: c.intake?.visitorOrg ?? '',
    recommended: c.lastRecommendation !== '',
  };
}

/** How many cases not closed one owner has in one status: the totals of every bounded list. */
export interface CaseCount {
  status: Exclude<ListedCaseStatus, 'closed'>;
  ownerId: number;
  n: number;
}

/** One entry of a case's timeline: its tickets' events, then every case action, oldest first. */
export interface CaseEntry {
  id: number;
  at: string;
  /** 'ticket.issue', 'ticket.call', …, 'case.open', 'case.intake', 'case.escalate', … */
  type: string;
  sopStep: number | null;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string;
  /** A transfer: the service it left. */
  from?: string;
  /** A transfer: the service or counter it went to; an escalation: its target code. */
  to?: string;
  /** An escalation's LPSE Support ticket number. */
  lpseSupportTicket?: string;
  /** An intake save: the fields it changed; the retention job: the fields it blanked. Never their values. */
  changed?: (keyof CaseIntake)[];
}

/** A label or phrase in both of the product's languages, Bahasa Indonesia first. */
export type Words = { id: string; en: string };
