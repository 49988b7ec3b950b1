// The hub's write path: requests that arrive together share one transaction, and so one wait for the disk
// (`synchronous=FULL`). Each step runs in its own savepoint, so a refused one changes nothing and the others
// still commit; every answer follows the commit, in the order asked, then each step's effects, then what the
// batch changed, then the network I/O a step deferred. A full disk mid-batch makes SQLite roll back the whole
// transaction: then nothing of the batch is acknowledged. Knows nothing of sockets: a request brings its
// answer callback and how to make its step's context.
import { DomainError, type ErrorCode, type Lang, type Reply } from '../../shared/protocol/errors';
import type { ClientEventName } from '../../shared/protocol/schemas';
import type { Change, HubDeps, Session } from '../context';
import { deviceStillAdmitted, findSessionUser, type Db, type SessionUser } from '../db/index';
import { storageFault, writeRefused } from '../storage';
import { failure, internalError } from './replies';

/** What one step gives back: its reply, or network I/O still to do (outside any transaction) before there is one. */
export type StepResult<C> = { reply: unknown; change?: Change } | { io: () => Promise<QueuedStep<C>>; change?: Change };
/** One request's work inside the batch's transaction. */
export type QueuedStep<C> = (ctx: C) => StepResult<C>;

/** What a step's context hands back to the queue. */
export interface CommitEffects {
  /** Runs once the batch committed and every answer is out; never if the step was rolled back. */
  afterCommit(effect: () => void): void;
  /** The step ends sessions or changes a device: later steps of the batch read again whether their sender may act. */
  admissionsChanged(): void;
}

export interface QueuedRequest<C> {
  event: ClientEventName;
  /** The sender as it asked: at commit it must still be allowed to act. */
  session: Session;
  /** The key hash a device was admitted with: a device given a new key since may not act. */
  deviceKeyHash: string | null;
  lang: Lang;
  step: QueuedStep<C>;
  answer: (reply: Reply<unknown>) => void;
  /** The step's context at this instant, its effects handed to the queue. */
  context: (now: Date, effects: CommitEffects) => C;
  /** The request for the step deferred I/O resolves to, as its sender stands then; else this one with that step. */
  resolved?: (step: QueuedStep<C>) => QueuedRequest<C>;
}

export interface CommitPolicy {
  /** Events that only read: they run in a read transaction, never taking the write lock. */
  readOnly: ReadonlySet<ClientEventName>;
  /** What a session with a temporary password may still do. */
  whilePasswordTemporary: ReadonlySet<ClientEventName>;
}

export interface CommitListeners {
  /** A write transaction ended: anything built from the database before may be stale. */
  written(): void;
  /** What a batch's committed steps changed, once every answer and effect is out. */
  publish(changes: readonly Change[]): void;
}

type Outcome<C> = { result: StepResult<C>; effects: Array<() => void> } | { error: unknown };
/** A connection's transaction functions: made once per connection, since a storage fault swaps the connection. */
interface Transactions<C> {
  /** The batch's transaction: each step in turn. */
  batch: { immediate(batch: QueuedRequest<C>[]): Outcome<C>[]; deferred(batch: QueuedRequest<C>[]): Outcome<C>[] };
  /** Inside it, one step's savepoint. */
  savepoint: (run: () => StepResult<C>) => StepResult<C>;
}

export class CommitQueue<C> {
  /** Changes asked for since the last commit: they are committed together, on the next turn of the loop. */
  private pending: QueuedRequest<C>[] = [];
  private readonly transactions = new WeakMap<Db, Transactions<C>>();
  /**
   * Whether each session of the batch may still act, read inside the transaction that commits: read once per
   * session per batch, and again after a step that ends sessions or changes a device.
   */
  private readonly admitted = new Map<Session, SessionUser | boolean | undefined>();
  private readonly commitPending = () => this.flush();

  constructor(
    private readonly deps: Pick<HubDeps, 'db' | 'storage' | 'clock' | 'log'>,
    private readonly policy: CommitPolicy,
    private readonly listeners: CommitListeners,
  ) {}

  /**
   * Queues a request. A read first commits what came before it, so it sees every earlier change. On an
   * unwritable disk a change runs with writing switched off (`query_only`): a retry of a request already
   * stored (a ticket whose ack was lost) still gets its first reply; anything that would write is refused,
   * without touching the disk.
   */
  submit(request: QueuedRequest<C>): void {
    if (this.policy.readOnly.has(request.event)) {
      this.flush();
      return this.run([request], false);
    }
    const refusal = this.deps.storage.refusal();
    if (refusal) {
      this.flush();
      return this.run([request], false, refusal);
    }
    this.pending.push(request);
    if (this.pending.length === 1) setImmediate(this.commitPending);
  }

