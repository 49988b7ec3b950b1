// Each event is declared once, by its handler: the registry refuses a second handler for an event, or none,
// when the hub is loaded, and the dispatcher's lists (and what docs/protocol.md says of them) come from the
// declarations.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HandlerGroup } from '../../hub/context';
import { HANDLERS, READ_ONLY, registerHandlers, RETRY_GETS_FIRST_REPLY, WHILE_PASSWORD_TEMPORARY } from '../../hub/handlers/registry';
import { clientEventSchemas } from '../../shared/protocol/schemas';

const PROTOCOL = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');

/** The event names written in code spans in a piece of the protocol document, sorted. */
function eventsNamed(text: string): string[] {
  return [...text.matchAll(/`([a-z]+:[A-Za-z]+)`/g)].map((m) => m[1] as string).sort();
}

/** The handlers of every event but one, in one group. */
function allBut(left: string): HandlerGroup {
  return Object.fromEntries(Object.entries(HANDLERS).filter(([event]) => event !== left));
}

describe('registering the handlers', () => {
  it('stops the hub from starting when two handlers are registered for one event', () => {
    // Two groups both answering `case:get`: with the handlers spread into one object the second silently won.
    const again: HandlerGroup = { 'case:get': HANDLERS['case:search'] as never };
    expect(() => registerHandlers([HANDLERS, again])).toThrow('Two handlers are registered for "case:get"');
  });

  it('stops the hub from starting when an event has no handler', () => {
    expect(() => registerHandlers([allBut('ticket:recall')])).toThrow('No handler is registered for "ticket:recall"');
  });

  it('stops the hub from starting when a handler names an event the protocol does not have', () => {
    const unknown = { 'ticket:delete': HANDLERS['ticket:cancel'] } as HandlerGroup;
    expect(() => registerHandlers([HANDLERS, unknown])).toThrow('"ticket:delete", which is no client event');
  });

  it('holds one handler for each client event', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(clientEventSchemas).sort());
    expect(() => registerHandlers([HANDLERS])).not.toThrow();
  });
});

describe('the lists derived from the declarations', () => {
  it('follow a declaration changed: a handler that stops declaring it leaves the list', () => {
    const { reads: _reads, ...asChange } = HANDLERS['case:search'];
    const changed = registerHandlers([allBut('case:search'), { 'case:search': asChange as never }]);
    expect(changed.readOnly.has('case:search')).toBe(false);
    expect([...changed.readOnly].sort()).toEqual([...READ_ONLY].filter((e) => e !== 'case:search').sort());
  });

  it('are what docs/protocol.md names: the read-only events, and what a temporary password may still send', () => {
    const readOnly = PROTOCOL.match(/Events that only read \(([^)]*)\)/)?.[1] ?? '';
    expect(eventsNamed(readOnly)).toEqual([...READ_ONLY].sort());
    const temporary = PROTOCOL.match(/temporary password \| `password` \| nothing but ([^|]*)\|/)?.[1] ?? '';
    expect(eventsNamed(temporary)).toEqual([...WHILE_PASSWORD_TEMPORARY].sort());
  });

  it('name as replaying a retry exactly the events whose payload carries a request id', () => {
    const withRequestId = Object.entries(clientEventSchemas)
      .filter(([, schema]) => 'shape' in schema && 'requestId' in schema.shape)
      .map(([event]) => event)
      .sort();
    expect([...RETRY_GETS_FIRST_REPLY].sort()).toEqual(withRequestId);
  });
});
