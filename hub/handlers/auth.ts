// Staff sign-in and sign-out. Sign-in is rate-limited per username and per address.
import { ROLES } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import { deleteSession, findUserByUsername, insertSession } from '../db/index';
import type { Handler } from '../context';
import { DUMMY_HASH, hashToken, newToken, verifyPassword } from '../passwords';

const FAILURES_PER_USERNAME = 5;
const FAILURES_PER_ADDRESS = 20;
const SESSION_DAYS = 7;

const login: Handler<'auth:login'> = {
  who: ['anyone'],
  run(ctx, p) {
    const nowMs = ctx.now.getTime();
    const userKey = `user:${p.username.toLowerCase()}`;
    const addressKey = `address:${ctx.address}`;
    const blocked =
      ctx.limits.login.count(userKey, nowMs) >= FAILURES_PER_USERNAME ||
      ctx.limits.login.count(addressKey, nowMs) >= FAILURES_PER_ADDRESS;
    if (blocked) throw new DomainError('LOGIN_RATE_LIMITED', { seconds: '60' });

    const user = findUserByUsername(ctx.db, p.username);
    const valid = verifyPassword(p.password, user?.passwordHash ?? DUMMY_HASH) && user !== undefined;
    if (!valid) {
      ctx.limits.login.take(userKey, Infinity, nowMs);
      ctx.limits.login.take(addressKey, Infinity, nowMs);
      throw new DomainError('LOGIN_FAILED');
    }
    ctx.limits.login.clear(userKey);
    const token = newToken();
    const tokenHash = hashToken(token);
    insertSession(ctx.db, {
      tokenHash,
      userId: user.id,
      createdAt: ctx.nowIso,
      expiresAt: new Date(nowMs + SESSION_DAYS * 86_400_000).toISOString(),
    });
    const staff = { id: user.id, username: user.username, name: user.name, role: user.role };
    ctx.setSession({ kind: 'staff', user: staff, tokenHash });
    return { reply: { token, user: staff } };
  },
};

const logout: Handler<'auth:logout'> = {
  who: ROLES,
  run(ctx) {
    if (ctx.session.kind === 'staff') {
      deleteSession(ctx.db, ctx.session.tokenHash);
      ctx.endSession(ctx.session.tokenHash);
    }
    ctx.setSession({ kind: 'display', device: null });
    return { reply: {} };
  },
};

export const authHandlers = { 'auth:login': login, 'auth:logout': logout };
