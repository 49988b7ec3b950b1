import type { AdminUser, Role, StaffUser } from '../../shared/domain/types';
import type { Db, ReadDb } from './connection';
import { sql } from './statements';

export interface UserWithHash extends StaffUser {
  passwordHash: string;
  /** Non-null while the password is a temporary one an admin gave: it must be changed before anything else. */
  tempExpiresAt: string | null;
}

const COLUMNS = 'id, username, name, role, password_hash AS passwordHash, temp_expires_at AS tempExpiresAt';

export function insertUser(
  db: Db,
  u: { username: string; name: string; role: Role; passwordHash: string; tempExpiresAt: string | null; createdAt: string },
): number {
  return Number(
    sql(
      db,
      'INSERT INTO users (username, name, role, password_hash, temp_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(u.username, u.name, u.role, u.passwordHash, u.tempExpiresAt, u.createdAt).lastInsertRowid,
  );
}

/** Usernames are told apart without regard to case: `Admin` is `admin`. */
export function findUserByUsername(db: ReadDb, username: string): UserWithHash | undefined {
  return sql(db, `SELECT ${COLUMNS} FROM users WHERE username = ? COLLATE NOCASE AND active = 1`).get(username) as
    | UserWithHash
    | undefined;
}

export function usernameTaken(db: ReadDb, username: string): boolean {
  return sql(db, 'SELECT 1 FROM users WHERE username = ? COLLATE NOCASE').get(username) !== undefined;
}

export function getUserWithHash(db: ReadDb, id: number): UserWithHash | undefined {
  return sql(db, `SELECT ${COLUMNS} FROM users WHERE id = ? AND active = 1`).get(id) as UserWithHash | undefined;
}

export function listUsers(db: ReadDb): StaffUser[] {
  return sql(db, 'SELECT id, username, name, role FROM users WHERE active = 1 ORDER BY name').all() as StaffUser[];
}

interface AdminUserRow extends StaffUser {
  active: number;
  tempExpiresAt: string | null;
}

export function listAdminUsers(db: ReadDb): AdminUser[] {
  const rows = sql(
    db,
    'SELECT id, username, name, role, active, temp_expires_at AS tempExpiresAt FROM users ORDER BY active DESC, username',
  ).all() as AdminUserRow[];
  return rows.map((r) => ({ ...r, active: r.active === 1, ownPassword: r.tempExpiresAt === null }));
}

export function getAdminUser(db: ReadDb, id: number): AdminUser | undefined {
  return listAdminUsers(db).find((u) => u.id === id);
}

export function updateUser(db: Db, id: number, u: { name: string; role: Role }): void {
  sql(db, 'UPDATE users SET name = ?, role = ? WHERE id = ?').run(u.name, u.role, id);
}

export function setUserPassword(db: Db, id: number, passwordHash: string, tempExpiresAt: string | null): void {
  sql(db, 'UPDATE users SET password_hash = ?, temp_expires_at = ? WHERE id = ?').run(passwordHash, tempExpiresAt, id);
}

export function setUserActive(db: Db, id: number, active: boolean): void {
  sql(db, 'UPDATE users SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
}

/** Active admins other than `exceptId` who have set their own password: those who can sign in for sure. */
export function countUsableAdmins(db: ReadDb, exceptId: number): number {
  return (
    sql(db, `SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND temp_expires_at IS NULL AND id != ?`).get(exceptId) as {
      n: number;
    }
  ).n;
}

export function insertSession(db: Db, s: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }): void {
  sql(db, 'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    s.tokenHash,
    s.userId,
    s.createdAt,
    s.expiresAt,
  );
}

/** Keeps a user's newest `keep` sessions: signing in again and again never grows the table without end. */
export function trimSessions(db: Db, userId: number, keep: number): string[] {
  const old = sql(
    db,
    'SELECT token_hash AS tokenHash FROM sessions WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?',
  ).all(userId, keep) as { tokenHash: string }[];
  for (const s of old) deleteSession(db, s.tokenHash);
  return old.map((s) => s.tokenHash);
}

export interface SessionUser {
  user: StaffUser;
  /** The session was opened with a temporary password that has not been changed yet. */
  passwordChangeRequired: boolean;
}

export function findSessionUser(db: ReadDb, tokenHash: string, now: string): SessionUser | undefined {
  const row = sql(
    db,
    `SELECT u.id, u.username, u.name, u.role, u.temp_expires_at AS tempExpiresAt FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
  ).get(tokenHash, now) as (StaffUser & { tempExpiresAt: string | null }) | undefined;
  if (!row) return undefined;
  const { tempExpiresAt, ...user } = row;
  return { user, passwordChangeRequired: tempExpiresAt !== null };
}

export function deleteSession(db: Db, tokenHash: string): void {
  sql(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

/** Ends every session of a user but `except`; returns the ended sessions' token hashes. */
export function deleteUserSessions(db: Db, userId: number, except: string | null = null): string[] {
  const rows = sql(db, 'SELECT token_hash AS tokenHash FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').all(
    userId,
    except,
  ) as { tokenHash: string }[];
  sql(db, 'DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, except);
  return rows.map((r) => r.tokenHash);
}
