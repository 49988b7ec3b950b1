// The Socket.IO contract: what each client event answers, and what the hub pushes to each audience.
import type {
  Call,
  Case,
  CaseEntry,
  Counter,
  Office,
  PrinterFault,
  PublicCounter,
  Service,
  Settings,
  StaffUser,
  Colleague,
  Ticket,
  WaitingCounts,
} from '../domain/types';
import type { PrinterFaultCode } from './bridge';
import type { Reply } from './errors';
import type { ClientEventName, ClientPayload } from './schemas';

export type Audience = 'display' | 'kiosk' | 'staff';

export interface IssuedTicket {
  ticket: Ticket;
  serviceName: string;
  ahead: number;
  etaMinutes: number;
}

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
  /** Every case not closed, plus those closed today. */
  cases: Case[];
}

export type Snapshot = DisplaySnapshot | KioskSnapshot | StaffSnapshot;

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
  call?: Call;
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
  call?: Call;
  cases?: Case[];
}

export type Patch = DisplayPatch | KioskPatch | StaffPatch;

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
  'auth:login': { token: string; user: StaffUser };
  'auth:logout': Record<string, never>;
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
  'ticket:start': Ticket;
  'ticket:finish': Ticket;
  'ticket:cancel': Ticket;
  'settings:update': { office: Office; settings: Settings };
  'case:open': Case;
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
  'case:search': Case[];
  'print:ticket': PrintOutcome;
  'print:fault': Record<string, never>;
  'print:reprint': PrintOutcome;
}

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (reply: Reply<ClientReplies[E]>) => void) => void;
};

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  patch: (patch: Patch) => void;
}

/** Socket handshake `auth`: a staff session token, a kiosk device key, or nothing (display). */
export interface HandshakeAuth {
  token?: string;
  deviceKey?: string;
  lang?: 'id' | 'en';
}
