// The apps the hub serves and the pages that reach them: the hub's HTTP routes, the apps' build, the
// Electron package, device addresses and the Electron roles all read this one table.

/** Built app (its folder under dist/) → its source folder and the pages (first path segments) it answers. */
export const SERVED_APPS = {
  kiosk: { source: 'kiosk', pages: ['kiosk'] },
  counter: { source: 'renderer', pages: ['counter'] },
  display: { source: 'display', pages: ['display'] },
  // The visitor's page (`/v/<code>`) and the survey tablet share one app; its files load from the first.
  visitor: { source: 'visitor', pages: ['v', 'survey'] },
} as const;

export type ServedApp = keyof typeof SERVED_APPS;
export type Page = (typeof SERVED_APPS)[ServedApp]['pages'][number];

const APPS = Object.keys(SERVED_APPS) as ServedApp[];

/** The app that answers a page, if any. */
export function appOfPage(segment: string): ServedApp | undefined {
  return APPS.find((app) => (SERVED_APPS[app].pages as readonly string[]).includes(segment));
}

/** A page's address on the hub, e.g. `/kiosk`. */
export const pagePath = (page: Page): string => `/${page}`;

/** Where an app's own files are served from (Vite's `base`). */
export const appBase = (app: ServedApp): string => `/${SERVED_APPS[app].pages[0]}/`;
