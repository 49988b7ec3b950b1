// Every row of the case table ("The case, step by step" in docs/product.md) refused for each role and each status
// it does not allow, through raw socket events, and each need of the table refused with its own code — every
// refusal leaving the case row and the event log exactly as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_RULES, type CaseAction } from '../../shared/domain/caseRules';
import { CASE_STATUSES, ROLES, type Case, type CaseStatus, type Role } from '../../shared/domain/types';
import type { ErrorCode, Reply } from '../../shared/protocol/errors';
import type { ClientEventName } from '../../shared/protocol/schemas';
import { caseOfNewVisit, intake, serveVisitor, stored } from '../helpers/cases';
import { connect, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, FLAT_OUT_LIMITS, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let kiosk: TestClient;
let staff: Record<Role, TestClient>;
let other: TestClient;
/** One case in each status, made once: refusals change nothing, so every check can reuse them. */
const inStatus = {} as Record<CaseStatus, Case>;

beforeAll(async () => {
  // Every action from every status, back to back from one officer's socket: faster than a person, so the
  // budgets are raised.
  hub = await startTestHub({ limits: FLAT_OUT_LIMITS });
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  staff = {
    helpdesk: await signIn(hub.url, 'hd1', 'sandi-hd1'),
    coordinator: await signIn(hub.url, 'koor', 'sandi-koor'),
    head: await signIn(hub.url, 'kepala', 'sandi-kepala'),
    admin: await signIn(hub.url, 'admin', ADMIN_PASSWORD),
  };
  other = await signIn(hub.url, 'hd2', 'sandi-hd2');
  const hd = staff.helpdesk;
  await hd.ok('counter:open', { counterId: 1 });
  const next = (c: Case, event: ClientEventName, extra: object) =>
    hd.ok(event as 'case:handle', { caseId: c.id, revision: c.revision, ...extra } as never);

  inStatus.open = await caseOfNewVisit(kiosk, hd, 1);
  inStatus.escalated = await next(await caseOfNewVisit(kiosk, hd, 1), 'case:escalate', { target: 'coordinator' });
  inStatus.reported = await next(await caseOfNewVisit(kiosk, hd, 1), 'case:report', { note: 'Belum bisa.' });
  inStatus.resolved = await next(await caseOfNewVisit(kiosk, hd, 1), 'case:resolve', { resolution: 'Selesai.' });
  inStatus.closed = await next(await next(await caseOfNewVisit(kiosk, hd, 1), 'case:resolve', { resolution: 'Selesai.' }), 'case:close', {
    channel: 'on_the_spot',
  });
});

afterAll(async () => {
  for (const c of [kiosk, other, ...Object.values(staff ?? {})]) c.close();
  await hub.dispose();
});

const hd2Id = () => (other.snapshots[0] as { me: { id: number } }).me.id;

/** A payload the action would accept on a case in an allowed status, by an allowed role. */
function payload(action: Exclude<CaseAction, 'open'>, c: Case): Record<string, unknown> {
  const ref = { caseId: c.id, revision: c.revision };
  const extra: Record<Exclude<CaseAction, 'open'>, Record<string, unknown>> = {
    intake: { intake: intake() },
    handle: { note: 'Dicoba ulang.' },
    escalate: { target: 'both', lpseSupportTicket: 'LS-9' },
    take: {},
    followup: { note: 'Ditindaklanjuti.' },
    report: { note: 'Belum selesai.' },
    recommend: { recommendation: 'Koordinasikan dengan LKPP.' },
    resolve: { resolution: 'Beres.' },
    close: { channel: 'on_the_spot' },
    reassign: { ownerId: hd2Id() },
  };
  return { ...ref, ...extra[action] };
}

/** Sends and checks the refusal code, and that the case row and the event log did not change. */
async function expectRefused(who: TestClient, event: ClientEventName, body: object, caseId: number, code: ErrorCode) {
  const before = stored(hub.db, caseId);
  const reply = (await who.request(event, body as never)) as Reply<unknown>;
  expect(reply, `${event} ${JSON.stringify(body)}`).toMatchObject({ ok: false, error: { code } });
  expect(stored(hub.db, caseId)).toEqual(before);
  return reply.ok ? '' : reply.error.message;
}

/** The case statuses as the staff app labels them, put mid-sentence. */
const STATUS_SHOWN: Record<(typeof CASE_STATUSES)[number], string> = {
  open: 'terbuka',
  escalated: 'dieskalasi',
  reported: 'dilaporkan ke Kepala Unit',
  resolved: 'selesai ditangani',
  closed: 'ditutup',
};

const ROWS = CASE_ACTIONS.filter((a): a is Exclude<CaseAction, 'open'> => a !== 'open');

describe('the case table, row by row', () => {
  it.each(ROWS)('%s: refused for every role the table does not name', async (action) => {
    const rule = CASE_RULES[action];
    const legal = inStatus[rule.from[0] as CaseStatus];
    const wrongRoles = ROLES.filter((r) => !rule.roles.includes(r));
    expect(wrongRoles.length).toBeGreaterThan(0);
    for (const role of wrongRoles) {
      await expectRefused(staff[role], `case:${action}`, payload(action, legal), legal.id, 'FORBIDDEN');
    }
    // Nor can the kiosk.
    await expectRefused(kiosk, `case:${action}`, payload(action, legal), legal.id, 'FORBIDDEN');
  });

  it.each(ROWS)('%s: refused from every status the table does not name, saying so in Indonesian', async (action) => {
    const rule = CASE_RULES[action];
    const who = staff[rule.roles[0] as Role];
    const wrongStatuses = CASE_STATUSES.filter((s) => !rule.from.includes(s));
    expect(wrongStatuses.length).toBeGreaterThan(0);
    for (const status of wrongStatuses) {
      const c = inStatus[status];
      const message = await expectRefused(who, `case:${action}`, payload(action, c), c.id, 'CASE_ILLEGAL');
      expect(message).toContain(c.reference);
      // The status in the words the staff app shows it with.
      expect(message).toContain(`berstatus "${STATUS_SHOWN[status]}"`);
    }
  });

  it('open: whoever serves at a counter opens the visit’s case with the start; the head keeps the intake of their own', async () => {
    // A coordinator and the head serving at a counter each get the visit's case, owned by them.
    const { coordinator, head, admin } = staff;
    await coordinator.ok('counter:open', { counterId: 2 });
    await head.ok('counter:open', { counterId: 3 });
    const atCoordinator = await serveVisitor(kiosk, coordinator, 2);
    const atHead = await serveVisitor(kiosk, head, 3);
    expect(atCoordinator.case).toMatchObject({ status: 'open', ownerName: 'Koordinator Helpdesk', ticketId: atCoordinator.ticket.id });
    expect(atHead.case).toMatchObject({ status: 'open', ownerName: 'Kepala Unit', ticketId: atHead.ticket.id });
    const saved = await head.ok('case:intake', { caseId: atHead.case.id, revision: atHead.case.revision, intake: intake() });
    expect(saved.intake?.visitorName).toBe('Budi Santoso');
    // Not the intake of a case someone else opened.
    const c = inStatus.open;
    await expectRefused(head, 'case:intake', { caseId: c.id, revision: c.revision, intake: intake() }, c.id, 'FORBIDDEN');
    for (const [who, counterId, ticketId] of [
      [coordinator, 2, atCoordinator.ticket.id],
      [head, 3, atHead.ticket.id],
    ] as const) {
      await who.ok('ticket:finish', { counterId, ticketId });
      await who.ok('counter:close', { counterId });
    }

    // An admin holds no counter; a visit that is over or a ticket never called starts nothing.
    const count = (query: string) => (hub.db.prepare(query).get() as { n: number }).n;
    const caseRecords = () => [
      count('SELECT count(*) AS n FROM cases'),
      count('SELECT count(*) AS n FROM case_tickets'),
      count(`SELECT count(*) AS n FROM events WHERE case_id IS NOT NULL OR type LIKE 'case.%'`),
    ];
    const before = caseRecords();
    const hd = staff.helpdesk;
    const { ticket: waiting } = await kiosk.ok('ticket:issue', { requestId: `rules-${Date.now()}`, serviceCode: 'B' });
    expect(await admin.request('ticket:start', { counterId: 1, ticketId: waiting.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    for (const ticketId of [atCoordinator.ticket.id, waiting.id]) {
      expect(await hd.request('ticket:start', { counterId: 1, ticketId })).toMatchObject({
        ok: false,
        error: { code: 'TICKET_NOT_AT_COUNTER' },
      });
    }
    expect(await other.request('ticket:start', { counterId: 1, ticketId: waiting.id })).toMatchObject({
      ok: false,
      error: { code: 'COUNTER_NOT_YOURS' },
    });
    expect(caseRecords()).toEqual(before);
  });
});

describe('what each row needs', () => {
  it('intake: name, visitor type, category and title, named in the refusal', async () => {
    const c = inStatus.open;
    const message = await expectRefused(
      staff.helpdesk,
      'case:intake',
      { caseId: c.id, revision: c.revision, intake: intake({ visitorName: '  ', visitorType: '', category: '', title: '' }) },
      c.id,
      'CASE_INTAKE_INCOMPLETE',
    );
    expect(message).toBe('Data kasus belum lengkap: nama pengunjung, jenis pengguna, kategori, judul.');
  });

  it('escalate to LKPP: the LPSE Support number, unless the case already has one', async () => {
    const c = inStatus.open;
    for (const target of ['lkpp', 'both'] as const) {
      await expectRefused(staff.helpdesk, 'case:escalate', { caseId: c.id, revision: c.revision, target }, c.id, 'CASE_LPSE_TICKET_REQUIRED');
    }
    const fresh = await caseOfNewVisit(kiosk, staff.helpdesk, 1, { lpseTicket: 'LS-BAWAAN-1' });
    const escalated = await staff.helpdesk.ok('case:escalate', { caseId: fresh.id, revision: fresh.revision, target: 'lkpp' });
    expect(escalated.lpseSupportTicket).toBe('LS-BAWAAN-1');
  });

  it('close by phone or e-mail: the contact in the intake', async () => {
    const noContact = await caseOfNewVisit(kiosk, staff.helpdesk, 1, { visitorPhone: '', visitorEmail: '' });
    const c = await staff.helpdesk.ok('case:resolve', { caseId: noContact.id, revision: noContact.revision, resolution: 'Selesai.' });
    const phone = await expectRefused(staff.helpdesk, 'case:close', { caseId: c.id, revision: c.revision, channel: 'phone' }, c.id, 'CASE_CONTACT_MISSING');
    expect(phone).toContain('nomor telepon');
    const email = await expectRefused(staff.coordinator, 'case:close', { caseId: c.id, revision: c.revision, channel: 'email' }, c.id, 'CASE_CONTACT_MISSING');
    expect(email).toContain('alamat e-mail');
    expect((await staff.helpdesk.ok('case:close', { caseId: c.id, revision: c.revision, channel: 'on_the_spot' })).status).toBe('closed');
  });

  it('notes, results and recommendations may not be empty', async () => {
    const c = inStatus.reported;
    for (const [event, field] of [
      ['case:followup', 'note'],
      ['case:resolve', 'resolution'],
      ['case:recommend', 'recommendation'],
    ] as const) {
      const who = event === 'case:recommend' ? staff.head : staff.helpdesk;
      await expectRefused(who, event, { caseId: c.id, revision: c.revision, [field]: '   ' }, c.id, 'VALIDATION_FAILED');
    }
  });

  it('reassign: an active officer or coordinator; an unknown case is not found', async () => {
    const c = inStatus.escalated;
    const headId = (staff.head.snapshots[0] as { me: { id: number } }).me.id;
    for (const ownerId of [headId, 9999]) {
      await expectRefused(staff.coordinator, 'case:reassign', { caseId: c.id, revision: c.revision, ownerId }, c.id, 'CASE_OWNER_INVALID');
    }
    await expectRefused(staff.helpdesk, 'case:handle', { caseId: 9999, revision: 1, note: 'x' }, c.id, 'CASE_NOT_FOUND');
    expect(await staff.admin.request('case:get', { caseId: 9999 })).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } });
  });
});
