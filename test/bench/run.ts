// `npm run bench`: the hub as `npm start` runs it (node with HUB_NODE_ARGS on dist/hub/main.js) against the bare stack
// (test/bench/baseline.ts, compiled the same way), driven by the same socket.io clients on 127.0.0.1.
// Prints a table and writes JSON (dist/bench.json) with p50 / p99 / max per figure and the ratio
// hub / baseline. `--tiny` runs a few hundred operations (what `npm test` runs so the bench cannot rot).
// The hub's per-socket budgets are raised for the run (it issues flat out, far past any real kiosk). Both
// processes get the node arguments and the malloc setting the hub is started with (HUB_NODE_ARGS,
// HUB_MEMORY_ENV).
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { io, type Socket } from 'socket.io-client';
import { HUB_MEMORY_ENV, HUB_NODE_ARGS } from '../../electron/main/hubProcess';
import { DATABASE_FILE } from '../../hub/dataFolder';
import { FLAT_OUT_ENV, ROOT } from '../helpers/hub';
import { reportTimings } from './reports';
import { yearOfData } from './yearOfData';

export interface Figure {
  name: string;
  unit: 'µs' | 'ms' | '/s' | 'MB' | 'KB';
  hub: number;
  baseline: number | null;
  p99?: { hub: number; baseline: number | null };
  max?: { hub: number; baseline: number | null };
  /** hub / baseline, or null when there is no baseline to compare with. */
  ratio: number | null;
  target: string;
}

interface Server {
  child: ChildProcess;
  url: string;
}

const kioskKey = (i: number) => `kunci-kiosk-bench-${String(i + 1).padStart(4, '0')}`;

const SEED = (counters: number) => ({
  services: [
    { code: 'A', name: 'Gangguan / Permasalahan' },
    { code: 'B', name: 'Permintaan Informasi / Konsultasi' },
  ],
  counters: Array.from({ length: counters }, (_, i) => ({ name: `Loket ${i + 1}`, services: ['A', 'B'] })),
  users: Array.from({ length: counters }, (_, i) => ({ username: `hd${i + 1}`, password: `sandi-hd${i + 1}`, name: `Petugas ${i + 1}`, role: 'helpdesk' })),
  // One device per kiosk, as in an office: each has its own per-minute issue limit.
  devices: Array.from({ length: counters }, (_, i) => ({ name: `Kiosk ${i + 1}`, kind: 'kiosk', key: kioskKey(i) })),
  settings: { kioskRateLimitPerMinute: 10_000 },
});

/** The host's CPU counters (Linux): `steal` is time a virtual machine's CPUs were ready but ran someone else. */
function cpuTicks(): { steal: number; total: number } | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: fields[7] ?? 0, total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/**
 * Runs `work` and says what share of the machine's CPU time the host took meanwhile, in percent (null where
 * the system does not say). Latencies from a run with much CPU stolen say more about the host than the code.
 */
async function stolenDuring<T>(work: () => Promise<T>): Promise<{ result: T; stolenPct: number | null }> {
  const before = cpuTicks();
  const result = await work();
  const after = cpuTicks();
  const total = before && after ? after.total - before.total : 0;
  return { result, stolenPct: before && after && total > 0 ? Math.round(((after.steal - before.steal) / total) * 1000) / 10 : null };
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:')) ?? '';
  return Math.round(Number(/\d+/.exec(line)?.[0] ?? 0) / 1024);
}

