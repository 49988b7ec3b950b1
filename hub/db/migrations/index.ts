// Numbered migrations, applied in order; the count applied is the database's `user_version`.
import m001 from './001_queue';

export const MIGRATIONS: readonly string[] = [m001];
