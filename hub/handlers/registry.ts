// Every event's handler, registered once, and the dispatcher's lists derived from what each handler declares
// (handlers/*: `who`, `reads`, `whilePasswordTemporary`, `retryGetsFirstReply`). Built when the hub is
// loaded: an event with two handlers, or with none, stops the hub before it starts.
import { clientEventSchemas, type ClientEventName } from '../../shared/protocol/schemas';
import type { Declaration, HandlerGroup, HandlerMap } from '../context';
import { adminBackupHandlers } from './admin/backups';
import { adminCounterHandlers } from './admin/counters';
import { adminDeviceHandlers } from './admin/devices';
import { adminServiceHandlers } from './admin/services';
import { adminStaffHandlers } from './admin/staff';
import { authHandlers } from './auth';
import { caseHandlers } from './cases';
import { counterHandlers } from './counters';
import { printingHandlers } from './printing';
import { reportHandlers } from './reports';
import { settingsHandlers } from './settings';
import { surveyHandlers } from './survey';
import { syncHandlers } from './sync';
import { ticketHandlers } from './tickets';

export interface Registry {
  handlers: HandlerMap;
  /** Events that only read: they run in a read transaction, never taking the write lock, `query_only`. */
  readOnly: ReadonlySet<ClientEventName>;
  /** What a session with a temporary password may still do: set its own, or leave. */
  whilePasswordTemporary: ReadonlySet<ClientEventName>;
  /** Events whose retry (the same request id and payload) is answered with the first reply. */
  retryGetsFirstReply: ReadonlySet<ClientEventName>;
}

/** The registry of these groups, which must hold exactly one handler for each of `events`. */
export function registerHandlers(groups: readonly HandlerGroup[], events: readonly string[] = Object.keys(clientEventSchemas)): Registry {
  const known = new Set(events);
  const handlers = new Map<string, Declaration>();
  for (const group of groups) {
    for (const [event, handler] of Object.entries(group) as [string, Declaration][]) {
      if (!known.has(event)) throw new Error(`A handler is registered for "${event}", which is no client event (shared/protocol/schemas.ts).`);
      if (handlers.has(event)) throw new Error(`Two handlers are registered for "${event}": one event has one handler.`);
      handlers.set(event, handler);
    }
  }
  const missing = events.filter((event) => !handlers.has(event));
  if (missing.length) throw new Error(`No handler is registered for ${missing.map((e) => `"${e}"`).join(', ')}.`);
  const declaring = (fact: (handler: Declaration) => boolean | undefined) =>
    new Set([...handlers].flatMap(([event, handler]) => (fact(handler) ? [event as ClientEventName] : [])));
  return {
    handlers: Object.fromEntries(handlers) as HandlerMap,
    readOnly: declaring((h) => h.reads),
    whilePasswordTemporary: declaring((h) => h.whilePasswordTemporary),
    retryGetsFirstReply: declaring((h) => h.retryGetsFirstReply),
  };
}

export const {
  handlers: HANDLERS,
  readOnly: READ_ONLY,
  whilePasswordTemporary: WHILE_PASSWORD_TEMPORARY,
  retryGetsFirstReply: RETRY_GETS_FIRST_REPLY,
} = registerHandlers([
  authHandlers,
  syncHandlers,
  ticketHandlers,
  counterHandlers,
  settingsHandlers,
  caseHandlers,
  printingHandlers,
  adminServiceHandlers,
  adminCounterHandlers,
  adminStaffHandlers,
  adminDeviceHandlers,
  adminBackupHandlers,
  surveyHandlers,
  reportHandlers,
]);