function start(args: string[], env: Record<string, string>, pattern: RegExp): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${out}`)), 60_000);
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

async function stop(s: Server): Promise<void> {
  s.child.removeAllListeners('exit');
  const gone = new Promise((resolve) => s.child.once('exit', resolve));
  s.child.kill('SIGKILL');
  await gone;
}

type Client = Socket;

function connect(url: string, auth: Record<string, string> = {}): Promise<Client> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('snapshot', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function request(c: Client, event: string, payload: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  return new Promise((resolve) => c.emit(event, payload, resolve));
}

let requestSeq = 0;
const issuePayload = () => ({ requestId: `bench-${process.pid}-${++requestSeq}`, serviceCode: 'A' });

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
};

interface Stats {
  p50: number;
  p99: number;
  max: number;
}
const stats = (xs: number[]): Stats => ({ p50: quantile(xs, 0.5), p99: quantile(xs, 0.99), max: Math.max(...xs) });

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** Sequential issues from `kiosks` sockets at once; latency of each ack in µs. */
async function issueLatencies(kiosks: Client[], perKiosk: number): Promise<number[]> {
  const all: number[] = [];
  await Promise.all(
    kiosks.map(async (k) => {
      for (let i = 0; i < perKiosk; i++) {
        const t0 = nowUs();
        const r = await request(k, 'ticket:issue', issuePayload());
        if (!r.ok) throw new Error(`issue refused: ${JSON.stringify(r.error)}`);
        all.push(nowUs() - t0);
      }
    }),
  );
  return all;
}

/** Time from an issue until every display has had a patch, µs. */
async function toAllDisplays(kiosk: Client, displays: Client[], rounds: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = nowUs();
    const told = displays.map((d) => new Promise<void>((resolve) => d.once('patch', () => resolve())));
    const r = await request(kiosk, 'ticket:issue', issuePayload());
    if (!r.ok) throw new Error(`issue refused: ${JSON.stringify(r.error)}`);
    await Promise.all(told);
    out.push(nowUs() - t0);
  }
  return out;
}

/** Tickets per second with `kiosks` sockets keeping `inFlight` requests each for `ms`, and how many were issued. */
async function sustained(kiosks: Client[], inFlight: number, ms: number): Promise<{ perSecond: number; done: number }> {
  let done = 0;
  const until = Date.now() + ms;
  await Promise.all(
    kiosks.flatMap((k) =>
      Array.from({ length: inFlight }, async () => {
        while (Date.now() < until) {
          const r = await request(k, 'ticket:issue', issuePayload());
          if (!r.ok) throw new Error(`issue refused: ${JSON.stringify(r.error)}`);
          done++;
        }
      }),
    ),
  );
  return { perSecond: Math.round((done * 1000) / ms), done };
}

/** When each display first saw each call, by ticket number (a call may arrive before its ack). */
function callLog(displays: Client[]): { seen: Map<string, number>[]; off: () => void } {
  const seen = displays.map(() => new Map<string, number>());
  const handlers = displays.map((d, i) => {
    const on = (p: { calls?: { ticketNumber: string }[] }) => {
      for (const { ticketNumber } of p.calls ?? []) if (!seen[i]?.has(ticketNumber)) seen[i]?.set(ticketNumber, nowUs());
    };
    d.on('patch', on);
    return on;
  });
  return { seen, off: () => displays.forEach((d, i) => d.off('patch', handlers[i])) };
}

/** Call next at each counter at once; time until the call has reached every display, ms. */
async function callsToDisplays(callers: { client: Client; counterId?: number }[], displays: Client[], rounds: number): Promise<number[]> {
  const out: number[] = [];
  const log = callLog(displays);
  try {
    for (let i = 0; i < rounds; i++) {
      await Promise.all(
        callers.map(async ({ client, counterId }) => {
          const t0 = nowUs();
          const r = await request(client, 'ticket:callNext', counterId === undefined ? {} : { counterId });
          if (!r.ok) throw new Error(`call refused: ${JSON.stringify(r.error)}`);
          const { number, id } = r.data as { number: string; id: number };
          const until = Date.now() + 10_000;
          while (!log.seen.every((m) => m.has(number))) {
            if (Date.now() > until) throw new Error(`call ${number} never reached every display`);
            await new Promise((res) => setTimeout(res, 1));
          }
          out.push((Math.max(...log.seen.map((m) => m.get(number) as number)) - t0) / 1000);
          // Frees the counter for the next round (not timed).
          if (counterId !== undefined) await request(client, 'ticket:noShow', { counterId, ticketId: id });
        }),
      );
    }
  } finally {
    log.off();
  }
  return out;
}

interface Sizes {
  app: string;
  initialKb: number;
  lazy: { file: string; kb: number }[];
}

/** The gzip size of each built app's initial load (its page, scripts and styles), lazily loaded chunks apart. */
export function appSizes(distDir: string): Sizes[] {
  const out: Sizes[] = [];
  for (const app of ['kiosk', 'counter', 'display', 'visitor']) {
    let html: string;
    try {
      html = readFileSync(join(distDir, app, 'index.html'), 'utf8');
    } catch {
      continue;
    }
    const gz = (path: string) => gzipSync(readFileSync(path)).length;
    const initial = [...html.matchAll(/(?:src|href)="\/[^/]+\/(assets\/[^"]+)"/g)].map((m) => m[1] as string);
    const assets = readdirSafe(join(distDir, app, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    const lazy = assets.filter((f) => !initial.includes(`assets/${f}`));
    out.push({
      app,
      initialKb: Math.round((gzipSync(html).length + initial.reduce((n, f) => n + gz(join(distDir, app, f)), 0)) / 102.4) / 10,
      lazy: lazy.map((f) => ({ file: f, kb: Math.round(gz(join(distDir, app, 'assets', f)) / 102.4) / 10 })),
    });
  }
  return out;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export interface BenchOptions {
  tiny: boolean;
  log: (line: string) => void;
}

/** What one server's run measured: every sample behind its figures. */
export interface Measured {
  issue1: number[];
  issue20: number[];
  toDisplays: number[];
  perSecond: number;
  calls: number[];
  rssIdle: number;
  rssAfter: number;
  /** Tickets the server acknowledged. */
  tickets: number;
  /** Tickets its database holds once it is stopped: every acknowledged one, or the run measured nothing real. */
  stored: number;
}

export const COUNTERS = 20;
const DISPLAYS = 30;
const CALL_DISPLAYS = 10;

/** How much each figure runs: per kiosk for the issues, rounds of all counters at once for the calls. */
export const workload = (tiny: boolean) =>
  tiny
    ? { issue1: 60, issue20: 5, displays: 20, sustainedMs: 1000, callRounds: 2, tickets: 400 }
    : { issue1: 2000, issue20: 100, displays: 500, sustainedMs: 10_000, callRounds: 20, tickets: 50_000 };

/** Tickets in a stopped server's database. */
function storedTickets(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Drives one server (hub or baseline) through every figure, with the same clients. */
async function measure(server: Server, kind: 'hub' | 'baseline', o: BenchOptions): Promise<Omit<Measured, 'stored'>> {
  const n = workload(o.tiny);
  const kioskAuth = (i: number): Record<string, string> => (kind === 'hub' ? { deviceKey: kioskKey(i) } : {});
  const clients: Client[] = [];
  try {
    const idle = await Promise.all(Array.from({ length: 50 }, () => connect(server.url)));
    clients.push(...idle);
    await new Promise((r) => setTimeout(r, 500));
    const rssIdle = rssMb(server.child.pid as number);
    for (const c of idle) c.close();

    const displays = await Promise.all(Array.from({ length: DISPLAYS }, () => connect(server.url)));
    const kiosks = await Promise.all(Array.from({ length: COUNTERS }, (_, i) => connect(server.url, kioskAuth(i))));
    clients.push(...displays, ...kiosks);
    let issued = 0;
    o.log(`  ${kind}: issue, 1 kiosk`);
    const issue1 = await issueLatencies([kiosks[0] as Client], n.issue1);
    o.log(`  ${kind}: issue, ${COUNTERS} kiosks at once`);
    const issue20 = await issueLatencies(kiosks, n.issue20);
    o.log(`  ${kind}: issue → all ${DISPLAYS} displays told`);
    const toDisplays = await toAllDisplays(kiosks[0] as Client, displays, n.displays);
    o.log(`  ${kind}: sustained tickets per second`);
    const { perSecond, done } = await sustained(kiosks, 4, n.sustainedMs);
    issued += n.issue1 + COUNTERS * n.issue20 + n.displays + done;

    o.log(`  ${kind}: call next at ${COUNTERS} counters → ${CALL_DISPLAYS} displays`);
    const callers: { client: Client; counterId?: number }[] = [];
    if (kind === 'hub') {
      for (let i = 1; i <= COUNTERS; i++) {
        const anonymous = await connect(server.url);
        const login = await request(anonymous, 'auth:login', { username: `hd${i}`, password: `sandi-hd${i}` });
        anonymous.close();
        if (!login.ok) throw new Error(`sign-in refused: ${JSON.stringify(login.error)}`);
        const staff = await connect(server.url, { token: (login.data as { token: string }).token });
        clients.push(staff);
        const counter = await request(staff, 'counter:open', { counterId: i });
        if (!counter.ok) throw new Error(`counter refused: ${JSON.stringify(counter.error)}`);
        callers.push({ client: staff, counterId: i });
      }
    } else {
      callers.push(...kiosks.map((client) => ({ client })));
    }
    const calls = await callsToDisplays(callers, displays.slice(0, CALL_DISPLAYS), n.callRounds);

    o.log(`  ${kind}: up to ${n.tickets} tickets`);
    const rest = Math.max(0, n.tickets - issued);
    await issueLatencies(kiosks, Math.ceil(rest / COUNTERS));
    issued += Math.ceil(rest / COUNTERS) * COUNTERS;
    await new Promise((r) => setTimeout(r, 500));
    const rssAfter = rssMb(server.child.pid as number);
    return { issue1, issue20, toDisplays, perSecond, calls, rssIdle, rssAfter, tickets: issued };
  } finally {
    for (const c of clients) c.close();
  }
}


/** Milliseconds from starting the hub on a year of data until /healthz answers. */
async function startupOnYear(o: BenchOptions): Promise<{ ms: number; tickets: number; cases: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-bench-year-'));
  const tickets = o.tiny ? 2000 : 100_000;
  const cases = o.tiny ? 400 : 20_000;
  try {
    yearOfData(dir, tickets, cases);
    const t0 = Date.now();
    const child = spawn(process.execPath, [...HUB_NODE_ARGS, join(ROOT, 'dist/hub/main.js')], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ANTRIAN_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    try {
      for (;;) {
        const url = /display: (http:\/\/127\.0\.0\.1:\d+)\/display/.exec(out)?.[1];
        if (url && (await fetch(`${url}/healthz`).then((r) => r.ok, () => false))) break;
        if (Date.now() - t0 > 60_000) throw new Error(`no /healthz:\n${out}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return { ms: Date.now() - t0, tickets, cases };
    } finally {
      child.kill('SIGKILL');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function buildAll(): Promise<void> {
  const { buildApps } = await import('../../hub/dev/buildApps');
  await buildApps(ROOT, join(ROOT, 'dist'), false);
  const { build } = await import('vite');
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: join(ROOT, 'dist/bench'),
      emptyOutDir: true,
      rollupOptions: { input: { baseline: join(ROOT, 'test/bench/baseline.ts') }, output: { format: 'es', entryFileNames: '[name].js' } },
    },
  });
}

