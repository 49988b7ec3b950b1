// A process running the hub's commit queue on a database file, for test/system/commit-crash.test.ts: it
// commits one batch and prints its answers, then stops in the middle of a second batch, between two
// savepoints, and says so, to be killed there.
import { writeSync } from 'node:fs';
import type { ClientEventName } from '../../shared/protocol/schemas';
import { CommitQueue, type QueuedStep } from '../../hub/core/commitQueue';
import { openDatabase, type Db } from '../../hub/db/index';
import { Storage } from '../../hub/storage';

const file = process.argv[2] as string;
const say = (line: string) => writeSync(1, `${line}\n`);
const storage = new Storage(openDatabase(file).db, { probeMs: 3_600_000, log: say });
storage.db.exec('CREATE TABLE IF NOT EXISTS marks (name TEXT PRIMARY KEY, payload BLOB)');
const queue = new CommitQueue<{ db: Db }>(
  {
    get db() {
      return storage.db;
    },
    storage,
    clock: () => new Date(),
    log: say,
  },
  { readOnly: new Set(), whilePasswordTemporary: new Set() },
  { written: () => undefined, publish: () => undefined },
);

/** Stores a mark; `bytes` of payload past the page cache make SQLite write the open transaction into the WAL. */
const mark =
  (name: string, bytes = 0, then = () => undefined as void): QueuedStep<{ db: Db }> =>
  ({ db }) => {
    db.prepare('INSERT INTO marks (name, payload) VALUES (?, ?)').run(name, Buffer.alloc(bytes, 1));
    then();
    return { reply: name };
  };

function ask(step: QueuedStep<{ db: Db }>): Promise<void> {
  return new Promise((resolve) =>
    queue.submit({
      event: 'ticket:issue' as ClientEventName,
      session: { kind: 'display', device: null },
      deviceKeyHash: null,
      lang: 'id',
      step,
      answer: (reply) => {
        say(reply.ok ? `answered ${String(reply.data)}` : `refused ${reply.error.code}`);
        resolve();
      },
      context: () => ({ db: storage.db }),
    }),
  );
}

await Promise.all([ask(mark('a')), ask(mark('b'))]);
const stop = () => {
  say('between savepoints');
  // Held here, synchronously, inside the open transaction, until the test kills the process.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
};
await Promise.all([ask(mark('c', 8 * 1024 * 1024)), ask(mark('d', 0, stop)), ask(mark('e'))]);
