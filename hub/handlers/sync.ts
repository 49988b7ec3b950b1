// A client that saw a gap in revisions asks for a fresh snapshot of what its audience may see.
import type { Handler } from '../context';

const snapshot: Handler<'sync:snapshot'> = {
  who: ['anyone'],
  whilePasswordTemporary: true,
  reads: true,
  run(ctx) {
    return { reply: ctx.snapshot() };
  },
};

export const syncHandlers = { 'sync:snapshot': snapshot };
