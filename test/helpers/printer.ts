// A real TCP server on 127.0.0.1 standing in for a network receipt printer on port 9100. Like many real
// ones it never answers the status query (DLE EOT); it keeps every job's bytes, and can be switched off and
// on again on the same port.
import net from 'node:net';
import type { Seed } from '../../hub/seed';
import { DISPLAY_KEY, KIOSK_KEY, startTestHub, testSeed, type TestHub } from './hub';

export interface FakePrinter {
  port: number;
  /** Every finished job's bytes (one connection each), oldest first. */
  jobs: Buffer[];
  /** Resolves with the first job (already received or future) that contains `text`. */
  waitForJob(text: string, timeoutMs?: number): Promise<Buffer>;
  /** Stops listening: connections are refused, as with a printer switched off. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export async function startFakePrinter(): Promise<FakePrinter> {
  const jobs: Buffer[] = [];
  const waiters: Array<{ text: string; resolve: (job: Buffer) => void }> = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      const job = Buffer.concat(chunks);
      jobs.push(job);
      for (const w of [...waiters]) {
        if (job.includes(w.text)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(job);
        }
      }
    });
    // A printer closes its side once the client has sent everything.
    socket.on('end', () => socket.end());
  });
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    port,
    jobs,
    waitForJob(text, timeoutMs = 10_000) {
      const seen = jobs.find((j) => j.includes(text));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the printer received no job containing ${text}`)), timeoutMs);
        waiters.push({
          text,
          resolve: (job) => {
            clearTimeout(timer);
            resolve(job);
          },
        });
      });
    },
    stop() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
    start: listen,
  };
}

/**
 * A fake network printer, and a hub (two counters, the TV) whose lobby kiosk, KIOSK_KEY, prints to it on
 * `width` mm paper; `more` devices are seeded after that kiosk.
 */
export async function startPrintingHub(
  width: 58 | 80,
  more: NonNullable<Seed['devices']> = [],
): Promise<{ hub: TestHub; printer: FakePrinter }> {
  const printer = await startFakePrinter();
  const devices: NonNullable<Seed['devices']> = [
    { name: 'Kiosk Lobi', kind: 'kiosk', key: KIOSK_KEY, printer: { host: '127.0.0.1', port: printer.port, width } },
    ...more,
    { name: 'TV Ruang Tunggu', kind: 'display', key: DISPLAY_KEY },
  ];
  try {
    return { hub: await startTestHub({ seed: testSeed(2, { devices }) }), printer };
  } catch (e) {
    await printer.stop();
    throw e;
  }
}

/** The ESC/POS character size (GS ! n) printed right before `text`, or undefined when there is none. */
export function sizeBefore(job: Buffer, text: string): { width: number; height: number } | undefined {
  const at = job.indexOf(text);
  if (at < 3 || job[at - 3] !== 0x1d || job[at - 2] !== 0x21) return undefined;
  const n = job[at - 1] as number;
  return { width: (n >> 4) + 1, height: (n & 0x0f) + 1 };
}

/** Does the job cut the paper (GS V) after `text`? */
export function cutsAfter(job: Buffer, text: string): boolean {
  const at = job.indexOf(text);
  return at >= 0 && job.indexOf(Buffer.from([0x1d, 0x56]), at) > at;
}
