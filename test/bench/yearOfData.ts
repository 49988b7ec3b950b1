// A data folder holding about a year of an office's data — by default 100,000 tickets over 250 office days,
// 20,000 cases and their events — written straight into a new hub database, for the start-up figure.
import { join } from 'node:path';
import { openDatabase } from '../../hub/db/index';
import { getSettings, saveSettings } from '../../hub/db/settings';
import { applySeed } from '../../hub/seed';
import { RETENTION_DAYS } from '../../shared/domain/caseRules';

export function yearOfData(dataDir: string, tickets = 100_000, cases = 20_000, seed: Parameters<typeof applySeed>[1] = null): void {
  const { db } = openDatabase(join(dataDir, 'antrian.sqlite'));
  const now = '2026-11-24T01:00:00.000Z';
  db.transaction(() => applySeed(db, seed, 'bench-admin-password', now)).immediate();
  // The days below are fixed (December 2025 onwards): with the default retention their closed cases would
  // start being blanked, and the file compacted, at the hub's start from December 2026, and the start-up
  // figure would time that instead of a start. The retention job has its own tests.
  saveSettings(db, { ...getSettings(db), retentionDays: RETENTION_DAYS.max });
  const days = 250;
  const perDay = Math.ceil(tickets / days);
  const insertTicket = db.prepare(
    `INSERT INTO tickets (office_day, number, service_code, priority, status, issued_at, queued_at, called_at, serving_at,
       finished_at, counter_id, recall_count, requester, request_id)
     VALUES (?, ?, ?, 0, 'done', ?, ?, ?, ?, ?, 1, 0, 'bench', ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (at, type, ticket_id, counter_id, case_id, user_id, from_status, to_status, sop_step, data)
     VALUES (?, ?, ?, 1, ?, 1, ?, ?, ?, '{}')`,
  );
  const insertCase = db.prepare(
    `INSERT INTO cases (reference, status, owner_id, opened_by, ticket_id, opened_at, opened_day, updated_at, closed_day, revision,
       intake_at, visitor_name, visitor_type, category, title)
     VALUES (?, 'closed', 1, 1, ?, ?, ?, ?, ?, 3, ?, 'Pengunjung', 'penyedia', 'gangguan', 'Tidak bisa masuk SPSE')`,
  );
  const caseEvery = Math.max(1, Math.floor(tickets / cases));
  db.transaction(() => {
    let n = 0;
    for (let d = 0; d < days && n < tickets; d++) {
      const day = new Date(Date.UTC(2025, 11, 1) + d * 86_400_000).toISOString().slice(0, 10);
      for (let i = 1; i <= perDay && n < tickets; i++, n++) {
        const at = `${day}T0${1 + (i % 8)}:00:00.000Z`;
        const id = Number(insertTicket.run(day, `A-${String(i).padStart(3, '0')}`, 'A', at, at, at, at, at, `bench-${n}`).lastInsertRowid);
        insertEvent.run(at, 'ticket.issue', id, null, null, 'waiting', 2);
        insertEvent.run(at, 'ticket.call', id, null, 'waiting', 'called', 2);
        insertEvent.run(at, 'ticket.start', id, null, 'called', 'serving', 3);
        insertEvent.run(at, 'ticket.finish', id, null, 'serving', 'done', 3);
        if (n % caseEvery === 0 && n / caseEvery < cases) {
          const caseId = Number(insertCase.run(`K-B-${String(n).padStart(7, '0')}`, id, at, day, at, day, at).lastInsertRowid);
          insertEvent.run(at, 'case.open', id, caseId, null, 'open', 3);
          insertEvent.run(at, 'case.resolve', null, caseId, 'open', 'resolved', 6);
          insertEvent.run(at, 'case.close', null, caseId, 'resolved', 'closed', 9);
        }
      }
    }
  }).immediate();
  db.close();
}
