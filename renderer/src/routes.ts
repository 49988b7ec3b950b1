// The staff app's sections live in the address's hash, so a reload (or the back button) keeps the place.
import type { Role } from '../../shared/domain/types';

export const ADMIN_TABS = ['services', 'counters', 'staff', 'devices', 'settings', 'backups'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export type Route =
  | { name: 'counter' }
  | { name: 'cases' }
  | { name: 'case'; caseId: number }
  | { name: 'queue' }
  | { name: 'board' }
  | { name: 'reports' }
  | { name: 'admin'; tab: AdminTab }
  | { name: 'password' };

/** The sections on the navigation bar. */
export type Section = Exclude<Route['name'], 'case' | 'password'>;

const SIMPLE = ['counter', 'cases', 'queue', 'board', 'reports', 'password'] as const;

export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '');
  const caseMatch = /^cases\/(\d+)$/.exec(path);
  if (caseMatch) return { name: 'case', caseId: Number(caseMatch[1]) };
  const adminMatch = /^admin(?:\/(\w+))?$/.exec(path);
  if (adminMatch) {
    const tab = ADMIN_TABS.find((t) => t === adminMatch[1]) ?? 'services';
    return { name: 'admin', tab };
  }
  const simple = SIMPLE.find((s) => s === path);
  return simple ? { name: simple } : null;
}

export function routeHash(route: Route): string {
  if (route.name === 'case') return `#/cases/${route.caseId}`;
  if (route.name === 'admin') return `#/admin/${route.tab}`;
  return `#/${route.name}`;
}

/** The sections each role reaches from the navigation bar, the first being where it lands. */
export const SECTIONS: Record<Role, readonly Section[]> = {
  helpdesk: ['counter', 'cases'],
  coordinator: ['queue', 'counter', 'cases'],
  head: ['board', 'reports', 'counter', 'cases'],
  admin: ['board', 'reports', 'admin', 'cases'],
};

/** Where a role lands after signing in; an admin lands on the admin section while setup is unfinished. */
export function landing(role: Role, setupFinished: boolean): Route {
  if (role === 'admin' && !setupFinished) return { name: 'admin', tab: 'services' };
  const first = SECTIONS[role][0] as Section;
  return first === 'admin' ? { name: 'admin', tab: 'services' } : { name: first };
}

export function mayVisit(role: Role, route: Route): boolean {
  return route.name === 'case' || route.name === 'password' || SECTIONS[role].includes(route.name);
}
