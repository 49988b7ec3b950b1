// Staff accounts. The admin never chooses or sees a lasting password: a new account, or a reset, gets a
// one-time temporary password (valid 7 days) that its owner must replace before the hub accepts anything
// else from them. Deactivating ends the person's sessions at once and frees the counter they held; nothing
// with history is deleted, and the last active admin stays.
import type { AdminUser } from '../../../shared/domain/types';
import { DomainError } from '../../../shared/protocol/errors';
import type { TempPasswordReply } from '../../../shared/protocol/events';
import {
  countActiveAdmins,
  deleteUserSessions,
  findCounterHeldBy,
  getAdminUser,
  insertUser,
  listOpenCasesOwnedBy,
  setUserActive,
  setUserPassword,
  updateUser,
  usernameTaken,
} from '../../db/index';
import type { Change, Handler, HandlerContext } from '../../context';
import { generatePassword, hashPassword, tempPasswordExpiry } from '../../passwords';
import { afterHashing } from '../auth';
import { releaseCounter } from '../counters';
import { adminEvent, remember, repeated } from './common';

/** Staff screens list officers (reassigning, filters): they get the new list. */
const STAFF_CHANGED: Change = { resync: ['staff'], admin: true };

function userOrRefuse(ctx: HandlerContext, userId: number): AdminUser {
  const user = getAdminUser(ctx.db, userId);
  if (!user) throw new DomainError('USER_NOT_FOUND');
  return user;
}

/** The last active admin keeps the role and the account: someone must be able to run the office. */
function keepAnAdmin(ctx: HandlerContext, user: AdminUser): void {
  if (user.active && user.role === 'admin' && countActiveAdmins(ctx.db) <= 1) throw new DomainError('LAST_ADMIN', { field: 'role' });
}

const create: Handler<'admin:userCreate'> = {
  who: ['admin'],
  run(ctx, { requestId, ...p }) {
    const again = repeated<'admin:userCreate'>(ctx, requestId);
    if (again) return again;
    if (usernameTaken(ctx.db, p.username)) throw new DomainError('DUPLICATE', { field: 'username', value: p.username });
    const tempPassword = generatePassword();
    return afterHashing(
      () => hashPassword(tempPassword),
      (passwordHash) => (next) => {
        // Checked again: another admin may have taken the name while the password was hashed.
        if (usernameTaken(next.db, p.username)) throw new DomainError('DUPLICATE', { field: 'username', value: p.username });
        const expiresAt = tempPasswordExpiry(next.now);
        const id = insertUser(next.db, { ...p, passwordHash, tempExpiresAt: expiresAt, createdAt: next.nowIso });
        adminEvent(next, 'user.create', { username: p.username, name: p.name, role: p.role }, { userId: id });
        const reply: TempPasswordReply = { user: userOrRefuse(next, id), tempPassword, expiresAt };
        return remember(next, requestId, { reply, change: STAFF_CHANGED });
      },
    );
  },
};

const update: Handler<'admin:userUpdate'> = {
  who: ['admin'],
  run(ctx, { userId, ...p }) {
    const user = userOrRefuse(ctx, userId);
    if (p.role !== user.role) keepAnAdmin(ctx, user);
    updateUser(ctx.db, userId, p);
    // A new role reaches other sections: the person signs in again to get them.
    if (p.role !== user.role) ctx.endSessions(deleteUserSessions(ctx.db, userId));
    adminEvent(ctx, 'user.update', { username: user.username, ...p }, { userId });
    return { reply: userOrRefuse(ctx, userId), change: STAFF_CHANGED };
  },
};

const resetPassword: Handler<'admin:userResetPassword'> = {
  who: ['admin'],
  run(ctx, p) {
    const user = userOrRefuse(ctx, p.userId);
    const tempPassword = generatePassword();
    return afterHashing(
      () => hashPassword(tempPassword),
      (passwordHash) => (next) => {
        const expiresAt = tempPasswordExpiry(next.now);
        setUserPassword(next.db, user.id, passwordHash, expiresAt);
        next.endSessions(deleteUserSessions(next.db, user.id));
        adminEvent(next, 'user.resetPassword', { username: user.username }, { userId: user.id });
        const reply: TempPasswordReply = { user: userOrRefuse(next, user.id), tempPassword, expiresAt };
        return { reply, change: { admin: true } };
      },
    );
  },
};

const deactivate: Handler<'admin:userDeactivate'> = {
  who: ['admin'],
  run(ctx, p) {
    const user = userOrRefuse(ctx, p.userId);
    if (!user.active) return { reply: { user, openCases: listOpenCasesOwnedBy(ctx.db, user.id) } };
    keepAnAdmin(ctx, user);
    setUserActive(ctx.db, user.id, false);
    ctx.endSessions(deleteUserSessions(ctx.db, user.id));
    const held = findCounterHeldBy(ctx.db, user.id);
    const ticketIds = held ? releaseCounter(ctx, held) : [];
    adminEvent(ctx, 'user.deactivate', { username: user.username, releasedCounterId: held?.id ?? null }, { userId: user.id });
    return {
      reply: { user: userOrRefuse(ctx, user.id), openCases: listOpenCasesOwnedBy(ctx.db, user.id) },
      change: {
        ...STAFF_CHANGED,
        ...(held ? { counterIds: [held.id], ticketIds, waiting: true, resync: ['staff', 'display'] } : {}),
      },
    };
  },
};

const reactivate: Handler<'admin:userReactivate'> = {
  who: ['admin'],
  run(ctx, p) {
    const user = userOrRefuse(ctx, p.userId);
    setUserActive(ctx.db, user.id, true);
    if (!user.active) adminEvent(ctx, 'user.reactivate', { username: user.username }, { userId: user.id });
    return { reply: userOrRefuse(ctx, user.id), change: STAFF_CHANGED };
  },
};

export const adminStaffHandlers = {
  'admin:userCreate': create,
  'admin:userUpdate': update,
  'admin:userResetPassword': resetPassword,
  'admin:userDeactivate': deactivate,
  'admin:userReactivate': reactivate,
};

