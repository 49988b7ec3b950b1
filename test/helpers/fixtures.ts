// Domain objects for unit tests: a plain, valid value that each test changes only where it matters.
import type { Ticket } from '../../shared/domain/types';

/** Ticket A-001, waiting since 08:00 WIB on 24 November 2026, taken at kiosk 1. */
export function ticketFixture(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 1,
    officeDay: '2026-11-24',
    number: 'A-001',
    serviceCode: 'A',
    priority: false,
    status: 'waiting',
    issuedAt: '2026-11-24T01:00:00.000Z',
    queuedAt: '2026-11-24T01:00:00.000Z',
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counterId: null,
    targetCounterId: null,
    recallCount: 0,
    deviceId: 1,
    transferredFrom: null,
    ...overrides,
  };
}
