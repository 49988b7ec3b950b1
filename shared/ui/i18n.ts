// Bahasa Indonesia first, English switchable. Each app keeps its own dictionary; this is the mechanism.
import { useMemo } from 'react';
import type { Lang } from '../protocol/errors';

export type Dictionary<K extends string> = Record<K, Record<Lang, string>>;

/** Each app remembers its own choice: staff switching to English on a shared browser leaves the TV in Indonesian. */
export type LangApp = 'kiosk' | 'display' | 'staff' | 'visitor';

const storageKey = (app: LangApp) => `antrian.lang.${app}`;

export function initialLang(app: LangApp): Lang {
  try {
    return localStorage.getItem(storageKey(app)) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function rememberLang(lang: Lang, app: LangApp): void {
  try {
    localStorage.setItem(storageKey(app), lang);
  } catch {
    // A browser without storage simply starts in Indonesian next time.
  }
}

/** `t('ahead', { n: 3 })` with `{n}` placeholders. */
export function translator<K extends string>(dict: Dictionary<K>, lang: Lang) {
  return (key: K, params: Record<string, string | number> = {}): string =>
    dict[key][lang].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''));
}

/** An app's `t()` for the language its store holds: each app's `useT` is this with its dictionary. */
export function useTranslator<K extends string>(dict: Dictionary<K>, lang: Lang) {
  return useMemo(() => translator(dict, lang), [dict, lang]);
}

type Underscored<K extends string> = K extends `${infer A}.${infer B}` ? `${A}_${Underscored<B>}` : K;

/** A table of words the hub shares (case statuses, …) as dictionary entries `<prefix><code>`, dots made `_`. */
export function keyed<P extends string, K extends string>(prefix: P, words: Dictionary<K>): Dictionary<`${P}${Underscored<K>}`> {
  return Object.fromEntries(Object.entries(words).map(([code, w]) => [`${prefix}${code.replaceAll('.', '_')}`, w])) as Dictionary<
    `${P}${Underscored<K>}`
  >;
}
