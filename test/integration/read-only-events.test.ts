// A handler declared read-only (`reads: true`) cannot write. Its type gives it a read handle, without the
// write functions of hub/db, `exec`, `pragma` or a statement's `run`: each `@ts-expect-error` below fails
// `tsc -b` the day one of them type-checks. What a type cannot see (rows read from an `UPDATE … RETURNING`, or
// the connection behind the handle) is stopped at run time: a read-only event's transaction is `query_only`.
// Each attempt is played as `sync:snapshot`'s handler against a real hub: refused, nothing changed, and the
// hub, which must not take the refusal for a failing disk, goes on writing.
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { Handler } from '../../hub/context';
import { saveOffice, type Db } from '../../hub/db/index';
import { sql } from '../../hub/db/statements';
import { HANDLERS } from '../../hub/handlers/registry';
import { connect, requestId, type TestClient } from '../helpers/clients';
import { KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let kiosk: TestClient;
let display: TestClient;

beforeAll(async () => {
  hub = await startTestHub();
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  display = await connect(hub.url);
  await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  kiosk?.close();
  display?.close();
  await hub?.dispose();
});

/** What a write could have changed, as stored. */
function stored(): string {
  const tables = ['tickets', 'settings', 'devices', 'events'];
  return JSON.stringify([...tables.map((t) => hub.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()), hub.db.pragma('user_version')]);
}

/** The `run` of a handler declared read-only, as `sync:snapshot`'s is. */
type ReadOnlyRun = Extract<Handler<'sync:snapshot'>, { reads: true }>['run'];

const OFFICE = { name: 'Kantor Palsu', address: '' };
/** A change that would succeed on a connection that may write: every ticket's priority turned over. */
const TURN_PRIORITY = 'UPDATE tickets SET priority = 1 - priority';

const ATTEMPTS: Record<string, ReadOnlyRun> = {
  'a write function of hub/db': (ctx) => {
    // @ts-expect-error: a read-only handler's connection is a ReadDb, and saveOffice takes a Db
    saveOffice(ctx.db, OFFICE);
    return { reply: ctx.snapshot() };
  },
  "a write function given the hub's connection from deps": (ctx) => {
    // @ts-expect-error: deps hold the connection as a read handle too
    saveOffice(ctx.deps.db, OFFICE);
    return { reply: ctx.snapshot() };
  },
  "a statement's run": (ctx) => {
    // @ts-expect-error: a read handle's statements have no run
    sql(ctx.db, TURN_PRIORITY).run();
    return { reply: ctx.snapshot() };
  },
  exec: (ctx) => {
    // @ts-expect-error: a read handle has no exec
    ctx.db.exec(TURN_PRIORITY);
    return { reply: ctx.snapshot() };
  },
  'a pragma': (ctx) => {
    // @ts-expect-error: a read handle has no pragma
    ctx.db.pragma('user_version = 99');
    return { reply: ctx.snapshot() };
  },
  // These type-check: only `query_only` stops them.
  'rows read from an UPDATE … RETURNING': (ctx) => {
    sql(ctx.db, `${TURN_PRIORITY} RETURNING id`).all();
    return { reply: ctx.snapshot() };
  },
  'the connection behind the handle': (ctx) => {
    (ctx.db as Db).exec(TURN_PRIORITY);
    return { reply: ctx.snapshot() };
  },
};

it.each(Object.entries(ATTEMPTS))('a read-only event that tries %s is refused, changes nothing, and the hub writes on', async (how, attempt) => {
  const before = stored();
  const logged = hub.logs.length;
  vi.spyOn(HANDLERS['sync:snapshot'], 'run').mockImplementation(attempt as never);
  const reply = await display.request('sync:snapshot', {});
  expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  expect(hub.logs.slice(logged).some((l) => l.startsWith('error in sync:snapshot') && l.includes('readonly'))).toBe(true);
  expect(stored(), how).toBe(before);

  vi.restoreAllMocks();
  // A handler's write refused is not a failing disk: reads and writes go on, with writing switched back on.
  expect((await display.ok('sync:snapshot', {})).audience).toBe('display');
  const issued = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  expect(hub.db.prepare('SELECT count(*) AS n FROM tickets WHERE id = ?').get(issued.ticket.id)).toEqual({ n: 1 });
});
