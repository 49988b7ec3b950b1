// A backup now, besides the daily one; the list is in the admin view. Asked while one runs (another admin's,
// or the daily one), the answer is that backup.
import { DomainError } from '../../../shared/protocol/errors';
import type { Handler, HandlerContext } from '../../context';
import { adminEvent } from '../../operations/adminLog';

const now: Handler<'admin:backupNow'> = {
  who: ['admin'],
  run(ctx) {
    return {
      io: () =>
        ctx.deps.backups.now().then(
          (info) => (next: HandlerContext) => {
            adminEvent(next, 'backup', { file: info.file, bytes: info.bytes });
            return { reply: info, change: { admin: true } };
          },
          // Why is in the hub's log; the admin learns that there is no new backup.
          () => () => {
            throw new DomainError('BACKUP_FAILED');
          },
        ),
    };
  },
};

export const adminBackupHandlers = { 'admin:backupNow': now };
