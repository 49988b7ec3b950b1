// The Socket.IO contract: what each client event answers, and what the hub pushes to each audience.
import type {
  AdminCounter,
  AdminDevice,
  AdminUser,
  AdminView,
  BackupInfo,
  Call,
  Case,
  CaseCount,
  CaseEntry,
  CaseSummary,
  Counter,
  Office,
  PrinterFault,
  PublicCounter,
  Service,
  Settings,
  StaffUser,
  Colleague,
  IssuedTicket,
  Ticket,
  TicketPrint,
  WaitingCounts,
} from '../domain/types';
import type { SnapshotListName } from '../domain/caseLists';
import type { Report } from '../domain/report';
import type { Ikm } from '../domain/skm';
import type { BridgePrintResult, PrinterFaultCode } from './bridge';
import type { Reply } from './errors';
import type { ClientEventName, ClientPayload } from './schemas';

export type Audience = 'display' | 'kiosk' | 'staff' | 'visitor' | 'survey';

/** A device's key, shown once: on making the device or giving it a new key. */
export interface DeviceKeyReply {
  device: AdminDevice;
  key: string;
  /** The device's page with its key, e.g. `/kiosk?key=…`; the admin screen puts the hub's address before it. */
  path: string;
}

/** A one-time password, shown once: on making an account or resetting its password. */
export interface TempPasswordReply {
  user: AdminUser;
  tempPassword: string;
  expiresAt: string;
}

/**
 * Everything the visitor's own page may know: one ticket, nothing personal. A transferred ticket shows as
 * waiting in its new service.
 */
export interface VisitorView {
  officeDay: string;
  number: string;
  serviceCode: string;
  serviceName: string;
  serviceNameEn: string;
  status: Ticket['status'];
  /** People ahead in its queue while waiting; 0 otherwise. */
  ahead: number;
  etaMinutes: number;
  /** Where to go while called or served. */
  counter: { name: string; number: number } | null;
  recallCount: number;
  transferred: boolean;
  /** The survey may be answered now: the visit is finished, not yet answered, and the survey is on. */
  surveyOpen: boolean;
  surveyed: boolean;
}

/** A survey tablet: its counter, and the visit that counter just finished while it awaits an answer. */
export interface SurveyTabletView {
  counterName: string;
  counterNumber: number;
  surveyEnabled: boolean;
  /** The visit to ask about, or null (the tablet rests on its thank-you screen). */
  visit: { ticketNumber: string; serviceName: string; serviceNameEn: string } | null;
}

/** 'full': no space left; 'read_only': a read-only file system or an I/O error. */
export type StorageState = 'ok' | 'full' | 'read_only';

interface SnapshotBase {
  /** Changes with every hub start: revisions are only comparable within one epoch. */
  epoch: string;
  rev: number;
  serverTime: string;
  timeZone: string;
  office: Office;
  services: Service[];
  waiting: WaitingCounts;
}

export interface DisplaySnapshot extends SnapshotBase {
  audience: 'display';
  settings: Pick<Settings, 'runningText' | 'voice'>;
  counters: PublicCounter[];
  /** Newest first. */
  recentCalls: Call[];
}

export interface KioskSnapshot extends SnapshotBase {
  audience: 'kiosk';
  settings: Pick<Settings, 'priorityEnabled' | 'ticketHoldSeconds' | 'ticketFooter' | 'openingHours'>;
  device: { id: number; name: string; hasPrinter: boolean };
}

/** The first rows of a list of cases, in its order; `complete` when they are all of it. */
export interface CaseListPage {
  ids: number[];
  complete: boolean;
}

