// The staff app's sections live in the address's hash, so a reload (or the back button) keeps the place.
import type { Role } from '../../shared/domain/types';

export type Route =
  | { name: 'counter' }
  | { name: 'cases' }
  | { name: 'case'; caseId: number }
  | { name: 'queue' }
  | { name: 'board' };

export type Section = Exclude<Route['name'], 'case'>;

export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '');
  const caseMatch = /^cases\/(\d+)$/.exec(path);
  if (caseMatch) return { name: 'case', caseId: Number(caseMatch[1]) };
  if (path === 'counter' || path === 'cases' || path === 'queue' || path === 'board') return { name: path };
  return null;
}

export function routeHash(route: Route): string {
  return route.name === 'case' ? `#/cases/${route.caseId}` : `#/${route.name}`;
}

/** The sections each role reaches from the navigation bar, the first being where it lands. */
export const SECTIONS: Record<Role, readonly Section[]> = {
  helpdesk: ['counter', 'cases'],
  coordinator: ['queue', 'counter', 'cases'],
  head: ['board', 'counter', 'cases'],
  admin: ['board', 'cases'],
};

export function landing(role: Role): Route {
  return { name: SECTIONS[role][0] as Section };
}

export function mayVisit(role: Role, route: Route): boolean {
  return route.name === 'case' || SECTIONS[role].includes(route.name);
}
