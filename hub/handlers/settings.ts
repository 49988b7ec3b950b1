// Admin-only: office texts and settings; the change reaches every screen live.
import { DomainError } from '../../shared/protocol/errors';
import { describeIssues, safeParseIn, settingsSchema } from '../../shared/protocol/schemas';
import { getOffice, getSettings, saveOffice, saveSettings } from '../db/index';
import type { Handler } from '../context';
import { expiredPersonalData } from '../retention';

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

// Nothing is blanked here: the job does that at the next office day or start. The count lets the admin see
// what a lower setting would cost before saving it.
const retentionPreview: Handler<'settings:retentionPreview'> = {
  who: ['admin'],
  reads: true,
  run(ctx, p) {
    return { reply: { retentionDays: p.retentionDays, cases: expiredPersonalData(ctx.db, ctx.today, p.retentionDays).length } };
  },
};

export const settingsHandlers = { 'settings:update': update, 'settings:retentionPreview': retentionPreview };