  /** Commits what is queued now, rather than on the next turn (a read, the hub's stop). */
  flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length) this.run(batch, true);
  }

  /**
   * Runs the steps in one transaction, each in its own savepoint, then answers each in order. Without `writes`
   * the connection is `query_only` for the transaction: for a read-only event, which must not write (its
   * handler's type has no write functions; this stops `exec`, `pragma` and a `DELETE … RETURNING` read as
   * rows), and for a change while a storage fault stands (`faulted`, the refusal a step that tries gets).
   */
  private run(batch: QueuedRequest<C>[], writes: boolean, faulted: DomainError | null = null): void {
    const outcomes = this.execute(batch, writes);
    if (writes) this.listeners.written();
    this.answer(batch, outcomes, !writes && !faulted, faulted);
    // Each step's effects after every answer, so a socket signed out or cut off in this batch has left its
    // audience before the batch's patch (which may hold cases) goes out.
    for (const outcome of outcomes) if ('effects' in outcome) for (const effect of outcome.effects) effect();
    try {
      this.listeners.publish(outcomes.flatMap((o) => ('result' in o && o.result.change ? [o.result.change] : [])));
    } catch (e) {
      // Stored and answered already: the screens may not show this change until they next take a snapshot,
      // but the deferred I/O below must still go out.
      this.deps.log(`error in a broadcast: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    batch.forEach((request, i) => {
      const outcome = outcomes[i] as Outcome<C>;
      if (!('result' in outcome) || !('io' in outcome.result)) return;
      outcome.result.io().then(
        (next) => this.submit(request.resolved?.(next) ?? { ...request, step: next }),
        (e: unknown) => request.answer(internalError(this.deps.log, request.event, e, request.lang)),
      );
    });
  }

  private execute(batch: QueuedRequest<C>[], writes: boolean): Outcome<C>[] {
    const { db } = this.deps;
    this.admitted.clear();
    if (!writes) db.pragma('query_only = ON');
    try {
      const tx = this.transactionsOf(db).batch;
      return writes ? tx.immediate(batch) : tx.deferred(batch);
    } catch (error) {
      // The commit itself failed: nothing of the batch was stored, so nothing is acknowledged.
      return batch.map(() => ({ error }));
    } finally {
      if (!writes) db.pragma('query_only = OFF');
    }
  }

  /** One step in its savepoint, inside the batch's transaction. */
  private attempt(db: Db, request: QueuedRequest<C>): Outcome<C> {
    const effects: Array<() => void> = [];
    const now = this.deps.clock();
    const refused = this.refusalAtCommit(db, request, now.toISOString());
    if (refused) return { error: new DomainError(refused) };
    const ctx = request.context(now, {
      afterCommit: (effect) => effects.push(effect),
      admissionsChanged: () => this.admitted.clear(),
    });
    try {
      return { result: this.transactionsOf(db).savepoint(() => request.step(ctx)), effects };
    } catch (error) {
      // A full disk or an I/O error makes SQLite roll back the whole transaction, not only the savepoint: then
      // nothing of the batch is stored, and the rest must not run (each would commit on its own,
      // unacknowledged). The batch fails as a whole.
      if (!db.inTransaction) throw error;
      return { error };
    }
  }

  private transactionsOf(db: Db): Transactions<C> {
    let made = this.transactions.get(db);
    if (!made) {
      made = {
        batch: db.transaction((batch: QueuedRequest<C>[]) => batch.map((request) => this.attempt(db, request))),
        savepoint: db.transaction((run: () => StepResult<C>) => run()),
      };
      this.transactions.set(db, made);
    }
    return made;
  }

  /**
   * Whether the sender may still act, read inside the transaction that commits: a request under way when its
   * user was deactivated, signed out or put back on a temporary password, or its device revoked or given a new
   * key, does not commit.
   */
  private refusalAtCommit(db: Db, { session, event, deviceKeyHash }: QueuedRequest<C>, nowIso: string): ErrorCode | null {
    if (session.kind === 'visitor') return null;
    const device = session.kind === 'staff' ? null : session.device;
    if (session.kind !== 'staff' && !device) return null; // A keyless display, which may only read.
    if (!this.admitted.has(session)) {
      this.admitted.set(
        session,
        session.kind === 'staff' ? findSessionUser(db, session.tokenHash, nowIso) : deviceStillAdmitted(db, device?.id ?? 0, deviceKeyHash ?? ''),
      );
    }
    const state = this.admitted.get(session);
    if (session.kind !== 'staff') return state ? null : 'DEVICE_REVOKED';
    if (typeof state !== 'object' || state.user.role !== session.user.role) return 'SESSION_EXPIRED';
    if (state.passwordChangeRequired && !this.policy.whilePasswordTemporary.has(event)) return 'PASSWORD_CHANGE_REQUIRED';
    return null;
  }

  /** Every answer, in the order asked. */
  private answer(batch: QueuedRequest<C>[], outcomes: Outcome<C>[], reading: boolean, faulted: DomainError | null): void {
    batch.forEach(({ event, lang, answer }, i) => {
      const outcome = outcomes[i] as Outcome<C>;
      if ('error' in outcome) {
        const e = this.answerOf(outcome.error, event, reading, faulted);
        return answer(e instanceof DomainError ? failure(e.code, lang, e.params) : internalError(this.deps.log, event, e, lang));
      }
      if (!('io' in outcome.result)) answer({ ok: true, data: outcome.result.reply });
    });
  }

  /**
   * What a step's error is answered with. Under a standing storage fault a storage error is that fault's
   * refusal; a full or unwritable disk found now is a refusal with its own code, and stops writes until the
   * probe resumes them. A write tried by a read-only event (`reading`) is refused by `query_only`, the disk
   * untouched: its handler's fault, not the disk's.
   */
  private answerOf(error: unknown, event: ClientEventName, reading: boolean, faulted: DomainError | null): unknown {
    const { storage } = this.deps;
    if (faulted && storageFault(error)) return faulted;
    if (reading && writeRefused(error)) return error;
    if (storage.noticed(error, event)) return storage.refusal() ?? error;
    return error;
  }
}
