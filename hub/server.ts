// Starts a hub from its configuration: opens (or creates and seeds) the database and listens.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { scheduleBackups } from './backup';
import { createHub, type Hub } from './createHub';
import type { HubConfig } from './config';
import { listDevices, openDatabase, type Db } from './db/index';
import { applySeed, readSeed } from './seed';

export interface RunningHub {
  hub: Hub;
  db: Db;
  port: number;
  urls: { counter: string; display: string; kiosks: { name: string; url: string }[] };
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
  let generatedAdminPassword: string | undefined;
  if (created) {
    generatedAdminPassword = db
      .transaction(() => applySeed(db, seed, config.adminPassword, clock().toISOString()))
      .immediate().generatedAdminPassword;
  }
  const hub = createHub({ db, clock, timeZone: config.timeZone, log }, { appsDir: options.appsDir });
  let port: number;
  try {
    port = await hub.listen(config.port, config.host);
  } catch (e) {
    await hub.close();
    db.close();
    throw e;
  }
  const backups = scheduleBackups(db, {
    dir: join(config.dataDir, 'backups'),
    everyMs: 86_400_000,
    keep: 14,
    clock,
    log,
  });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${shown}:${port}`;
  return {
    hub,
    db,
    port,
    generatedAdminPassword,
    urls: {
      counter: `${base}/counter`,
      display: `${base}/display`,
      kiosks: listDevices(db)
        .filter((d) => d.kind === 'kiosk')
        .map((d) => ({ name: d.name, url: `${base}/kiosk?key=${encodeURIComponent(d.key)}` })),
    },
    async stop() {
      backups.stop();
      await hub.close();
      db.close();
    },
  };
}
