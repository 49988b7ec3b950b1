// The commit queue on its own, without a socket: a real SQLite file, steps that write real rows, and the
// answers recorded as they come. What is acknowledged is stored, what is refused left nothing, and a full
// disk mid-batch acknowledges nothing of the batch. The process killed between two savepoints:
// test/system/commit-crash.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DomainError, type Reply } from '../../shared/protocol/errors';
import type { ClientEventName } from '../../shared/protocol/schemas';
import type { Change, Session } from '../../hub/context';
import { CommitQueue, type CommitEffects, type QueuedStep } from '../../hub/core/commitQueue';
import { insertDevice, insertSession, insertUser, openDatabase, revokeDevice, setUserActive, setUserPassword, type Db } from '../../hub/db/index';
import { hashToken } from '../../hub/passwords';
import { Storage } from '../../hub/storage';

interface Ctx {
  db: Db;
  effects: CommitEffects;
}

const NOW = new Date('2026-11-24T01:00:00.000Z');
const DISPLAY: Session = { kind: 'display', device: null };
const WRITES = 'ticket:issue' as const;
const READS = 'case:search' as const;

let dir: string;
let storage: Storage;
/** A second connection to the same file: what it sees is committed. */
let outside: Database.Database;
/** What happened, in order: steps run, answers given, effects, publishes, deferred I/O. */
let journal: string[];
let published: Change[][];
let logs: string[];
let queue: CommitQueue<Ctx>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'antrian-queue-'));
  const file = join(dir, 'antrian.sqlite');
  storage = new Storage(openDatabase(file).db, { probeMs: 3_600_000, log: (l) => logs.push(l) });
  storage.db.exec('CREATE TABLE marks (name TEXT PRIMARY KEY, payload BLOB)');
  outside = new Database(file, { readonly: true });
  journal = [];
  published = [];
  logs = [];
  queue = new CommitQueue<Ctx>(
    {
      get db() {
        return storage.db;
      },
      storage,
      clock: () => NOW,
      log: (l) => logs.push(l),
    },
    { readOnly: new Set<ClientEventName>([READS]), whilePasswordTemporary: new Set<ClientEventName>(['auth:changePassword']) },
    { written: () => journal.push('written'), publish: (changes) => (journal.push('publish'), published.push([...changes])) },
  );
});
afterEach(() => {
  outside.close();
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const committed = () => (outside.prepare('SELECT name FROM marks ORDER BY name').pluck().all() as string[]);
const stored = () => (storage.db.prepare('SELECT name FROM marks ORDER BY name').pluck().all() as string[]);

/** A step that stores a mark named `name` (with `bytes` of payload), then does `then`. */
function mark(name: string, then: (ctx: Ctx) => void = () => undefined, bytes = 0): QueuedStep<Ctx> {
  return (ctx) => {
    journal.push(`step ${name}`);
    ctx.db.prepare('INSERT INTO marks (name, payload) VALUES (?, ?)').run(name, Buffer.alloc(bytes));
    then(ctx);
    return { reply: name, change: { ticketIds: [name.charCodeAt(0)] } };
  };
}

/** Queues a step as `session` would send `event`; resolves with its answer, recording what was committed by then. */
function ask(name: string, step: QueuedStep<Ctx>, session: Session = DISPLAY, event: ClientEventName = WRITES): Promise<Reply<unknown>> {
  return new Promise((resolve) => {
    queue.submit({
      event,
      session,
      deviceKeyHash: session.kind === 'kiosk' ? hashToken(`key-${session.device.id}`) : null,
      lang: 'id',
      step,
      answer: (reply) => {
        journal.push(`answer ${name}: ${reply.ok ? 'ok' : reply.error.code} (committed: ${committed().join(',')})`);
        resolve(reply);
      },
      context: (_now, effects) => ({ db: storage.db, effects }),
    });
  });
}

it('commits changes asked in one turn in one transaction, and answers each in order only once all are committed', async () => {
  let seenOutsideDuringB: string[] | null = null;
  const replies = await Promise.all([
    ask('a', mark('a')),
    ask('b', mark('b', () => (seenOutsideDuringB = committed()))),
    ask('c', mark('c')),
  ]);
  expect(replies).toEqual([
    { ok: true, data: 'a' },
    { ok: true, data: 'b' },
    { ok: true, data: 'c' },
  ]);
  // While b ran, a was not committed yet: the three share one transaction.
  expect(seenOutsideDuringB).toEqual([]);
  expect(journal).toEqual([
    'step a',
    'step b',
    'step c',
    'written',
    'answer a: ok (committed: a,b,c)',
    'answer b: ok (committed: a,b,c)',
    'answer c: ok (committed: a,b,c)',
    'publish',
  ]);
  expect(published).toEqual([[{ ticketIds: [97] }, { ticketIds: [98] }, { ticketIds: [99] }]]);
});

it('a refused step leaves nothing of its own and the others of its batch still commit', async () => {
  const replies = await Promise.all([
    ask('a', mark('a')),
    ask(
      'b',
      mark('b', () => {
        throw new DomainError('CASE_NOT_FOUND');
      }),
    ),
    ask('c', mark('c')),
  ]);
  expect(replies.map((r) => r.ok)).toEqual([true, false, true]);
  expect(replies[1]).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND', message: expect.stringMatching(/tidak ditemukan/i) } });
  expect(committed()).toEqual(['a', 'c']);
  // Only what committed is published.
  expect(published).toEqual([[{ ticketIds: [97] }, { ticketIds: [99] }]]);
});

it('a step that fails after an earlier step’s savepoint: the earlier one commits, the failed one leaves nothing', async () => {
  const replies = await Promise.all([
    ask('a', mark('a')),
    ask(
      'b',
      mark('b', (ctx) => {
        ctx.db.prepare("INSERT INTO marks (name) VALUES ('b2')").run();
        throw new Error('the handler broke half-way');
      }),
    ),
  ]);
  expect(replies[0]).toEqual({ ok: true, data: 'a' });
  expect(replies[1]).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  expect(committed()).toEqual(['a']);
  expect(logs.join('\n')).toContain('the handler broke half-way');
});

it('runs effects after every answer, then publishes the batch once, then the deferred I/O, whose step answers last', async () => {
  const deferred: QueuedStep<Ctx> = (ctx) => {
    journal.push('step c');
    ctx.db.prepare("INSERT INTO marks (name) VALUES ('c')").run();
    return {
      change: { counterIds: [3] },
      io: async () => {
        journal.push('io c');
        return (after) => {
          journal.push('step c after io');
          after.db.prepare("INSERT INTO marks (name) VALUES ('c printed')").run();
          return { reply: 'c printed' };
        };
      },
    };
  };
  const refused = mark('b', (ctx) => {
    ctx.effects.afterCommit(() => journal.push('effect b'));
    throw new DomainError('FORBIDDEN');
  });
  const replies = await Promise.all([ask('a', mark('a', (ctx) => ctx.effects.afterCommit(() => journal.push('effect a')))), ask('b', refused), ask('c', deferred)]);
  expect(replies.map((r) => (r.ok ? r.data : r.error.code))).toEqual(['a', 'FORBIDDEN', 'c printed']);
  expect(journal).toEqual([
    'step a',
    'step b',
    'step c',
    'written',
    'answer a: ok (committed: a,c)',
    'answer b: FORBIDDEN (committed: a,c)',
    'effect a',
    'publish',
    'io c',
    'step c after io',
    'written',
    'answer c: ok (committed: a,c,c printed)',
    'publish',
  ]);
  // The deferred step's change goes out with its batch, before its I/O.
  expect(published[0]).toEqual([{ ticketIds: [97] }, { counterIds: [3] }]);
});

it('asks the step deferred I/O resolves to as its sender stands then, when the request says how', async () => {
  const answers: string[] = [];
  const request = (lang: 'id' | 'en', step: QueuedStep<Ctx>) => ({
    event: WRITES,
    session: DISPLAY,
    deviceKeyHash: null,
    lang,
    step,
    answer: (reply: Reply<unknown>) => answers.push(`${lang}: ${reply.ok ? String(reply.data) : reply.error.message}`),
    context: (_now: Date, effects: CommitEffects) => ({ db: storage.db, effects }),
  });
  const refusedAfterIo: QueuedStep<Ctx> = () => {
    throw new DomainError('PRINTER_TIMEOUT');
  };
  // The sender switched to English while its print was under way: the outcome is worded for it as it is now.
  queue.submit({ ...request('id', () => ({ io: async () => refusedAfterIo })), resolved: (next) => request('en', next) });
  await expect.poll(() => answers).toHaveLength(1);
  expect(answers[0]).toMatch(/^en: /);
});

it('a read first commits what was asked before it, and sees it', async () => {
  const read: QueuedStep<Ctx> = (ctx) => {
    journal.push('step read');
    return { reply: ctx.db.prepare('SELECT name FROM marks').pluck().all() };
  };
  const [, seen] = await Promise.all([ask('a', mark('a')), ask('read', read, DISPLAY, READS)]);
  expect(seen).toEqual({ ok: true, data: ['a'] });
  expect(journal.slice(0, 4)).toEqual(['step a', 'written', 'answer a: ok (committed: a)', 'publish']);
});

it('on a full disk mid-batch acknowledges nothing of the batch, stores nothing of it, and runs nothing after the failure', async () => {
  // The database may not grow by a page: a small mark fits in the table's page, a large one needs new pages.
  storage.db.pragma(`max_page_count = ${storage.db.pragma('page_count', { simple: true }) as number}`);
  const replies = await Promise.all([ask('a', mark('a')), ask('b', mark('b', () => undefined, 200_000)), ask('c', mark('c'))]);
  expect(replies.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['STORAGE_FULL', 'STORAGE_FULL', 'STORAGE_FULL']);
  // c never ran: outside the rolled-back transaction it would have committed on its own, unacknowledged.
  expect(journal.filter((j) => j.startsWith('step'))).toEqual(['step a', 'step b']);
  expect(committed()).toEqual([]);
  expect(stored()).toEqual([]);
  expect(published).toEqual([[]]);
  expect(storage.state).toBe('full');

  // While the fault stands a change runs with writing switched off: what only reads (a retry answered from
  // what was stored) is answered, what would write is refused and leaves nothing.
  const retry: QueuedStep<Ctx> = (ctx) => ({ reply: ctx.db.prepare('SELECT count(*) FROM marks').pluck().get() });
  expect(await ask('retry', retry)).toEqual({ ok: true, data: 0 });
  expect(await ask('d', mark('d'))).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL', message: expect.stringMatching(/penuh/i) } });
  expect(stored()).toEqual([]);

  // The probe finds room on a fresh connection (the page limit was the old one's): changes commit again.
  storage.probe();
  expect(storage.state).toBe('ok');
  expect(await ask('e', mark('e'))).toEqual({ ok: true, data: 'e' });
  expect(committed()).toEqual(['e']);
});

it('refuses at commit a request whose sender was shut out by an earlier step of the same batch', async () => {
  const at = NOW.toISOString();
  const db = storage.db;
  const userId = insertUser(db, { username: 'racer', name: 'Admin Balap', role: 'admin', passwordHash: 'x', tempExpiresAt: null, createdAt: at });
  insertSession(db, { tokenHash: 'token-racer', userId, createdAt: at, expiresAt: '2027-01-01T00:00:00.000Z' });
  const kioskId = insertDevice(db, { name: 'Kiosk Balap', kind: 'kiosk', key: `key-pending`, printer: null, counterId: null, createdAt: at });
  db.prepare('UPDATE devices SET key_hash = ? WHERE id = ?').run(hashToken(`key-${kioskId}`), kioskId);
  const racer: Session = { kind: 'staff', tokenHash: 'token-racer', user: { id: userId, username: 'racer', name: 'Admin Balap', role: 'admin' }, passwordChangeRequired: false };
  const kiosk: Session = { kind: 'kiosk', device: { id: kioskId, name: 'Kiosk Balap', kind: 'kiosk', printer: null, counterId: null, active: true, lastSeenAt: null } };

  const replies = await Promise.all([
    ask('before', mark('before'), racer),
    ask('kiosk before', mark('kiosk before'), kiosk),
    ask(
      'shut out',
      mark('shut out', (ctx) => {
        setUserActive(ctx.db, userId, false);
        revokeDevice(ctx.db, kioskId);
        ctx.effects.admissionsChanged();
      }),
    ),
    ask('racer after', mark('racer after'), racer),
    ask('kiosk after', mark('kiosk after'), kiosk),
  ]);
  expect(replies.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'ok', 'SESSION_EXPIRED', 'DEVICE_REVOKED']);
  expect(committed()).toEqual(['before', 'kiosk before', 'shut out']);

  // Put back on a temporary password, an account may only change it.
  setUserActive(storage.db, userId, true);
  setUserPassword(storage.db, userId, 'y', '2027-01-01T00:00:00.000Z');
  expect(await ask('temporary', mark('temporary'), racer)).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
  expect(await ask('own password', mark('own password'), racer, 'auth:changePassword')).toEqual({ ok: true, data: 'own password' });
  expect(committed()).toEqual(['before', 'kiosk before', 'own password', 'shut out']);
});
