// Start-up settings and the first-start seed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_TIMERS, loadConfig } from '../../hub/config';
import { getSettings, listCounters, listDevices, listServices, listUsers, openDatabase } from '../../hub/db/index';
import { applySeed, readSeed } from '../../hub/seed';

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'antrian-cfg-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('defaults to port 7400 on every interface, ./data and WIB', () => {
  const cwd = dir();
  expect(loadConfig({}, cwd)).toEqual({
    port: 7400,
    host: '0.0.0.0',
    dataDir: join(cwd, 'data'),
    adminPassword: undefined,
    seedFile: undefined,
    timeZone: 'Asia/Jakarta',
    limits: DEFAULT_LIMITS,
    allowedOrigins: [],
    timers: DEFAULT_TIMERS,
  });
});

it('reads the budgets, the connection cap and extra origins, and refuses nonsense', () => {
  const config = loadConfig(
    { ANTRIAN_BUDGET_STAFF: '200', ANTRIAN_MAX_CONN_PER_ADDRESS: '3', ANTRIAN_ALLOWED_ORIGINS: 'https://antrian.lpse.example/, http://10.0.0.5:7400' },
    dir(),
  );
  expect(config.limits).toEqual({ ...DEFAULT_LIMITS, budgets: { ...DEFAULT_LIMITS.budgets, staff: 200 }, maxConnectionsPerAddress: 3 });
  expect(config.allowedOrigins).toEqual(['https://antrian.lpse.example', 'http://10.0.0.5:7400']);
  expect(() => loadConfig({ ANTRIAN_BUDGET_KIOSK: '0' }, dir())).toThrow(/ANTRIAN_BUDGET_KIOSK/);
  expect(() => loadConfig({ ANTRIAN_ALLOWED_ORIGINS: 'evil' }, dir())).toThrow(/evil/);
});

it('reads a config file, with the environment winning, and rejects unknown keys and zones', () => {
  const cwd = dir();
  writeFileSync(join(cwd, 'antrian.config.json'), JSON.stringify({ PORT: 8000, ANTRIAN_TIMEZONE: 'Asia/Makassar' }));
  expect(loadConfig({ PORT: '8100' }, cwd)).toMatchObject({ port: 8100, timeZone: 'Asia/Makassar' });
  writeFileSync(join(cwd, 'antrian.config.json'), JSON.stringify({ PROT: 8000 }));
  expect(() => loadConfig({}, cwd)).toThrow(/PROT/);
  expect(() => loadConfig({ ANTRIAN_CONFIG: '/nonexistent', ANTRIAN_TIMEZONE: 'Mars/Base' }, dir())).toThrow();
  expect(() => loadConfig({ ANTRIAN_TIMEZONE: 'Mars/Base' }, dir())).toThrow(/Mars\/Base/);
});

it('seeds defaults without a seed file: A and B, Loket 1–3, an admin, one kiosk', () => {
  const { db } = openDatabase(join(dir(), 'db.sqlite'));
  const result = applySeed(db, null, undefined, '2026-11-24T00:00:00Z');
  expect(result.generatedAdminPassword).toMatch(/^\w{14}$/);
  expect(listServices(db).map((s) => `${s.code} ${s.name}`)).toEqual(['A Gangguan / Permasalahan', 'B Permintaan Informasi / Konsultasi']);
  expect(listCounters(db).map((c) => [c.name, c.number, c.serviceCodes])).toEqual([
    ['Loket 1', 1, ['A', 'B']],
    ['Loket 2', 2, ['A', 'B']],
    ['Loket 3', 3, ['A', 'B']],
  ]);
  expect(listUsers(db).map((u) => [u.username, u.role])).toEqual([['admin', 'admin']]);
  expect(listDevices(db).map((d) => d.kind)).toEqual(['kiosk']);
  expect(getSettings(db)).toMatchObject({ openingHours: 'always', priorityEnabled: false, kioskRateLimitPerMinute: 20 });
  db.close();
});

it('applies a seed file, numbering counters from their names, and catches typos', () => {
  const d = dir();
  const file = join(d, 'seed.json');
  writeFileSync(
    file,
    JSON.stringify({
      services: [{ code: 'C', name: 'Konsultasi' }],
      counters: [{ name: 'Meja 7', services: ['C'] }],
      users: [{ username: 'admin', password: 'x', name: 'Admin Kantor', role: 'admin' }],
      devices: [{ name: 'Kiosk', kind: 'kiosk', key: 'kunci-kiosk-lobi-0001', printer: { host: '10.0.0.9' } }],
      settings: { priorityEnabled: true },
    }),
  );
  const { db } = openDatabase(join(d, 'db.sqlite'));
  expect(applySeed(db, readSeed(file), 'ignored', '2026-11-24T00:00:00Z').generatedAdminPassword).toBeUndefined();
  expect(listCounters(db)[0]).toMatchObject({ name: 'Meja 7', number: 7, serviceCodes: ['C'] });
  expect(listUsers(db)).toEqual([expect.objectContaining({ username: 'admin', name: 'Admin Kantor' })]);
  expect(listDevices(db)[0]?.printer).toEqual({ host: '10.0.0.9', port: 9100, width: 80 });
  expect(getSettings(db).priorityEnabled).toBe(true);
  db.close();

  writeFileSync(file, JSON.stringify({ servics: [] }));
  expect(() => readSeed(file)).toThrow(/servics/);
  // A device key short enough to guess is refused.
  writeFileSync(file, JSON.stringify({ devices: [{ name: 'Kiosk', kind: 'kiosk', key: 'kiosk-01' }] }));
  expect(() => readSeed(file)).toThrow(/key/);
  // A counter the voice would call "loket nol", or two counters with one number, are refused.
  writeFileSync(file, JSON.stringify({ counters: [{ name: 'Loket', number: 0, services: ['A'] }] }));
  expect(() => readSeed(file)).toThrow(/number/);
  writeFileSync(file, JSON.stringify({ counters: [{ name: 'Helpdesk', services: ['A'] }] }));
  expect(() => applySeed(openDatabase(join(d, 'db3.sqlite')).db, readSeed(file), 'x', 'now')).toThrow(/1–999/);
  writeFileSync(file, JSON.stringify({ counters: [{ name: 'Loket 2', services: ['A'] }, { name: 'Meja 2', services: ['A'] }] }));
  expect(() => applySeed(openDatabase(join(d, 'db4.sqlite')).db, readSeed(file), 'x', 'now')).toThrow(/dua kali/);
  writeFileSync(file, JSON.stringify({ counters: [{ name: 'Loket 1', services: ['Z'] }] }));
  const other = openDatabase(join(d, 'db2.sqlite')).db;
  expect(() => applySeed(other, readSeed(file), 'x', 'now')).toThrow(/Z/);
  other.close();
});
