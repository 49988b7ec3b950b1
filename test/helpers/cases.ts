// Steps the case tests share: serve a visitor at a counter, open their case, read the stored rows.
import { EMPTY_INTAKE } from '../../shared/domain/caseRules';
import type { Case, CaseEntry, CaseIntake, ListedCaseStatus, Ticket } from '../../shared/domain/types';
import type { Db } from '../../hub/db/index';
import { requestId, type TestClient } from './clients';

export function intake(fields: Partial<CaseIntake> = {}): CaseIntake {
  return {
    ...EMPTY_INTAKE,
    visitorName: 'Budi Santoso',
    visitorType: 'penyedia',
    visitorOrg: 'CV Maju Jaya',
    visitorPhone: '0812-7000-1234',
    category: 'gangguan',
    title: 'Tidak bisa mengunggah dokumen penawaran',
    ...fields,
  };
}

/**
 * A visitor takes a number at the kiosk and `officer` calls and starts serving it at `counterId`, which opens
 * the visit's case (or continues `caseId`).
 */
export async function serveVisitor(
  kiosk: TestClient,
  officer: TestClient,
  counterId: number,
  caseId?: number,
): Promise<{ ticket: Ticket; case: Case }> {
  const { ticket } = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  await officer.ok('ticket:callSpecific', { counterId, ticketId: ticket.id });
  return officer.ok('ticket:start', { counterId, ticketId: ticket.id, ...(caseId === undefined ? {} : { caseId }) });
}

/** A new visit and its case, with the intake saved; the visit is finished, so the counter is free again. */
export async function caseOfNewVisit(
  kiosk: TestClient,
  officer: TestClient,
  counterId: number,
  fields: Partial<CaseIntake> = {},
): Promise<Case> {
  const { ticket, case: opened } = await serveVisitor(kiosk, officer, counterId);
  const saved = await officer.ok('case:intake', { caseId: opened.id, revision: opened.revision, intake: intake(fields) });
  await officer.ok('ticket:finish', { counterId, ticketId: ticket.id });
  return saved;
}

/** A new visit's case with the intake saved, resolved and closed on the spot; the counter is free again. */
export async function closedCaseOfNewVisit(
  kiosk: TestClient,
  officer: TestClient,
  counterId: number,
  fields: Partial<CaseIntake> = {},
): Promise<Case> {
  const c = await caseOfNewVisit(kiosk, officer, counterId, fields);
  const resolved = await officer.ok('case:resolve', { caseId: c.id, revision: c.revision, resolution: 'Dijelaskan caranya.' });
  return officer.ok('case:close', { caseId: c.id, revision: resolved.revision, channel: 'on_the_spot' });
}

/** The stored case row and the size of the event log: what a refusal must leave as it was. */
export function stored(db: Db, caseId: number): { row: unknown; events: number } {
  return {
    row: db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId),
    events: (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
  };
}

/** The SOP steps of a timeline with repeats of the same step in a row collapsed: 2,2,3,3,4 → 2,3,4. */
export function sopSteps(timeline: CaseEntry[]): (number | null)[] {
  return timeline.map((e) => e.sopStep).filter((step, i, all) => i === 0 || step !== all[i - 1]);
}

/**
 * A year of cases up to `today`, written in one transaction straight into the hub's database (before any
 * client connects: no patch tells of them), the oldest first and evenly spread; `leftOpen` says how many of
 * each status are not closed, spread over the year too; owned in turn by hd1, hd2, hd3 and koor. Each
 * visitor's name, company, phone and e-mail are numbered (`Pengunjung Nomor 7`, `0812-00000007`,
 * `pengunjung7@penyedia.co.id`). Plus `ticketsToday` tickets served this morning.
 */
export function casesOfAYear(
  db: Db,
  o: { today: string; total: number; leftOpen: readonly (readonly [Exclude<ListedCaseStatus, 'closed'>, number])[]; ticketsToday?: number },
): void {
  const users = db.prepare("SELECT id FROM users WHERE username IN ('hd1', 'hd2', 'hd3', 'koor') ORDER BY id").all() as { id: number }[];
  const insert = db.prepare(
    `INSERT INTO cases (reference, status, owner_id, opened_by, opened_at, opened_day, updated_at, closed_day, revision,
       intake_at, visitor_name, visitor_type, visitor_org, visitor_phone, visitor_email, category, title, description,
       escalation_target, lpse_support_ticket)
     VALUES (@reference, @status, @owner, @owner, @at, @day, @at, @closedDay, 3, @at, @name, 'penyedia', @org, @phone, @email,
       'gangguan', @title, @description, @target, @lpse)`,
  );
  const ticket = db.prepare(
    `INSERT INTO tickets (office_day, number, service_code, priority, status, issued_at, queued_at, called_at, serving_at,
       finished_at, counter_id, recall_count, requester, request_id)
     VALUES (?, ?, 'A', 0, 'done', ?, ?, ?, ?, ?, 1, 0, 'kiosk', ?)`,
  );
  const open = o.leftOpen.flatMap(([status, n]) => Array<string>(n).fill(status));
  const every = Math.max(1, Math.floor(o.total / open.length));
  const start = Date.parse(`${o.today}T00:00:00.000Z`) - 365 * 86_400_000;
  const step = (365 * 86_400_000) / o.total;
  db.transaction(() => {
    for (let i = 0; i < o.total; i++) {
      const at = new Date(start + Math.floor(i * step)).toISOString();
      const day = at.slice(0, 10);
      const status = (i % every === 0 && open[i / every]) || 'closed';
      const referred = status === 'escalated' || status === 'reported';
      insert.run({
        reference: `K-${day.slice(0, 4)}-${String(i + 1).padStart(5, '0')}`,
        status,
        // In turns of seven, so that the cases left open (every n-th) fall to every owner too.
        owner: users[Math.floor(i / 7) % users.length]?.id,
        at,
        day,
        closedDay: status === 'closed' ? day : null,
        name: `Pengunjung Nomor ${i}`,
        org: `CV Penyedia Barang dan Jasa ${i % 300}`,
        phone: `0812-${String(i).padStart(8, '0')}`,
        email: `pengunjung${i}@penyedia.co.id`,
        title: 'Tidak bisa mengunggah dokumen penawaran pada paket tender',
        description: 'Berkas penawaran ditolak SPSE dengan pesan ukuran berkas melebihi batas. '.repeat(3),
        target: referred ? 'lkpp' : null,
        lpse: referred ? `LS-${i}` : '',
      });
    }
    for (let i = 1; i <= (o.ticketsToday ?? 0); i++) {
      const at = new Date(Date.parse(`${o.today}T01:00:00.000Z`) + i * 60_000).toISOString();
      ticket.run(o.today, `A-${String(i).padStart(3, '0')}`, at, at, at, at, at, `today-${i}`);
    }
  }).immediate();
}
