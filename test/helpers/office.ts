// The seeded office of officeDb.ts with what the audiences read besides it (a clock, the storage state, a real
// backups folder, and what only the sockets know), and the day's doings made with the hub's own operations:
// for tests of what each audience is shown, without a hub.
import { join } from 'node:path';
import { EMPTY_INTAKE } from '../../shared/domain/caseRules';
import type { TicketAction } from '../../shared/domain/ticketRules';
import type { Call, CaseIntake, StaffUser, Ticket } from '../../shared/domain/types';
import { Audiences, type AudienceDeps, type Live } from '../../hub/audiences/index';
import { Backups } from '../../hub/backup';
import type { Session } from '../../hub/context';
import { getDevice, insertDevice, latestCall, updateCase, type Device } from '../../hub/db/index';
import { transitionCounter } from '../../hub/operations/counterTransition';
import { applyAndLog } from '../../hub/operations/ticketTransition';
import { openVisitCase } from '../../hub/operations/visitCase';
import { Storage } from '../../hub/storage';
import { FakeClock } from './hub';
import { openOfficeDb, type OfficeDb } from './officeDb';

/** 10:00 WIB on Tuesday 24 November 2026, the office day of officeDb.ts. */
export const OFFICE_NOW = '2026-11-24T03:00:00.000Z';
export const OFFICE_DAY = '2026-11-24';

type StaffSession = Extract<Session, { kind: 'staff' }>;

export interface TestOffice extends OfficeDb {
  clock: FakeClock;
  backups: Backups;
  deps: AudienceDeps;
  /** What only the sockets know, set by the test: kiosks with a bridge connected, devices online. */
  bridges: Set<number>;
  online: Set<number>;
  audiences(): Audiences;
  /** A staff member's session, by username (`admin`, `hd1`, `koor`, …). */
  staff(username: string, passwordChangeRequired?: boolean): StaffSession;
  user(username: string): StaffUser;
  device(id: number): Device;
  /** A survey tablet belonging to a counter. */
  tablet(counterId: number): Device;
  /** A staff member opens a counter and holds it. */
  openCounter(counterId: number, username: string): void;
  /** A ticket's step, made by `username`, as the counter's actions make it. */
  act(ticket: Ticket, action: TicketAction, username?: string): Ticket;
  call(ticket: Ticket, counterId: number, username?: string): { ticket: Ticket; call: Call };
  /** A called visit started by `owner` at the counter that called it, with its case holding what the visitor told. */
  openCase(ticket: Ticket, owner: string, intake: Partial<CaseIntake>): number;
}

export function openOffice(): TestOffice {
  const office = openOfficeDb();
  const { db } = office;
  const clock = new FakeClock(Date.parse(OFFICE_NOW));
  const storage = new Storage(db, { probeMs: 60_000, log: () => undefined });
  const backups = new Backups(() => storage.hold(), { dir: join(db.name, '..', 'backups'), keep: 5, clock: clock.now, log: () => undefined });
  const deps: AudienceDeps = { db, clock: clock.now, timeZone: 'Asia/Jakarta', storage, backups };
  const bridges = new Set<number>();
  const online = new Set<number>();
  const live: Live = { bridgeKiosks: () => bridges, deviceOnline: (id) => online.has(id), withLastSeen: (view) => view };
  const staff = (username: string, passwordChangeRequired = false): StaffSession => ({ ...(office.as(username).session as StaffSession), passwordChangeRequired });
  const act = (ticket: Ticket, action: TicketAction, username = 'hd1') =>
    office.inTransaction(() => applyAndLog(office.as(username), ticket, action, action.type === 'call' ? action.counterId : null));
  const device = (id: number): Device => {
    const found = getDevice(db, id);
    if (!found) throw new Error(`no device ${id}`);
    return found;
  };
  return {
    ...office,
    clock,
    backups,
    deps,
    bridges,
    online,
    audiences: () => new Audiences(deps, live),
    staff,
    user: (username) => staff(username).user,
    device,
    tablet: (counterId) =>
      device(insertDevice(db, { name: `Tablet Loket ${counterId}`, kind: 'survey', key: `tablet-key-${counterId}`, printer: null, counterId, createdAt: OFFICE_NOW })),
    openCounter(counterId, username) {
      office.inTransaction(() => transitionCounter(office.as(username), office.counter(counterId), 'open', office.userId(username), null));
    },
    act,
    call(ticket, counterId, username) {
      const called = act(ticket, { type: 'call', counterId }, username);
      return { ticket: called, call: latestCall(db, ticket.id) as Call };
    },
    openCase(ticket, owner, intake) {
      return office.inTransaction(() => {
        const ctx = office.as(owner);
        const opened = openVisitCase(ctx, applyAndLog(ctx, ticket, { type: 'start' }, null), ticket.counterId ?? 0);
        updateCase(db, { ...opened, intake: { ...EMPTY_INTAKE, ...intake }, revision: opened.revision + 1 }, ctx.today);
        return opened.id;
      });
    },
  };
}
