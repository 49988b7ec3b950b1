// What the audience modules share: where they read from, what every shared snapshot starts with, and what a
// change makes several audiences read, read once for all of them.
import type { AdminView, BackupInfo, Call, Counter, Office, Settings, Ticket, WaitingCounts } from '../../shared/domain/types';
import type { DisplaySnapshot, StorageState } from '../../shared/protocol/events';
import type { Change, HubDeps } from '../context';
import { getCounter, getOffice, getSettings, getTicket, listServices, waitingCounts, type ReadDb } from '../db/index';

/** Where the audiences read from: the hub's own parts (`HubDeps` is one), and what only the sockets know. */
export interface AudienceDeps extends Pick<HubDeps, 'clock' | 'timeZone'> {
  /** The current connection (a storage fault swaps it), read at each use: the audiences only read. */
  readonly db: ReadDb;
  storage: { readonly state: StorageState };
  backups: { list(): BackupInfo[] };
}

export interface Live {
  /** Kiosks whose page is connected with a printer bridge now. */
  bridgeKiosks: () => Iterable<number>;
  /** Whether a device has a socket connected now. */
  deviceOnline: (deviceId: number) => boolean;
  /** The admin view with the devices' last-seen times as the hub knows them now (stored up to a minute later). */
  withLastSeen: (view: AdminView) => AdminView;
}

/** A patch without what the audiences module adds to every one: whose it is and its place in the sequence. */
export type Body<P> = Omit<P, 'audience' | 'epoch' | 'rev'>;

/** What the display's, the kiosk's and the staff's snapshots start with. */
export type SnapshotBase = Pick<DisplaySnapshot, 'epoch' | 'rev' | 'serverTime' | 'timeZone' | 'office' | 'services' | 'waiting'>;

export function snapshotBase(deps: AudienceDeps, today: string): Omit<SnapshotBase, 'epoch' | 'rev'> {
  const { db } = deps;
  return {
    serverTime: deps.clock().toISOString(),
    timeZone: deps.timeZone,
    office: getOffice(db),
    services: listServices(db),
    waiting: waitingCounts(db, today),
  };
}

/** What a change makes the display, kiosk and staff patches read, read from the database after its commit. */
export interface ChangeReads {
  change: Change;
  settings?: Settings;
  office?: Office;
  waiting?: WaitingCounts;
  /** The counters the change names, as they are now. */
  counters: Counter[];
  /** The tickets the change names, as they are now. */
  tickets: Ticket[];
  calls: Call[];
}

export function readChange(db: ReadDb, change: Change, today: string): ChangeReads {
  return {
    change,
    settings: change.settings ? getSettings(db) : undefined,
    office: change.office ? getOffice(db) : undefined,
    waiting: change.waiting ? waitingCounts(db, today) : undefined,
    counters: (change.counterIds ?? []).map((id) => getCounter(db, id)).filter((c) => c !== undefined),
    tickets: (change.ticketIds ?? []).map((id) => getTicket(db, id)).filter((t) => t !== undefined),
    calls: change.calls ?? [],
  };
}
