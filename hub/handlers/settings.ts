// Admin-only: office texts and settings; the change reaches every screen live.
import { DomainError } from '../../shared/protocol/errors';
import { describeIssues, safeParseIn, settingsSchema } from '../../shared/protocol/schemas';
import { getOffice, getSettings, saveOffice, saveSettings } from '../db/index';
import type { Handler } from '../context';

const update: Handler<'settings:update'> = {
  who: ['admin'],
  run(ctx, p) {
    const office = p.office ?? getOffice(ctx.db);
    const merged = safeParseIn(settingsSchema, { ...getSettings(ctx.db), ...p.settings }, ctx.lang);
    if (!merged.success) throw new DomainError('SETTINGS_INVALID', { detail: describeIssues(merged.error) });
    if (p.office) saveOffice(ctx.db, office);
    if (p.settings) saveSettings(ctx.db, merged.data);
    return {
      reply: { office, settings: merged.data },
      change: { settings: p.settings !== undefined, office: p.office !== undefined },
    };
  },
};

export const settingsHandlers = { 'settings:update': update };