const ratio = (hub: number, baseline: number) => Math.round((hub / baseline) * 100) / 100;

function latencyFigure(name: string, unit: 'µs' | 'ms', hub: number[], baseline: number[], target: string): Figure {
  const h = stats(hub);
  const b = stats(baseline);
  return { name, unit, hub: h.p50, baseline: b.p50, p99: { hub: h.p99, baseline: b.p99 }, max: { hub: h.max, baseline: b.max }, ratio: ratio(h.p50, b.p50), target };
}

export interface BenchResult {
  figures: Figure[];
  /** The samples behind the figures, by server. */
  runs: { hub: Measured; baseline: Measured };
  sizes: Sizes[];
  /** CPU time the host took while each server was measured, in percent of the machine's. */
  stolenPct: { baseline: number | null; hub: number | null; yearOfData: number | null };
}

export async function runBench(o: BenchOptions): Promise<BenchResult> {
  o.log('Membangun / building…');
  await buildAll();
  const work = mkdtempSync(join(tmpdir(), 'antrian-bench-'));
  try {
    mkdirSync(join(work, 'hub'));
    writeFileSync(join(work, 'seed.json'), JSON.stringify(SEED(COUNTERS)));
    o.log(`Baseline (bare Socket.IO + better-sqlite3, with the same node arguments, ${HUB_NODE_ARGS.join(' ')}):`);
    const bare = await start([...HUB_NODE_ARGS, join(ROOT, 'dist/bench/baseline.js'), join(work, 'baseline.sqlite')], HUB_MEMORY_ENV, /baseline: (http:\S+)/);
    let measuredBare: Omit<Measured, 'stored'>;
    let stolenBaseline: number | null;
    try {
      ({ result: measuredBare, stolenPct: stolenBaseline } = await stolenDuring(() => measure(bare, 'baseline', o)));
    } finally {
      await stop(bare);
    }
    const b: Measured = { ...measuredBare, stored: storedTickets(join(work, 'baseline.sqlite')) };
    o.log(`Hub (node ${HUB_NODE_ARGS.join(' ')} dist/hub/main.js as npm start runs it, budgets raised for the run, with the hub role's malloc setting):`);
    const hubServer = await start(
      [...HUB_NODE_ARGS, join(ROOT, 'dist/hub/main.js')],
      { ...HUB_MEMORY_ENV, ...FLAT_OUT_ENV, HOST: '127.0.0.1', PORT: '0', ANTRIAN_DATA_DIR: join(work, 'hub'), ANTRIAN_SEED: join(work, 'seed.json'), ANTRIAN_ADMIN_PASSWORD: 'bench-admin-password' },
      /display: (http:\/\/127\.0\.0\.1:\d+)\/display/,
    );
    let measuredHub: Omit<Measured, 'stored'>;
    let stolenHub: number | null;
    try {
      ({ result: measuredHub, stolenPct: stolenHub } = await stolenDuring(() => measure(hubServer, 'hub', o)));
    } finally {
      await stop(hubServer);
    }
    const h: Measured = { ...measuredHub, stored: storedTickets(join(work, 'hub', DATABASE_FILE)) };
    o.log('Start-up on a year of data:');
    const { result: year, stolenPct: stolenYear } = await stolenDuring(() => startupOnYear(o));
    o.log('Reports on a year of data:');
    const { result: reports, stolenPct: stolenReports } = await stolenDuring(() => reportTimings(o));
    const figures: Figure[] = [
      latencyFigure('issue-ticket ack, 1 kiosk', 'µs', h.issue1, b.issue1, '≤ 1.5×'),
      latencyFigure(`issue-ticket ack, ${COUNTERS} kiosks at once`, 'µs', h.issue20, b.issue20, '≤ 1.5×'),
      latencyFigure(`issue → all ${DISPLAYS} displays told`, 'µs', h.toDisplays, b.toDisplays, '≤ 1.5×'),
      latencyFigure(`call next at ${COUNTERS} counters → ${CALL_DISPLAYS} displays`, 'ms', h.calls, b.calls, 'p99 < 10 ms'),
      { name: `sustained tickets/s (${COUNTERS} kiosks × 4 in flight)`, unit: '/s', hub: h.perSecond, baseline: b.perSecond, ratio: ratio(h.perSecond, b.perSecond), target: '≥ 0.6×' },
      { name: 'RSS with 50 idle clients', unit: 'MB', hub: h.rssIdle, baseline: b.rssIdle, ratio: ratio(h.rssIdle, b.rssIdle), target: '≤ 1.3×' },
      { name: `RSS after ${h.tickets} tickets`, unit: 'MB', hub: h.rssAfter, baseline: b.rssAfter, ratio: ratio(h.rssAfter, b.rssAfter), target: '≤ 1.3×' },
      { name: `start-up to /healthz, ${year.tickets} tickets and ${year.cases} cases`, unit: 'ms', hub: year.ms, baseline: null, ratio: null, target: '< 1000 ms' },
      ...reports,
    ];
    return { figures, runs: { hub: h, baseline: b }, sizes: appSizes(join(ROOT, 'dist')), stolenPct: { baseline: stolenBaseline, hub: stolenHub, yearOfData: stolenYear === null || stolenReports === null ? null : Math.max(stolenYear, stolenReports) } };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function table(figures: Figure[], sizes: Sizes[]): string {
  const rows = figures.map((f) => {
    const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}`);
    const tail = f.p99 ? ` (p99 ${fmt(f.p99.hub)} / ${fmt(f.p99.baseline)}, max ${fmt(f.max?.hub)} / ${fmt(f.max?.baseline)})` : '';
    return `| ${f.name} | ${fmt(f.baseline)} ${f.unit} | ${fmt(f.hub)} ${f.unit}${tail} | ${f.ratio === null ? '—' : `${f.ratio}×`} | ${f.target} |`;
  });
  const appRows = sizes.map((s) => `| ${s.app}: initial load, gzip | — | ${s.initialKb} KB${s.lazy.length ? ` (+ lazy: ${s.lazy.map((l) => `${l.file} ${l.kb} KB`).join(', ')})` : ''} | — | ≤ 100 KB |`);
  return ['| figure (p50 unless said) | baseline | hub (p99 hub / baseline, max hub / baseline) | hub / baseline | target |', '| --- | --- | --- | --- | --- |', ...rows, ...appRows].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const tiny = process.argv.includes('--tiny');
  runBench({ tiny, log: (l) => console.log(l) }).then(
    ({ figures, sizes, stolenPct }) => {
      const text = table(figures, sizes);
      console.log(`\n${text}`);
      const pct = (v: number | null) => (v === null ? 'not known' : `${v} %`);
      console.log(`\nCPU taken by the host (steal) while measured: baseline ${pct(stolenPct.baseline)}, hub ${pct(stolenPct.hub)}, start-up and reports on a year of data ${pct(stolenPct.yearOfData)}.`);
      writeFileSync(join(ROOT, 'dist/bench.json'), JSON.stringify({ at: new Date().toISOString(), tiny, figures, sizes, stolenPct }, null, 2));
      console.log('\nJSON: dist/bench.json');
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
