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

export class ReportRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Report) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly file: string,
    private readonly log: (line: string) => void,
  ) {}

  run(query: ReportQuery): Promise<Report> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    // Held while it computes: a report asked for is answered even if nothing else keeps the process alive.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...query } satisfies ReportRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = newWorker(this.file);
    // An idle worker must not keep a stopping hub alive.
    worker.unref();
    worker.on('message', (res: ReportResponse) => {
      const waiting = this.pending.get(res.id);
      this.pending.delete(res.id);
      if (!this.pending.size) worker.unref();
      if (res.ok) return waiting?.resolve(res.report);
      this.log(`report failed: ${res.message}`);
      waiting?.reject(new Error(res.message));
    });
    // A worker that dies fails what it was computing; the next report starts a new one.
    const fail = (e: Error) => {
      const current = this.worker === worker;
      if (current) this.worker = null;
      // A worker stopped by close() with nothing in hand is no fault.
      if (current || this.pending.size) this.log(`report worker stopped: ${e.message}`);
      for (const { reject } of this.pending.values()) reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit ${code}`)));
    this.worker = worker;
    return worker;
  }
}
