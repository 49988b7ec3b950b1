// How long something has waited or stayed open, as staff read it at a glance: "12 mnt", "2 j 5 mnt",
// "3 hari 4 j". Rounded down to whole minutes; under a minute is "< 1 mnt".
import type { Lang } from '../protocol/errors';

const UNITS = {
  id: { day: 'hari', hour: 'j', minute: 'mnt' },
  en: { day: 'd', hour: 'h', minute: 'min' },
} as const;

export function formatDuration(ms: number, lang: Lang): string {
  const u = UNITS[lang];
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return `< 1 ${u.minute}`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} ${u.day} ${hours} ${u.hour}` : `${days} ${u.day}`;
  if (hours > 0) return rest > 0 ? `${hours} ${u.hour} ${rest} ${u.minute}` : `${hours} ${u.hour}`;
  return `${rest} ${u.minute}`;
}
