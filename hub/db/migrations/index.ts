// Numbered migrations; the highest version applied is the database's `user_version`. A migration is SQL, or a
// function for the few steps SQL cannot do alone (hashing stored keys, rewriting the event log). Each names
// its version: a reordered or renumbered list is refused at start-up (checkMigrations) instead of silently
// applying a step under another number.
import type { Db } from '../connection';
import m001 from './001_queue';
import m002 from './002_cases';
import m003 from './003_printing';
import m004 from './004_admin';
import m005 from './005_withdrawn_cases_closed_faults';
import m006 from './006_survey';
import m007 from './007_intake_events_without_values';
import m008 from './008_report_indexes';
import m009 from './009_queue_lengths';
import m010 from './010_report_event_indexes';
import m011 from './011_ticket_report_facts';
import m012 from './012_report_hours_and_closing';
import m013 from './013_fewer_pages_per_ticket';
import m014 from './014_ticket_events_out_of_the_type_index';

export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Db) => void);
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'queue', up: m001 },
  { version: 2, name: 'cases', up: m002 },
  { version: 3, name: 'printing', up: m003 },
  { version: 4, name: 'admin', up: m004 },
  { version: 5, name: 'withdrawn_cases_closed_faults', up: m005 },
  { version: 6, name: 'survey', up: m006 },
  { version: 7, name: 'intake_events_without_values', up: m007 },
  { version: 8, name: 'report_indexes', up: m008 },
  { version: 9, name: 'queue_lengths', up: m009 },
  { version: 10, name: 'report_event_indexes', up: m010 },
  { version: 11, name: 'ticket_report_facts', up: m011 },
  { version: 12, name: 'report_hours_and_closing', up: m012 },
  { version: 13, name: 'fewer_pages_per_ticket', up: m013 },
  { version: 14, name: 'ticket_events_out_of_the_type_index', up: m014 },
];

/** Versions must run 1, 2, … n in the list's order, with no gap and no repeat. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration "${m.name}" carries version ${m.version} at place ${i + 1}: versions must run 1..${migrations.length} in order.`);
    }
  });
}
