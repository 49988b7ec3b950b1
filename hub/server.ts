// Starts a hub from its configuration: opens (or creates and seeds) the database and listens.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUPS_KEPT, scheduleBackups } from './backup';
import { createHub, type Hub } from './createHub';
import type { HubConfig } from './config';
import { openDatabase, type Db } from './db/index';
import { DEVICE_PAGES } from './handlers/admin/devices';
import { applySeed, readSeed } from './seed';

export interface RunningHub {
  hub: Hub;
  db: Db;
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
}

export async function startHub(config: HubConfig, options: StartOptions): Promise<RunningHub> {
  mkdirSync(config.dataDir, { recursive: true });
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  // Read the seed before touching the database, so a typo in it leaves no half-made file behind.
  const seed = config.seedFile ? readSeed(config.seedFile) : null;
  const { db, created } = openDatabase(join(config.dataDir, 'antrian.sqlite'));
  const seeded = created
    ? db.transaction(() => applySeed(db, seed, config.adminPassword, clock().toISOString())).immediate()
    : { devices: [] };
  const backupDir = join(config.dataDir, 'backups');
  const hub = createHub({ db, clock, timeZone: config.timeZone, log, backupDir }, { appsDir: options.appsDir });
  let port: number;
  try {
    port = await hub.listen(config.port, config.host);
  } catch (e) {
    await hub.close();
    db.close();
    throw e;
  }
  const backups = scheduleBackups(db, {
    dir: backupDir,
    everyMs: 86_400_000,
    keep: BACKUPS_KEPT,
    clock,
    log,
  });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${shown}:${port}`;
  return {
    hub,
    db,
    port,
    generatedAdminPassword: seeded.generatedAdminPassword,
    urls: {
      counter: `${base}/counter`,
      display: `${base}/display`,
      newDevices: seeded.devices.map((d) => ({ name: d.name, url: `${base}${DEVICE_PAGES[d.kind]}?key=${encodeURIComponent(d.key)}` })),
    },
    async stop() {
      backups.stop();
      await hub.close();
      db.close();
    },
  };
}
