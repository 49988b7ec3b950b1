// The survey tablet (hub/audiences/survey.ts) against a real database: one room per counter, showing the visit
// its counter finished last while it has no answer, and nothing of another counter's visits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurveyPatch, SurveySnapshot } from '../../shared/protocol/events';
import type { Audiences } from '../../hub/audiences/index';
import type { Change, Session } from '../../hub/context';
import { markSurveyed } from '../../hub/db/index';
import type { Ticket } from '../../shared/domain/types';
import { openOffice, type TestOffice } from '../helpers/office';

let office: TestOffice;
let audiences: Audiences;
const tabletPatches = (change: Change) => audiences.patches(change).filter(({ patch }) => patch.audience === 'survey') as { room: string; patch: SurveyPatch }[];

beforeEach(() => {
  office = openOffice();
  audiences = office.audiences();
});
afterEach(() => office.close());

/** A visit served to its end at a counter. */
function served(counterId: number, serviceCode = 'A'): Ticket {
  const { ticket } = office.call(office.issue(serviceCode), counterId);
  return office.act(office.act(ticket, { type: 'start' }), { type: 'finish' });
}

describe('the survey tablet', () => {
  it("listens in its counter's room and sees the visit its counter just finished", () => {
    const tablet: Session = { kind: 'survey', device: office.tablet(2) };
    expect(audiences.roomOf(tablet)).toEqual({ kind: 'survey', counterId: 2 });
    expect(audiences.join(tablet)).toEqual(['survey:2']);
    expect((audiences.snapshot(tablet) as SurveySnapshot).tablet).toEqual({ counterName: 'Loket 2', counterNumber: 2, surveyEnabled: true, visit: null });
    const visit = served(2, 'B');
    audiences.changed();
    expect((audiences.snapshot(tablet) as SurveySnapshot).tablet.visit).toEqual({ ticketNumber: visit.number, serviceName: 'Permintaan Informasi / Konsultasi', serviceNameEn: '' });
  });

  it("is sent its counter's finished visits only, and rests once the visit is answered", () => {
    const [mine] = audiences.join({ kind: 'survey', device: office.tablet(1) });
    const [theirs] = audiences.join({ kind: 'survey', device: office.tablet(2) });
    const visit = served(1);
    const sent = tabletPatches({ ticketIds: [visit.id], counterIds: [1] });
    // The other counter's tablet had nothing to show, and a first patch carries that.
    expect(sent.find((p) => p.room === mine)?.patch).toMatchObject({ rev: 1, tablet: { counterName: 'Loket 1', visit: { ticketNumber: 'A-001' } } });
    expect(sent.find((p) => p.room === theirs)?.patch).toMatchObject({ rev: 1, tablet: { counterName: 'Loket 2', visit: null } });
    // A visit at counter 2 changes its tablet only.
    const next = served(2);
    expect(tabletPatches({ ticketIds: [next.id], counterIds: [2] }).map((p) => [p.room, p.patch.tablet.visit?.ticketNumber])).toEqual([[theirs, 'A-002']]);
    markSurveyed(office.db, visit.id);
    expect(tabletPatches({ personal: true }).map((p) => [p.room, p.patch.rev, p.patch.tablet.visit])).toEqual([[mine, 2, null]]);
  });
});
