// The dispatch policy as a pure function: what the hub answers to an event before any transaction, in the
// order a sender meets the checks, and the validated call it makes of the rest.
import { expect, it } from 'vitest';
import type { StaffUser } from '../../shared/domain/types';
import { clientEventSchemas, type ClientEventName } from '../../shared/protocol/schemas';
import type { HandlerContext, HandlerMap, Session, Who } from '../../hub/context';
import { dispatch, MAX_PAYLOAD_BYTES, type DispatchPolicy, type Incoming } from '../../hub/core/dispatch';

/** Who may send what, as the hub's handlers say; each handler gives back the payload it was called with. */
const WHO: Partial<Record<ClientEventName, Who[]>> = {
  'auth:login': ['anyone'],
  'auth:changePassword': ['anyone'],
  'sync:snapshot': ['anyone'],
  'ticket:issue': ['kiosk', 'helpdesk'],
  'admin:userCreate': ['admin'],
};
/** The events that only read, as their handlers declare it. */
const READS: ReadonlySet<string> = new Set(['sync:snapshot']);
const handlers = Object.fromEntries(
  Object.keys(clientEventSchemas).map((event) => [
    event,
    { who: WHO[event as ClientEventName] ?? ['admin'], reads: READS.has(event), run: (_ctx: unknown, payload: unknown) => ({ reply: payload }) },
  ]),
) as unknown as HandlerMap;
const policy: DispatchPolicy = { handlers, whilePasswordTemporary: new Set(['auth:changePassword', 'sync:snapshot']) };

const user = (role: StaffUser['role']): StaffUser => ({ id: 7, username: 'u', name: 'Petugas', role });
const staff = (role: StaffUser['role'], passwordChangeRequired = false): Session => ({ kind: 'staff', user: user(role), tokenHash: 'h', passwordChangeRequired });
const KIOSK: Session = { kind: 'kiosk', device: { id: 1, name: 'Kiosk', kind: 'kiosk', printer: null, counterId: null, active: true, lastSeenAt: null } };
const DISPLAY: Session = { kind: 'display', device: null };
const ISSUE = { requestId: 'req-12345678', serviceCode: 'A' };

const decide = (session: Session, event: string, payloads: unknown[] = [{}], more: Partial<Incoming> = {}) =>
  dispatch(policy, { session, lang: 'id', event, payloads, signedIn: () => true, ...more });
const signedOut = { signedIn: () => false };
const unasked = {
  signedIn: (): boolean => {
    throw new Error('the session was read before the commit');
  },
};
const code = (verdict: ReturnType<typeof decide>) => ('refusal' in verdict ? verdict.code : 'call');

it('answers an unknown event first, whoever sends it, naming it (clipped)', () => {
  const verdict = decide(staff('admin'), `x:${'y'.repeat(100)}`, [{}], signedOut);
  expect(verdict).toMatchObject({ code: 'UNKNOWN_EVENT', disconnect: false, refusal: { ok: false, error: { params: { event: `x:${'y'.repeat(38)}` } } } });
  expect('refusal' in verdict && verdict.refusal.ok === false && verdict.refusal.error.message).toMatch(/tidak dikenal/);
});

it('refuses a payload past the limit, or one that cannot be measured, before looking at the sender', () => {
  expect(code(decide(DISPLAY, 'ticket:issue', [{ text: 'x'.repeat(MAX_PAYLOAD_BYTES) }]))).toBe('PAYLOAD_TOO_LARGE');
  expect(code(decide(DISPLAY, 'ticket:issue', [{ n: 1n }]))).toBe('PAYLOAD_TOO_LARGE');
});

it('ends a staff session no longer stored at a read or a refusal, and says so in the sender’s language', () => {
  const verdict = dispatch(policy, { session: staff('helpdesk'), lang: 'en', event: 'sync:snapshot', payloads: [{}], ...signedOut });
  expect(verdict).toMatchObject({ code: 'SESSION_EXPIRED', disconnect: true, refusal: { error: { message: 'Your session has ended. Please sign in again.' } } });
  // Before any other refusal: an ended session is told it ended, not what it may not do.
  expect(code(decide(staff('helpdesk'), 'admin:userCreate', [{}], signedOut))).toBe('SESSION_EXPIRED');
  expect(code(decide(staff('helpdesk'), 'ticket:issue', [{ requestId: 1 }], signedOut))).toBe('SESSION_EXPIRED');
  // For anyone else it is never asked.
  expect(code(decide(KIOSK, 'ticket:issue', [ISSUE], unasked))).toBe('call');
});

it('leaves a staff write’s session to its commit, which reads it again in its transaction', () => {
  expect(code(decide(staff('helpdesk'), 'ticket:issue', [ISSUE], unasked))).toBe('call');
});

it('lets a temporary password only be replaced (or the snapshot read)', () => {
  expect(code(decide(staff('admin', true), 'admin:userCreate'))).toBe('PASSWORD_CHANGE_REQUIRED');
  expect(code(decide(staff('admin', true), 'auth:changePassword', [{ next: 'sandi-baru-panjang' }]))).toBe('call');
  expect(code(decide(staff('admin', true), 'sync:snapshot'))).toBe('call');
});

it('refuses by who: a keyless display must sign in, another role may not', () => {
  expect(code(decide(DISPLAY, 'ticket:issue', [ISSUE]))).toBe('NOT_AUTHENTICATED');
  expect(code(decide(KIOSK, 'admin:userCreate'))).toBe('FORBIDDEN');
  expect(code(decide(staff('helpdesk'), 'admin:userCreate'))).toBe('FORBIDDEN');
  expect(code(decide(DISPLAY, 'sync:snapshot'))).toBe('call');
});

it('validates only for a sender who may send the event: a stranger learns nothing of its shape', () => {
  expect(code(decide(KIOSK, 'admin:userCreate', [{ nonsense: true }]))).toBe('FORBIDDEN');
  const verdict = decide(KIOSK, 'ticket:issue', [{ requestId: 'short', serviceCode: 'A' }]);
  expect(verdict).toMatchObject({ code: 'VALIDATION_FAILED', disconnect: false });
  // A payload is one value: two are no payload of any event.
  expect(code(decide(KIOSK, 'ticket:issue', [ISSUE, ISSUE]))).toBe('VALIDATION_FAILED');
});

it('makes a valid event a call of its handler with the parsed payload', () => {
  const verdict = decide(KIOSK, 'ticket:issue', [ISSUE]);
  if ('refusal' in verdict) throw new Error(`refused: ${verdict.code}`);
  expect(verdict.event).toBe('ticket:issue');
  expect(verdict.step({} as HandlerContext)).toEqual({ reply: ISSUE });
});
