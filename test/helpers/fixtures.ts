// Domain objects for tests: a plain, valid value that each test changes only where it matters, and repeatable randomness.
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

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
export function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