export interface StaffSnapshot extends SnapshotBase {
  audience: 'staff';
  settings: Settings;
  counters: Counter[];
  /** Today's tickets. */
  tickets: Ticket[];
  /** Active staff by name, for choosing a case's owner: no usernames. */
  users: Colleague[];
  printerFaults: PrinterFault[];
  recentCalls: Call[];
  me: StaffUser;
  /**
   * The first rows of each list a screen shows at once (`caseLists`, at most CASE_LIST_ROWS each) and the
   * cases at the counters now, as summaries: a list pages further with `case:search`.
   */
  cases: CaseSummary[];
  caseLists: Record<SnapshotListName, CaseListPage>;
  /** Every case not closed, counted by status and owner: the lists' totals. */
  caseCounts: CaseCount[];
  /** Kiosks with a network printer or a connected bridge: only their tickets can be reprinted. */
  printingKiosks: number[];
  /** Whether the hub can write to its disk: anything but 'ok' is the storage alarm, and changes are refused. */
  storage: StorageState;
}

/**
 * A session opened with a temporary password sees nothing until its user has set their own: only who they
 * are, so the screen can ask for the new password.
 */
export interface PasswordChangeSnapshot {
  audience: 'password';
  epoch: string;
  rev: number;
  serverTime: string;
  me: StaffUser;
}

export interface VisitorSnapshot {
  audience: 'visitor';
  epoch: string;
  rev: number;
  serverTime: string;
  timeZone: string;
  office: Office;
  visit: VisitorView;
}

export interface SurveySnapshot {
  audience: 'survey';
  epoch: string;
  rev: number;
  serverTime: string;
  timeZone: string;
  office: Office;
  tablet: SurveyTabletView;
}

export type Snapshot = DisplaySnapshot | KioskSnapshot | StaffSnapshot | PasswordChangeSnapshot | VisitorSnapshot | SurveySnapshot;

/** What changed, for one audience. Lists are upserts by id. */
export interface DisplayPatch {
  audience: 'display';
  epoch: string;
  rev: number;
  office?: Office;
  settings?: DisplaySnapshot['settings'];
  services?: Service[];
  counters?: PublicCounter[];
  waiting?: WaitingCounts;
  /** Calls and recalls to announce, in the order they were made (one patch per commit may hold several). */
  calls?: Call[];
  /** Tickets marked no-show: they leave the recent calls. */
  noShows?: string[];
}

export interface KioskPatch {
  audience: 'kiosk';
  epoch: string;
  rev: number;
  office?: Office;
  settings?: KioskSnapshot['settings'];
  services?: Service[];
  waiting?: WaitingCounts;
}

export interface StaffPatch {
  audience: 'staff';
  epoch: string;
  rev: number;
  office?: Office;
  settings?: Settings;
  services?: Service[];
  counters?: Counter[];
  tickets?: Ticket[];
  waiting?: WaitingCounts;
  /** The open printer faults, replacing the list: a resolved fault drops out. */
  printerFaults?: PrinterFault[];
  /** Every case the change touched, in its new state: it enters or leaves each list by itself. */
  cases?: CaseSummary[];
  /** Whole, with `cases`. */
  caseCounts?: CaseCount[];
  /** Whole, when a kiosk's bridge came or went. */
  printingKiosks?: number[];
  /** The hub's disk became unwritable, or writable again. */
  storage?: StorageState;
}

/** The visitor's page and a survey tablet get their whole (small) view whenever it changes. */
export interface VisitorPatch {
  audience: 'visitor';
  epoch: string;
  rev: number;
  visit: VisitorView;
}

export interface SurveyPatch {
  audience: 'survey';
  epoch: string;
  rev: number;
  tablet: SurveyTabletView;
}

export type Patch = DisplayPatch | KioskPatch | StaffPatch | VisitorPatch | SurveyPatch;

/** The satisfaction index of a period, overall, per service and per serving officer. */
export interface IkmReport {
  from: string;
  to: string;
  overall: Ikm;
  byService: Array<{ serviceCode: string; ikm: Ikm }>;
  byOfficer: Array<{ userId: number; name: string; ikm: Ikm }>;
}

export interface CaseDetail {
  case: Case;
  timeline: CaseEntry[];
}

/**
 * What became of a print: `no_printer` means the kiosk has none and shows the ticket on screen only (not a
 * fault); a `fault` is recorded and shown to staff, who can reprint. The ticket stays valid either way.
 */
