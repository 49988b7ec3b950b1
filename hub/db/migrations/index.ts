// Numbered migrations, applied in order; the count applied is the database's `user_version`. A migration
// is SQL, or a function for the few steps SQL cannot do alone (hashing stored keys).
import type { Db } from '../open';
import m001 from './001_queue';
import m002 from './002_cases';
import m003 from './003_printing';
import m004 from './004_admin';
import m005 from './005_withdrawn_cases_closed_faults';
import m006 from './006_survey';
import m007 from './007_queue_lengths';

export type Migration = string | ((db: Db) => void);

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007];
