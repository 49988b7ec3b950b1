// A seeded office on a real SQLite file, without a hub: the domain operations (hub/operations/) run on a
// connection inside a transaction and know nothing of sockets, so their tests need only this.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officeDay } from '../../shared/domain/officeTime';
import { issuedTicket } from '../../shared/domain/ticketRules';
import type { Counter, Ticket } from '../../shared/domain/types';
import { DomainError, errorMessage, type ErrorCode, type Lang } from '../../shared/protocol/errors';
import type { OperationContext } from '../../hub/context';
import { getCounter, getTicket, insertTicket, listUsers, openDatabase, type Db } from '../../hub/db/index';
import { applySeed } from '../../hub/seed';
import { ADMIN_PASSWORD, testSeed } from './hub';

/** 09:00 WIB on Tuesday 24 November 2026: the office is open. */
const OFFICE_MORNING = '2026-11-24T02:00:00.000Z';

/** A row of the event log, as the audit reads it. */
export interface LoggedEvent {
  type: string;
  ticketId: number | null;
  counterId: number | null;
  caseId: number | null;
  userId: number | null;
  fromStatus: string | null;
  toStatus: string | null;
  sopStep: number | null;
  data: Record<string, unknown>;
}

export interface OfficeDb {
  db: Db;
  /** What an operation gets when `username` (staff) acts at `at`, in `lang`. */
  as(username: string, options?: { at?: string; lang?: Lang }): OperationContext;
  userId(username: string): number;
  /** Runs `work` in one write transaction, as the hub runs a handler: a throw rolls it all back. */
  inTransaction<T>(work: () => T): T;
  /** Runs `work` as `inTransaction` does, which must refuse it: the code, and the message as the hub words it. */
  refusal(work: () => unknown, lang?: Lang): { code: ErrorCode; message: string };
  /** A ticket taken at the kiosk for `serviceCode`, waiting. */
  issue(serviceCode?: string): Ticket;
  ticket(id: number): Ticket;
  counter(id: number): Counter;
  /** The event log in order, from `after` (a count of events already read) on. */
  events(after?: number): LoggedEvent[];
  close(): void;
}

/** The test seed's office (three counters, hd1–hd3, koor, kepala, admin) in a fresh folder. */
export function openOfficeDb(): OfficeDb {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-operations-'));
  const { db } = openDatabase(join(dir, 'antrian.sqlite'));
  // The test hubs' low scrypt cost: nobody signs in here.
  db.transaction(() => applySeed(db, testSeed(), ADMIN_PASSWORD, OFFICE_MORNING, 1024)).immediate();
  let issued = 0;

  const userOf = (username: string) => {
    const user = listUsers(db).find((u) => u.username === username);
    if (!user) throw new Error(`no user ${username} in the test seed`);
    return user;
  };

  return {
    db,
    as(username, { at = OFFICE_MORNING, lang = 'id' } = {}) {
      const session = { kind: 'staff' as const, user: userOf(username), tokenHash: `token-${username}`, passwordChangeRequired: false };
      return { db, session, lang, nowIso: at, today: officeDay(new Date(at), 'Asia/Jakarta') };
    },
    userId: (username) => userOf(username).id,
    inTransaction: (work) => db.transaction(work).immediate(),
    refusal(work, lang = 'id') {
      try {
        db.transaction(work).immediate();
      } catch (e) {
        if (e instanceof DomainError) return { code: e.code, message: errorMessage(e.code, lang, e.params) };
        throw e;
      }
      throw new Error('expected a refusal, and the work was done');
    },
    issue(serviceCode = 'A') {
      issued += 1;
      const draft = issuedTicket({
        officeDay: officeDay(new Date(OFFICE_MORNING), 'Asia/Jakarta'),
        number: `${serviceCode}-${String(issued).padStart(3, '0')}`,
        serviceCode,
        priority: false,
        issuedAt: OFFICE_MORNING,
        deviceId: null,
      });
      return { id: insertTicket(db, draft, 'test', `request-${issued}`, `visitor-${issued}`), ...draft };
    },
    ticket(id) {
      const ticket = getTicket(db, id);
      if (!ticket) throw new Error(`no ticket ${id}`);
      return ticket;
    },
    counter(id) {
      const counter = getCounter(db, id);
      if (!counter) throw new Error(`no counter ${id}`);
      return counter;
    },
    events(after = 0) {
      const rows = db
        .prepare(
          `SELECT type, ticket_id AS ticketId, counter_id AS counterId, case_id AS caseId, user_id AS userId,
                  from_status AS fromStatus, to_status AS toStatus, sop_step AS sopStep, data
           FROM events ORDER BY id LIMIT -1 OFFSET ?`,
        )
        .all(after) as (Omit<LoggedEvent, 'data'> & { data: string })[];
      return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
