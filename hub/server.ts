// Starts a hub from its configuration: takes the data folder, opens (or creates and seeds) the database
// and listens.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Backups, BACKUPS_KEPT } from './backup';
import { pagePath } from '../shared/protocol/apps';
import { printOverTcp } from '../shared/printer/tcp';
import { createHub, type Hub } from './createHub';
import { DEFAULT_TIMERS, type HubConfig } from './config';
import { DATABASE_FILE, openDataFolder, RestoreUnfinished } from './dataFolder';
import { checkIntegrity, openDatabase, skipReservedNumbers, type Db } from './db/index';
import { NumberBlocks } from './numberBlocks';
import { PASSWORD_COST } from './passwords';
import { lanUrl } from './visitor';
import { applySeed, readSeed } from './seed';
import { Storage } from './storage';

export interface RunningHub {
  hub: Hub;
  /** The current connection (swapped after a storage fault). */
  readonly db: Db;
  storage: Storage;
  port: number;
  /** The staff app and the display; the devices made on this first start (their keys are shown this once). */
  urls: { counter: string; display: string; newDevices: { name: string; url: string }[] };
  generatedAdminPassword?: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  appsDir: string;
  clock?: () => Date;
  log?: (line: string) => void;
  /** scrypt's cost for new password hashes: PASSWORD_COST unless a test lowers it for its throwaway accounts. */
  passwordCost?: number;
}

export async function startHub(config: HubConfig, options: StartOptions): Promise<RunningHub> {
  mkdirSync(config.dataDir, { recursive: true });
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const passwordCost = options.passwordCost ?? PASSWORD_COST;
  const timers = { ...DEFAULT_TIMERS, ...config.timers };
  // Read the seed before touching the database, so a typo in it leaves no half-made file behind.
  const seed = config.seedFile ? readSeed(config.seedFile) : null;
  const folder = openDataFolder(config.dataDir);
  let db: Db | undefined;
  let hub: Hub | undefined;
  let backups: Backups | undefined;
  try {
    // The live files may be the database being replaced, or none: neither is the one to serve.
    if (folder.unfinishedRestore) throw new RestoreUnfinished(config.dataDir, folder.unfinishedRestore.backup);
    const file = join(config.dataDir, DATABASE_FILE);
    const opened = openDatabase(file, undefined, folder.installed);
    db = opened.db;
    const numbers = new NumberBlocks(config.dataDir);
    if (folder.uncleanShutdown) {
      log('Hub sebelumnya tidak berhenti dengan rapi: memeriksa basis data / the last run did not stop cleanly: checking the database');
      checkIntegrity(db, file);
      db.transaction(() => skipReservedNumbers(opened.db, numbers)).immediate();
    }
    const seeded = opened.created
      ? db.transaction(() => applySeed(opened.db, seed, config.adminPassword, clock().toISOString(), passwordCost)).immediate()
      : { devices: [] };
    // Also marks folders installed before the marker existed.
    if (!folder.installed) folder.markInstalled(clock());
    const storage = new Storage(db, { probeMs: timers.storageProbeMs, log });
    const backed = new Backups(() => storage.hold(), { dir: join(config.dataDir, 'backups'), keep: BACKUPS_KEPT, clock, log });
    backups = backed;
    hub = createHub(
      {
        get db() {
          return storage.db;
        },
        storage,
        clock,
        timeZone: config.timeZone,
        log,
        numbers,
        backups: backed,
        printer: printOverTcp,
        passwordCost,
      },
      { appsDir: options.appsDir, limits: config.limits, allowedOrigins: config.allowedOrigins, timers },
    );
    const port = await hub.listen(config.port, config.host);
    // Listening on every interface, the addresses printed are the ones the office's devices can open.
    const base = lanUrl(hub.http.address()) ?? `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
    const running = hub;
    let stopped = false;
    return {
      hub,
      get db() {
        return storage.db;
      },
      storage,
      port,
      generatedAdminPassword: seeded.generatedAdminPassword,
      urls: {
        counter: `${base}${pagePath('counter')}`,
        display: `${base}${pagePath('display')}`,
        newDevices: seeded.devices.map((d) => ({ name: d.name, url: `${base}${pagePath(d.kind)}?key=${encodeURIComponent(d.key)}` })),
      },
      async stop() {
        // Stopping twice (a test's cleanup after a failure, two signals) is stopping once.
        if (stopped) return;
        stopped = true;
        // The hub's timers stop first, so no backup starts after the one waited for.
        await running.close();
        await backed.stop();
        storage.close();
        // A stop while the disk cannot be written is no clean stop: the next start checks the database.
        if (storage.state !== 'ok') return folder.release();
        try {
          folder.close();
        } catch (e) {
          folder.release();
          if (!storage.noticed(e, 'the clean stop')) throw e;
        }
      },
    };
  } catch (e) {
    await hub?.close();
    // The hub's first backup may have begun: the database is closed once it is done.
    await backups?.stop();
    db?.close();
    // Not marked clean: whatever stopped this start is checked again next time.
    folder.release();
    throw e;
  }
}
