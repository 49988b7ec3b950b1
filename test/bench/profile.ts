// Where a ticket's issue and a call cost the database (docs/benchmarks.md): the statements each request runs,
// inside the commit's transaction and after it (the patches), and the pages each commit writes, by table and
// index (the write-ahead log's frames, named through `dbstat`). Counts, not timings, so they read the same on a
// busy machine. The hub from source in this process, with real sockets: `npx tsx test/bench/profile.ts`.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../hub/db/index';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { FLAT_OUT_LIMITS, KIOSK_KEY, startTestHub, testSeed } from '../helpers/hub';

const COUNTERS = 20;
const DISPLAYS = 30;

interface Count {
  runs: number;
  inTransaction: number;
}

/** Counts every statement run on `db`, by its text, while `counting` is on. */
function countStatements(db: Db): { counting: boolean; counts: Map<string, Count> } {
  const state = { counting: false, counts: new Map<string, Count>() };
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, unknown>;
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method] as (this: { source: string }, ...args: unknown[]) => unknown;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      if (state.counting) {
        const text = this.source.replace(/\s+/g, ' ').trim();
        const c = state.counts.get(text) ?? { runs: 0, inTransaction: 0 };
        c.runs++;
        if (db.inTransaction) c.inTransaction++;
        state.counts.set(text, c);
      }
      return original.apply(this, args);
    };
  }
  return state;
}

/** The frames written to the WAL from byte `from` on: commits, and pages by the table or index they belong to. */
function walPages(db: Db, wal: string, from: number): { commits: number; frames: number; byTree: Map<string, number> } {
  const buf = readFileSync(wal);
  const pageSize = buf.readUInt32BE(8);
  const tree = new Map((db.prepare('SELECT pageno, name FROM dbstat').all() as { pageno: number; name: string }[]).map((r) => [r.pageno, r.name]));
  const byTree = new Map<string, number>();
  let commits = 0;
  let frames = 0;
  for (let at = Math.max(32, from); at + 24 + pageSize <= buf.length; at += 24 + pageSize) {
    frames++;
    // A frame's second word is the database's size in pages on the last frame of a commit, 0 otherwise.
    if (buf.readUInt32BE(at + 4) !== 0) commits++;
    const name = tree.get(buf.readUInt32BE(at)) ?? '(a page freed since)';
    byTree.set(name, (byTree.get(name) ?? 0) + 1);
  }
  return { commits, frames, byTree };
}

const short = (text: string) => (text.length > 150 ? `${text.slice(0, 55)} … ${text.slice(-90)}` : text);
const per = (n: number, of: number) => (n / of).toFixed(2).padStart(6);

async function main(): Promise<void> {
  const hub = await startTestHub({ seed: testSeed(COUNTERS), limits: FLAT_OUT_LIMITS, timers: { checkpointMs: 3_600_000 } });
  const clients: TestClient[] = [];
  try {
    const db = hub.db;
    // The log keeps every frame of the profile: no checkpoint starts it again.
    db.pragma('wal_autocheckpoint = 0');
    const wal = join(hub.dataDir, 'antrian.sqlite-wal');
    const statements = countStatements(db);
    clients.push(...(await Promise.all(Array.from({ length: DISPLAYS }, () => connect(hub.url)))));
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    clients.push(kiosk);
    const officers: TestClient[] = [];
    for (let i = 1; i <= COUNTERS; i++) {
      const officer = await signIn(hub.url, `hd${i}`, `sandi-hd${i}`);
      await officer.ok('counter:open', { counterId: i });
      officers.push(officer);
    }
    clients.push(...officers);
    const issue = () => kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    // Tickets for the calls, and every statement prepared before counting.
    for (let i = 0; i < 600; i++) await issue();

    const profile = async (name: string, requests: number, work: () => Promise<void>) => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const from = statSync(wal).size;
      statements.counts.clear();
      statements.counting = true;
      await work();
      statements.counting = false;
      const pages = walPages(db, wal, from);
      const all = [...statements.counts.entries()].sort((a, b) => b[1].runs - a[1].runs);
      const total = all.reduce((n, [, c]) => n + c.runs, 0);
      const inTx = all.reduce((n, [, c]) => n + c.inTransaction, 0);
      console.log(`\n${name}: ${requests} requests, ${pages.commits} commits`);
      console.log(`  statements per request: ${per(total, requests)} (${per(inTx, requests).trim()} in the commit's transaction)`);
      console.log('  per request  in the transaction  statement');
      for (const [text, c] of all) console.log(`  ${per(c.runs, requests)}       ${per(c.inTransaction, requests)}        ${short(text)}`);
      console.log(`  pages per commit: ${per(pages.frames, pages.commits).trim()} (${per(pages.frames, requests).trim()} per request)`);
      for (const [tree, n] of [...pages.byTree.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${per(n, pages.commits)}  ${tree}`);
    };

    await profile('Issue, one kiosk, one ticket after another', 300, async () => {
      for (let i = 0; i < 300; i++) await issue();
    });
    await profile(`Call next at ${COUNTERS} counters at once, then each no-show at once (a request: a call and its no-show)`, COUNTERS * 20, async () => {
      for (let round = 0; round < 20; round++) {
        const called = await Promise.all(officers.map((o, i) => o.ok('ticket:callNext', { counterId: i + 1 })));
        await Promise.all(officers.map((o, i) => o.ok('ticket:noShow', { counterId: i + 1, ticketId: (called[i] as { id: number }).id })));
      }
    });
  } finally {
    for (const c of clients) c.close();
    await hub.dispose();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
