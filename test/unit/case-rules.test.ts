import { describe, expect, it } from 'vitest';
import {
  CASE_RULES,
  caseMayDo,
  caseStatusAfter,
  closeContactMissing,
  EMPTY_INTAKE,
  formatCaseReference,
  mayEditIntake,
  missingIntakeFields,
  needsLpseSupportTicket,
} from '../../shared/domain/caseRules';

describe('CASE_RULES', () => {
  it('is the table "The case, step by step" of docs/product.md', () => {
    // action: [who may, from status, to status (null = same), SOP step]
    expect(
      Object.fromEntries(Object.entries(CASE_RULES).map(([a, r]) => [a, [[...r.roles], [...r.from], r.to, r.sopStep]])),
    ).toEqual({
      // Whoever serves at a counter; the head keeps only the intake of a case opened at their counter.
      open: [['helpdesk', 'coordinator', 'head'], [], 'open', 3],
      intake: [['helpdesk', 'coordinator', 'head'], ['open', 'escalated'], null, 3],
      handle: [['helpdesk', 'coordinator', 'head'], ['open'], null, 4],
      escalate: [['helpdesk', 'coordinator'], ['open', 'escalated'], 'escalated', 5],
      take: [['coordinator'], ['escalated'], null, 5],
      followup: [['helpdesk', 'coordinator'], ['open', 'escalated', 'reported'], null, 6],
      report: [['helpdesk', 'coordinator'], ['open', 'escalated'], 'reported', 7],
      recommend: [['head', 'admin'], ['reported'], null, 8],
      resolve: [['helpdesk', 'coordinator'], ['open', 'escalated', 'reported'], 'resolved', 6],
      close: [['helpdesk', 'coordinator'], ['resolved'], 'closed', 9],
      reassign: [['coordinator', 'head', 'admin'], ['open', 'escalated', 'reported', 'resolved'], null, null],
    });
  });

  it('lets the head edit the intake only of a case they opened', () => {
    const head = { id: 7, role: 'head' as const };
    expect(mayEditIntake(head, { status: 'open', openedById: 7 })).toBe(true);
    expect(mayEditIntake(head, { status: 'open', openedById: 3 })).toBe(false);
    expect(mayEditIntake({ id: 3, role: 'helpdesk' }, { status: 'open', openedById: 7 })).toBe(true);
    expect(mayEditIntake({ id: 3, role: 'helpdesk' }, { status: 'withdrawn', openedById: 3 })).toBe(false);
  });

  it('answers who may do what, and where it leads', () => {
    expect(caseMayDo('coordinator', 'escalated', 'take')).toBe(true);
    expect(caseMayDo('helpdesk', 'escalated', 'take')).toBe(false);
    expect(caseMayDo('coordinator', 'open', 'take')).toBe(false);
    expect(caseStatusAfter('reported', 'followup')).toBe('reported');
    expect(caseStatusAfter('reported', 'resolve')).toBe('resolved');
  });
});

describe('what the actions need', () => {
  it('names the empty required intake fields, blanks counting as empty', () => {
    expect(missingIntakeFields(EMPTY_INTAKE)).toEqual(['visitorName', 'visitorType', 'category', 'title']);
    expect(
      missingIntakeFields({ ...EMPTY_INTAKE, visitorName: 'Budi', visitorType: 'ppk', category: 'gangguan', title: '  ' }),
    ).toEqual(['title']);
  });

  it('wants an LPSE Support number only when LKPP is a target', () => {
    expect([needsLpseSupportTicket('coordinator'), needsLpseSupportTicket('lkpp'), needsLpseSupportTicket('both')]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('closes by phone or e-mail only with that contact recorded', () => {
    const phoneOnly = { ...EMPTY_INTAKE, visitorPhone: '0812' };
    expect(closeContactMissing(phoneOnly, 'phone')).toBe(false);
    expect(closeContactMissing(phoneOnly, 'email')).toBe(true);
    expect(closeContactMissing(null, 'phone')).toBe(true);
    expect(closeContactMissing(null, 'on_the_spot')).toBe(false);
  });

  it('formats the reference the visitor takes home', () => {
    expect(formatCaseReference(2026, 42)).toBe('K-2026-00042');
  });
});
