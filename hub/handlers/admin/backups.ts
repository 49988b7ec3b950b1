// A backup now, besides the daily one; the list is in the admin view.
import { basename } from 'node:path';
import { BACKUPS_KEPT, backupNow, listBackups } from '../../backup';
import type { Handler, HandlerContext } from '../../context';
import { adminEvent } from './common';

const now: Handler<'admin:backupNow'> = {
  who: ['admin'],
  run(ctx) {
    return {
      io: () =>
        backupNow(ctx.db, ctx.deps.backupDir, ctx.now, BACKUPS_KEPT).then((file) => (next: HandlerContext) => {
          const info = listBackups(next.deps.backupDir).find((b) => b.file === basename(file));
          if (!info) throw new Error(`backup ${file} is missing right after it was written`);
          adminEvent(next, 'backup', { file: info.file, bytes: info.bytes });
          return { reply: info, change: { admin: true } };
        }),
    };
  },
};

export const adminBackupHandlers = { 'admin:backupNow': now };
