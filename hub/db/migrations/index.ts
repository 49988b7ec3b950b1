// Numbered migrations, applied in order; the count applied is the database's `user_version`.
import m001 from './001_queue';
import m002 from './002_cases';
import m003 from './003_printing';
import m005 from './005_withdrawn_cases_closed_faults';

export const MIGRATIONS: readonly string[] = [m001, m002, m003, m005];
