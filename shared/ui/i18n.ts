// Bahasa Indonesia first, English switchable. Each app keeps its own dictionary; this is the mechanism.
import type { Lang } from '../protocol/errors';

export type Dictionary<K extends string> = Record<K, Record<Lang, string>>;

const STORAGE_KEY = 'antrian.lang';

export function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // A browser without storage simply starts in Indonesian next time.
  }
}

/** `t('ahead', { n: 3 })` with `{n}` placeholders. */
export function translator<K extends string>(dict: Dictionary<K>, lang: Lang) {
  return (key: K, params: Record<string, string | number> = {}): string =>
    dict[key][lang].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''));
}
