// Staff sign-in, sign-out and password changes. Password checks run off the event loop (see passwords.ts):
// the first transaction decides whether to try, the check runs after it, and a second one records the
// outcome. Sign-in attempts are limited per username *and address*, and per address: someone guessing
// `admin` from one PC never keeps the real admin out at another.
import { ROLES } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import {
  appendEvent,
  deleteSession,
  deleteUserSessions,
  findSessionUser,
  findUserByUsername,
  getUserWithHash,
  insertSession,
  setUserPassword,
  trimSessions,
} from '../db/index';
import type { Handler, HandlerContext } from '../context';
import { afterHashing } from '../operations/passwordHashing';
import { dummyHash, hashPassword, hashToken, newToken, verifyPassword } from '../passwords';

const ATTEMPTS_PER_USERNAME_AND_ADDRESS = 5;
const ATTEMPTS_PER_ADDRESS = 20;
const SESSION_DAYS = 7;
/** Sessions a user may hold at once (a PC each, say); signing in again retires the oldest. */
const SESSIONS_PER_USER = 10;
export const MIN_PASSWORD_LENGTH = 8;

const login: Handler<'auth:login'> = {
  who: ['anyone'],
  run(ctx, p) {
    const nowMs = ctx.now.getTime();
    const pairKey = `user:${p.username.toLowerCase()}\naddress:${ctx.address}`;
    const addressKey = `address:${ctx.address}`;
    // Every attempt counts until it succeeds, so a burst sent at once cannot outrun the limit.
    const wait =
      ctx.limits.login.take(addressKey, ATTEMPTS_PER_ADDRESS, nowMs) ||
      ctx.limits.login.take(pairKey, ATTEMPTS_PER_USERNAME_AND_ADDRESS, nowMs);
    if (wait) throw new DomainError('LOGIN_RATE_LIMITED', { seconds: String(wait) });

    const found = findUserByUsername(ctx.db, p.username);
    return afterHashing(
      async () => (await verifyPassword(p.password, found?.passwordHash ?? dummyHash(ctx.deps.passwordCost))) && found !== undefined,
      (valid) => (next) => {
        const user = valid && found ? getUserWithHash(next.db, found.id) : undefined;
        if (!user || user.passwordHash !== found?.passwordHash) throw new DomainError('LOGIN_FAILED');
        if (user.tempExpiresAt !== null && user.tempExpiresAt <= next.nowIso) throw new DomainError('PASSWORD_TEMP_EXPIRED');
        next.limits.login.clear(pairKey);
        const token = newToken();
        const tokenHash = hashToken(token);
        insertSession(next.db, {
          tokenHash,
          userId: user.id,
          createdAt: next.nowIso,
          expiresAt: new Date(next.now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
        });
        next.endSessions(trimSessions(next.db, user.id, SESSIONS_PER_USER));
        const staff = { id: user.id, username: user.username, name: user.name, role: user.role };
        const passwordChangeRequired = user.tempExpiresAt !== null;
        next.setSession({ kind: 'staff', user: staff, tokenHash, passwordChangeRequired });
        return { reply: { token, user: staff, passwordChangeRequired } };
      },
    );
  },
};

const logout: Handler<'auth:logout'> = {
  who: ROLES,
  whilePasswordTemporary: true,
  run(ctx) {
    if (ctx.session.kind === 'staff') {
      deleteSession(ctx.db, ctx.session.tokenHash);
      ctx.endSession(ctx.session.tokenHash);
    }
    ctx.setSession({ kind: 'display', device: null });
    return { reply: {} };
  },
};

function signedInUser(ctx: HandlerContext) {
  const session = ctx.session;
  if (session.kind !== 'staff') throw new DomainError('NOT_AUTHENTICATED');
  const user = getUserWithHash(ctx.db, session.user.id);
  if (!user) throw new DomainError('SESSION_EXPIRED');
  return { session, user };
}

/**
 * Every user sets their own password: right after signing in with a temporary one (which needs no
 * `current`: it was just given), or later by giving the current one. Other sessions of the user end.
 */
const changePassword: Handler<'auth:changePassword'> = {
  who: ROLES,
  whilePasswordTemporary: true,
  run(ctx, p) {
    const { session, user } = signedInUser(ctx);
    if (p.next.length < MIN_PASSWORD_LENGTH) throw new DomainError('PASSWORD_TOO_SHORT', { min: String(MIN_PASSWORD_LENGTH) });
    const needsCurrent = !session.passwordChangeRequired;
    if (needsCurrent && !p.current) throw new DomainError('PASSWORD_WRONG');
    // Guessing the current password from an unattended session is limited like signing in.
    const guessKey = `password:${user.id}`;
    const wait = needsCurrent ? ctx.limits.login.take(guessKey, ATTEMPTS_PER_USERNAME_AND_ADDRESS, ctx.now.getTime()) : 0;
    if (wait) throw new DomainError('LOGIN_RATE_LIMITED', { seconds: String(wait) });
    return afterHashing(
      async () => {
        // The current password first: a wrong one costs one hash, not three.
        if (needsCurrent && !(await verifyPassword(p.current ?? '', user.passwordHash))) return null;
        if (await verifyPassword(p.next, user.passwordHash)) return 'same' as const;
        return hashPassword(p.next, ctx.deps.passwordCost);
      },
      (hash) => (next) => {
        if (hash === null) throw new DomainError('PASSWORD_WRONG');
        if (hash === 'same') throw new DomainError('PASSWORD_SAME');
        // An admin's reset, or the end of this session, while the hash was computed wins over this change.
        const now = getUserWithHash(next.db, user.id);
        if (now?.passwordHash !== user.passwordHash || !findSessionUser(next.db, session.tokenHash, next.nowIso)) {
          throw new DomainError('SESSION_EXPIRED');
        }
        next.limits.login.clear(guessKey);
        setUserPassword(next.db, user.id, hash, null);
        next.endSessions(deleteUserSessions(next.db, user.id, session.tokenHash));
        appendEvent(next.db, { at: next.nowIso, type: 'auth.password', userId: user.id, data: { wasTemporary: !needsCurrent } });
        next.setSession({ ...session, passwordChangeRequired: false });
        return { reply: { user: session.user }, change: { admin: true } };
      },
    );
  },
};

export const authHandlers = { 'auth:login': login, 'auth:logout': logout, 'auth:changePassword': changePassword };
