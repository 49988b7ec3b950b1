// The visitor app's pure parts: which page an address is, and when a ticket's new view must alert the phone.
import { describe, expect, it } from 'vitest';
import type { VisitorView } from '../../shared/protocol/events';
import { isNewCall } from '../../visitor/src/store';
import { readPage } from '../../visitor/src/wiring';

const view = (over: Partial<VisitorView>): VisitorView => ({
  officeDay: '2026-11-24',
  number: 'A-002',
  serviceCode: 'A',
  serviceName: 'Gangguan / Permasalahan',
  serviceNameEn: '',
  status: 'waiting',
  ahead: 1,
  etaMinutes: 5,
  counter: null,
  recallCount: 0,
  transferred: false,
  surveyOpen: false,
  surveyed: false,
  ...over,
});

describe('readPage', () => {
  it("reads the ticket's code from /v/<code> and a tablet's key from /survey?key=…", () => {
    expect(readPage({ pathname: '/v/q7Xw2mZ0c4Lr9TbV1yHs8A', search: '' })).toEqual({ mode: 'visitor', auth: { visitorCode: 'q7Xw2mZ0c4Lr9TbV1yHs8A' } });
    expect(readPage({ pathname: '/survey/', search: '?key=abc' })).toEqual({ mode: 'tablet', auth: { deviceKey: 'abc' } });
    expect(readPage({ pathname: '/v/', search: '' })).toEqual({ mode: 'visitor', auth: null });
    expect(readPage({ pathname: '/survey/', search: '' })).toEqual({ mode: 'tablet', auth: null });
  });
});

describe('isNewCall', () => {
  const called = view({ status: 'called', counter: { name: 'Loket 2', number: 2 } });
  it('alerts when the ticket becomes called, and again on each recall', () => {
    expect(isNewCall(view({}), called)).toBe(true);
    expect(isNewCall(null, called)).toBe(true);
    expect(isNewCall(called, { ...called, recallCount: 1 })).toBe(true);
  });
  it('stays quiet for anything else: the same call seen again, waiting, serving', () => {
    expect(isNewCall(called, { ...called })).toBe(false);
    expect(isNewCall(view({}), view({ ahead: 0 }))).toBe(false);
    expect(isNewCall(called, view({ status: 'serving' }))).toBe(false);
  });
});
