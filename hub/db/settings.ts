import { RETENTION_DAYS } from '../../shared/domain/caseRules';
import type { Office, Settings } from '../../shared/domain/types';
import type { Db, ReadDb } from './connection';
import { sql } from './statements';

export const DEFAULT_SETTINGS: Settings = {
  publicUrl: '',
  headName: '',
  headNip: '',
  priorityEnabled: false,
  kioskRateLimitPerMinute: 20,
  runningText: 'Selamat datang di Layanan Pengadaan Secara Elektronik (LPSE). Silakan ambil nomor antrian.',
  ticketFooter: 'Terima kasih. Mohon menunggu panggilan.',
  voice: 'clips',
  openingHours: 'always',
  ticketHoldSeconds: 15,
  ticketQr: true,
  surveyEnabled: true,
  retentionDays: RETENTION_DAYS.default,
};

export const DEFAULT_OFFICE: Office = { name: 'LPSE Kota Batam', address: '' };

function read<T>(db: ReadDb, key: string, fallback: T): T {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : fallback;
}

function write(db: Db, key: string, value: unknown): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function getSettings(db: ReadDb): Settings {
  return { ...DEFAULT_SETTINGS, ...read<Partial<Settings>>(db, 'settings', {}) };
}

export function saveSettings(db: Db, settings: Settings): void {
  write(db, 'settings', settings);
}

export function getOffice(db: ReadDb): Office {
  return read(db, 'office', DEFAULT_OFFICE);
}

export function saveOffice(db: Db, office: Office): void {
  write(db, 'office', office);
}
