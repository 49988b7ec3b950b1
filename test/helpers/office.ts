// An office in a real SQLite file with no hub around it: the hub tests' seed, and the day's doings written with
// the hub's own database functions and ticket rules, for tests of what the hub builds from the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_INTAKE, formatCaseReference } from '../../shared/domain/caseRules';
import { applyTicketAction, formatTicketNumber, issuedTicket, type TicketAction } from '../../shared/domain/ticketRules';
import type { CaseIntake, StaffUser, Ticket } from '../../shared/domain/types';
import { Audiences, type AudienceDeps, type Live } from '../../hub/audiences/index';
import { Backups } from '../../hub/backup';
import type { Session } from '../../hub/context';
import {
  appendEvent,
  findUserByUsername,
  getCase,
  getDevice,
  getTicket,
  insertCase,
  insertDevice,
  insertTicket,
  latestCall,
  listTicketsOfDay,
  linkCaseTicket,
  openDatabase,
  updateCase,
  updateCounterState,
  updateTicket,
  type Db,
  type Device,
} from '../../hub/db/index';
import { applySeed } from '../../hub/seed';
import { Storage } from '../../hub/storage';
import type { Call } from '../../shared/domain/types';
import { FakeClock, testSeed } from './hub';

/** 10:00 WIB on Tuesday 24 November 2026. */
export const OFFICE_NOW = '2026-11-24T03:00:00.000Z';
export const OFFICE_DAY = '2026-11-24';

export interface TestOffice {
  db: Db;
  clock: FakeClock;
  backups: Backups;
  deps: AudienceDeps;
  /** What only the sockets know, set by the test: kiosks with a bridge connected, devices online. */
  bridges: Set<number>;
  online: Set<number>;
  live: Live;
  audiences(): Audiences;
  /** A staff member's session, by username (`admin`, `hd1`, `koor`, …). */
  staff(username: string, passwordChangeRequired?: boolean): Extract<Session, { kind: 'staff' }>;
  user(username: string): StaffUser;
  device(id: number): Device;
  /** A survey tablet belonging to a counter. */
  tablet(counterId: number): Device;
  issue(serviceCode?: string): Ticket;
  /** A ticket action, stored and logged as the hub does: a call is made at the counter given. */
  act(ticket: Ticket, action: TicketAction, userId?: number): Ticket;
  call(ticket: Ticket, counterId: number): { ticket: Ticket; call: Call };
  /** The counter opened by a staff member. */
  openCounter(counterId: number, username: string): void;
  /** A case opened for a visit, with what the visitor told. */
  openCase(ticket: Ticket, owner: string, intake: Partial<CaseIntake>): number;
  close(): void;
}

export function openOffice(): TestOffice {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-office-'));
  const { db } = openDatabase(join(dir, 'antrian.sqlite'));
  db.transaction(() => applySeed(db, testSeed(), 'sandi-admin', OFFICE_NOW, 1024)).immediate();
  const clock = new FakeClock(Date.parse(OFFICE_NOW));
  const storage = new Storage(db, { probeMs: 60_000, log: () => undefined });
  const backups = new Backups(() => storage.hold(), { dir: join(dir, 'backups'), keep: 5, clock: clock.now, log: () => undefined });
  const deps: AudienceDeps = { db, clock: clock.now, timeZone: 'Asia/Jakarta', storage, backups };
  const bridges = new Set<number>();
  const online = new Set<number>();
  const live: Live = { bridgeKiosks: () => bridges, deviceOnline: (id) => online.has(id) };
  const now = () => clock.now().toISOString();
  const user = (username: string): StaffUser => {
    const found = findUserByUsername(db, username);
    if (!found) throw new Error(`no user ${username}`);
    return { id: found.id, username: found.username, name: found.name, role: found.role };
  };
  const office: TestOffice = {
    db,
    clock,
    backups,
    deps,
    bridges,
    online,
    live,
    audiences: () => new Audiences(deps, live),
    staff: (username, passwordChangeRequired = false) => ({ kind: 'staff', user: user(username), tokenHash: `token-${username}`, passwordChangeRequired }),
    user,
    device(id) {
      const device = getDevice(db, id);
      if (!device) throw new Error(`no device ${id}`);
      return device;
    },
    tablet(counterId) {
      const id = insertDevice(db, { name: `Tablet Loket ${counterId}`, kind: 'survey', key: `tablet-key-${counterId}`, printer: null, counterId, createdAt: now() });
      return office.device(id);
    },
    issue(serviceCode = 'A') {
      const seq = listTicketsOfDay(db, OFFICE_DAY).filter((t) => t.serviceCode === serviceCode).length + 1;
      const number = formatTicketNumber(serviceCode, seq);
      const issued = issuedTicket({ officeDay: OFFICE_DAY, number, serviceCode, priority: false, issuedAt: now(), deviceId: 1 });
      const id = insertTicket(db, issued, 'device:1', `request-${number}`, `visitor-code-${number}`);
      appendEvent(db, { at: now(), type: 'ticket.issue', ticketId: id, deviceId: 1, toStatus: 'waiting', data: issued });
      return getTicket(db, id) as Ticket;
    },
    act(ticket, action, userId) {
      const next = applyTicketAction(ticket, action, now());
      updateTicket(db, next);
      appendEvent(db, { at: now(), type: `ticket.${action.type}`, ticketId: ticket.id, counterId: next.counterId ?? ticket.counterId, userId, fromStatus: ticket.status, toStatus: next.status, data: action });
      return next;
    },
    call(ticket, counterId) {
      const called = office.act(ticket, { type: 'call', counterId });
      return { ticket: called, call: latestCall(db, ticket.id) as Call };
    },
    openCounter(counterId, username) {
      updateCounterState(db, counterId, { state: 'open', pauseReason: null, userId: user(username).id, since: now() });
    },
    openCase(ticket, owner, intake) {
      const ownerId = user(owner).id;
      const id = insertCase(db, { reference: formatCaseReference(2026, ticket.id), ownerId, ticketId: ticket.id, openedAt: now(), openedDay: OFFICE_DAY });
      linkCaseTicket(db, { caseId: id, ticketId: ticket.id, at: now(), userId: ownerId });
      const opened = getCase(db, id);
      if (!opened) throw new Error('the case was not stored');
      updateCase(db, { ...opened, intake: { ...EMPTY_INTAKE, ...intake }, revision: opened.revision + 1 }, OFFICE_DAY);
      return id;
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return office;
}
