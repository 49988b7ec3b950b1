// Staff accounts. The admin never chooses or sees a lasting password: a new account, or a reset, gets a
// one-time temporary password (valid 7 days) that its owner must replace before the hub accepts anything
// else from them. Deactivating ends the person's sessions at once and frees the counter they held; nothing
// with history is deleted, and the last active admin stays.
import type { AdminUser } from '../../../shared/domain/types';
import { DomainError } from '../../../shared/protocol/errors';
import type { TempPasswordReply } from '../../../shared/protocol/events';
import {
  countUsableAdmins,
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
import { COUNTER_ROLES, staffUser, type Change, type Handler, type HandlerContext } from '../../context';
import { adminEvent } from '../../operations/adminLog';
import { releaseCounter } from '../../operations/counterRelease';
import { afterHashing } from '../../operations/passwordHashing';
import { generatePassword, hashPassword, tempPasswordExpiry } from '../../passwords';
import { createRequest, remember, repeated } from './common';

/** Staff screens list officers (reassigning, filters): they get the new list. */
const STAFF_CHANGED: Change = { resync: ['staff'], admin: true };

function userOrRefuse(ctx: HandlerContext, userId: number): AdminUser {
  const user = getAdminUser(ctx.db, userId);
  if (!user) throw new DomainError('USER_NOT_FOUND');
  return user;
}

/**
 * Someone must be able to run the office: an admin's role or account goes only while another active admin
 * who has set their own password remains (one with a temporary password may never sign in).
 */
function keepAnAdmin(ctx: HandlerContext, user: AdminUser): void {
  if (user.active && user.role === 'admin' && countUsableAdmins(ctx.db, user.id) === 0) throw new DomainError('LAST_ADMIN', { field: 'role' });
}

/** An admin's own account is changed from the password screen, never reset or retired from this list. */
function notMine(ctx: HandlerContext, user: AdminUser): void {
  if (user.id === staffUser(ctx).id) throw new DomainError('OWN_ACCOUNT');
}

/** A person whose new role holds no counter, or who leaves, frees the counter they held. */
function freeCounter(ctx: HandlerContext, userId: number): Change {
  const held = findCounterHeldBy(ctx.db, userId);
  if (!held) return {};
  return { counterIds: [held.id], ticketIds: releaseCounter(ctx, held), waiting: true, resync: ['staff', 'display'] };
}

const create: Handler<'admin:userCreate'> = {
  who: ['admin'],
  retryGetsFirstReply: true,
  run(ctx, payload) {
    const request = createRequest('admin:userCreate', payload);
    const again = repeated(ctx, request);
    if (again) return again;
    const { requestId: _id, ...p } = payload;
    if (usernameTaken(ctx.db, p.username)) throw new DomainError('DUPLICATE', { field: 'username', value: p.username });
    const tempPassword = generatePassword();
    return afterHashing(
      () => hashPassword(tempPassword, ctx.deps.passwordCost),
      (passwordHash) => (next) => {
        // Checked again while the password was hashed: a retry of this request may have made the account
        // already, or another admin taken the name.
        const made = repeated(next, request);
        if (made) return made;
        if (usernameTaken(next.db, p.username)) throw new DomainError('DUPLICATE', { field: 'username', value: p.username });
        const expiresAt = tempPasswordExpiry(next.now);
        const id = insertUser(next.db, { ...p, passwordHash, tempExpiresAt: expiresAt, createdAt: next.nowIso });
        adminEvent(next, 'user.create', { username: p.username, name: p.name, role: p.role }, { userId: id });
        const reply: TempPasswordReply = { user: userOrRefuse(next, id), tempPassword, expiresAt };
        return remember(next, request, { reply, change: STAFF_CHANGED });
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
    const freed = (COUNTER_ROLES as readonly string[]).includes(p.role) ? {} : freeCounter(ctx, userId);
    adminEvent(ctx, 'user.update', { username: user.username, ...p }, { userId });
    return { reply: userOrRefuse(ctx, userId), change: { ...STAFF_CHANGED, ...freed } };
  },
};

const resetPassword: Handler<'admin:userResetPassword'> = {
  who: ['admin'],
  run(ctx, p) {
    const user = userOrRefuse(ctx, p.userId);
    notMine(ctx, user);
    const tempPassword = generatePassword();
    return afterHashing(
      () => hashPassword(tempPassword, ctx.deps.passwordCost),
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
    notMine(ctx, user);
    keepAnAdmin(ctx, user);
    setUserActive(ctx.db, user.id, false);
    ctx.endSessions(deleteUserSessions(ctx.db, user.id));
    const freed = freeCounter(ctx, user.id);
    adminEvent(ctx, 'user.deactivate', { username: user.username, releasedCounterId: freed.counterIds?.[0] ?? null }, { userId: user.id });
    return {
      reply: { user: userOrRefuse(ctx, user.id), openCases: listOpenCasesOwnedBy(ctx.db, user.id) },
      change: { ...STAFF_CHANGED, ...freed },
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

