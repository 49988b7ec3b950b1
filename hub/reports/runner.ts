// Runs reports in a worker thread (worker.ts) on a read-only connection to the hub's database file.
import { extname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Report } from '../../shared/domain/report';
import type { ReportQuery } from './figures';
import type { ReportRequest, ReportResponse } from './worker';

/**
 * The built worker beside the built code at `here`: `reportWorker.js` beside the hub (dist/hub/, npm start),
 * `reportWorker.mjs` beside the Electron bundle (dist/electron/hub.mjs), as hub/dev/buildApps.ts and
 * electron/build.ts emit them. In the installed program that bundle is inside app.asar, which a worker
 * thread cannot load a script from: electron-builder.yml unpacks the worker, and it starts from
 * app.asar.unpacked.
 */
export function workerUrl(here: string): URL {
  const beside = new URL(`./reportWorker${extname(fileURLToPath(here))}`, here);
  return new URL(beside.href.replace('/app.asar/', '/app.asar.unpacked/'));
}

/** The worker as this code runs; from the TypeScript source (vitest, tsx) it is loaded through tsx's loader. */
function newWorker(file: string): Worker {
  const here = import.meta.url;
  const workerData = { file };
  if (!here.endsWith('.ts')) return new Worker(workerUrl(here), { workerData });
  // tsx's ESM API (the `import` export of tsx/esm/api, beside the CommonJS one require finds).
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = new URL('./worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}));`;
  return new Worker(boot, { eval: true, workerData });
}

/** A report that has not come back by then is given up, and its worker replaced: later reports do not queue behind it. */
const REPORT_TIMEOUT_MS = 60_000;

type Waiting = { resolve: (r: Report) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class ReportRunner {
  private worker: { thread: Worker; pending: Map<number, Waiting> } | null = null;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly log: (line: string) => void,
  ) {}

  run(query: ReportQuery): Promise<Report> {
    if (this.closed) return Promise.reject(new Error('the hub is stopping'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    // Held while it computes: a report asked for is answered even if nothing else keeps the process alive.
    worker.thread.ref();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.log(`report took longer than ${REPORT_TIMEOUT_MS / 1000} s: its worker is replaced`);
        if (this.worker === worker) this.worker = null;
        void worker.thread.terminate();
      }, REPORT_TIMEOUT_MS);
      worker.pending.set(id, { resolve, reject, timer });
      worker.thread.postMessage({ id, ...query } satisfies ReportRequest);
    });
  }

  /** Stops the worker; reports asked for afterwards are refused, so no connection outlives the hub. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.thread.terminate();
  }

  private start(): { thread: Worker; pending: Map<number, Waiting> } {
    const thread = newWorker(this.file);
    const worker = { thread, pending: new Map<number, Waiting>() };
    // An idle worker must not keep a stopping hub alive.
    thread.unref();
    thread.on('message', (res: ReportResponse) => {
      const waiting = worker.pending.get(res.id);
      worker.pending.delete(res.id);
      if (!worker.pending.size) thread.unref();
      if (!waiting) return;
      clearTimeout(waiting.timer);
      if (res.ok) return waiting.resolve(res.report);
      this.log(`report failed: ${res.message}`);
      waiting.reject(new Error(res.message));
    });
    // A worker that dies fails what it alone was computing; the next report starts a new one.
    const fail = (e: Error) => {
      const current = this.worker === worker;
      if (current) this.worker = null;
      // A worker stopped by close() with nothing in hand is no fault.
      if (current || worker.pending.size) this.log(`report worker stopped: ${e.message}`);
      for (const { reject, timer } of worker.pending.values()) {
        clearTimeout(timer);
        reject(e);
      }
      worker.pending.clear();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`exit ${code}`)));
    this.worker = worker;
    return worker;
  }
}