export type PrintOutcome =
  | { ticketNumber: string; result: 'printed' | 'no_printer' }
  | { ticketNumber: string; result: 'fault'; fault: { code: PrinterFaultCode; message: string } };

export interface ClientReplies {
  'auth:login': { token: string; user: StaffUser; passwordChangeRequired: boolean };
  'auth:logout': Record<string, never>;
  'auth:changePassword': { user: StaffUser };
  'sync:snapshot': Snapshot;
  'ticket:issue': IssuedTicket;
  'counter:open': Counter;
  'counter:pause': Counter;
  'counter:resume': Counter;
  'counter:close': Counter;
  'ticket:callNext': Ticket;
  'ticket:callSpecific': Ticket;
  'ticket:recall': Ticket;
  'ticket:noShow': Ticket;
  'ticket:requeue': Ticket;
  'ticket:transfer': Ticket;
  'ticket:start': { ticket: Ticket; case: Case };
  'ticket:finish': Ticket;
  'ticket:cancel': Ticket;
  'settings:update': { office: Office; settings: Settings };
  /** How many closed cases a retention period of `retentionDays` would blank today: asked before a lower one is saved. */
  'settings:retentionPreview': Pick<Settings, 'retentionDays'> & { cases: number };
  'case:attach': Case;
  'case:intake': Case;
  'case:handle': Case;
  'case:escalate': Case;
  'case:take': Case;
  'case:followup': Case;
  'case:report': Case;
  'case:recommend': Case;
  'case:resolve': Case;
  'case:close': Case;
  'case:reassign': Case;
  'case:get': CaseDetail;
  'case:search': CaseSummary[];
  'print:ticket': PrintOutcome;
  'print:fault': Record<string, never>;
  'print:ok': Record<string, never>;
  'print:reprint': PrintOutcome;
  'print:closeFaults': Record<string, never>;
  'admin:serviceCreate': Service;
  'admin:serviceUpdate': Service;
  'admin:counterCreate': AdminCounter;
  'admin:counterUpdate': AdminCounter;
  'admin:userCreate': TempPasswordReply;
  'admin:userUpdate': AdminUser;
  'admin:userResetPassword': TempPasswordReply;
  /** The deactivated account, and its open cases to reassign. */
  'admin:userDeactivate': { user: AdminUser; openCases: Case[] };
  'admin:userReactivate': AdminUser;
  'admin:deviceCreate': DeviceKeyReply;
  'admin:deviceUpdate': AdminDevice;
  'admin:deviceRekey': DeviceKeyReply;
  'admin:deviceRevoke': AdminDevice;
  'admin:testPrint': { result: 'printed' } | { result: 'fault'; fault: { code: PrinterFaultCode; message: string } };
  'admin:backupNow': BackupInfo;
  'survey:submit': Record<string, never>;
  'survey:ikm': IkmReport;
  'report:get': Report;
}

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (reply: Reply<ClientReplies[E]>) => void) => void;
};

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  patch: (patch: Patch) => void;
  /** Admins only: the admin section's lists, whole, on sign-in and whenever one of them changes. */
  admin: (view: AdminView) => void;
  /**
   * To a kiosk that connected with `bridge: true`: print this ticket on the shell's own printer (a staff
   * reprint of a kiosk without a network printer). The page hands it to its bridge and acks the result.
   */
  'print:bridge': (ticket: TicketPrint, ack: (result: BridgePrintResult) => void) => void;
}

/** Socket handshake `auth`: a staff session token, a device key, a ticket's visitor code, or nothing (display). */
export interface HandshakeAuth {
  token?: string;
  deviceKey?: string;
  /** The code from the ticket's QR (`/v/<code>`): the socket sees that one ticket only. */
  visitorCode?: string;
  lang?: 'id' | 'en';
  /** A kiosk page running in the Electron shell, whose bridge prints: the hub may relay reprints to it. */
  bridge?: boolean;
}
