import type { Role, StaffUser } from '../../shared/domain/types';
import type { Db } from './open';
import { sql } from './statements';

export interface UserWithHash extends StaffUser {
  passwordHash: string;
}

const COLUMNS = 'id, username, name, role, password_hash AS passwordHash';

export function insertUser(
  db: Db,
  u: { username: string; name: string; role: Role; passwordHash: string; createdAt: string },
): number {
  return Number(
    sql(db, 'INSERT INTO users (username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
      u.username,
      u.name,
      u.role,
      u.passwordHash,
      u.createdAt,
    ).lastInsertRowid,
  );
}

export function findUserByUsername(db: Db, username: string): UserWithHash | undefined {
  return sql(db, `SELECT ${COLUMNS} FROM users WHERE username = ? AND active = 1`).get(username) as
    | UserWithHash
    | undefined;
}

export function listUsers(db: Db): StaffUser[] {
  return sql(db, 'SELECT id, username, name, role FROM users WHERE active = 1 ORDER BY name').all() as StaffUser[];
}

export function insertSession(db: Db, s: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }): void {
  sql(db, 'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    s.tokenHash,
    s.userId,
    s.createdAt,
    s.expiresAt,
  );
}

export function findSessionUser(db: Db, tokenHash: string, now: string): StaffUser | undefined {
  return sql(
    db,
    `SELECT u.id, u.username, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
  ).get(tokenHash, now) as StaffUser | undefined;
}

export function deleteSession(db: Db, tokenHash: string): void {
  sql(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}
