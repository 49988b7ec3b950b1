// Domain objects for unit tests: a plain, valid value that each test changes only where it matters.
import { issuedTicket } from '../../shared/domain/ticketRules';
import type { Ticket } from '../../shared/domain/types';

/** Ticket A-001, waiting since 08:00 WIB on 24 November 2026, taken at kiosk 1. */
export function ticketFixture(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 1,
    ...issuedTicket({ officeDay: '2026-11-24', number: 'A-001', serviceCode: 'A', priority: false, issuedAt: '2026-11-24T01:00:00.000Z', deviceId: 1 }),
    ...overrides,
  };
}
