// Screens loaded on first use, so the counter console — what most staff open first — arrives small. Once
// the app has painted, they are fetched in the background, so opening one later does not wait for the LAN.
import { lazy } from 'react';

const load = {
  admin: () => import('./admin/AdminSection'),
  caseView: () => import('./cases/CaseView'),
  caseList: () => import('./cases/CaseListScreen'),
  queue: () => import('./cases/CoordinatorQueue'),
  board: () => import('./cases/HeadBoard'),
};

export const AdminSection = lazy(() => load.admin().then((m) => ({ default: m.AdminSection })));
export const CaseView = lazy(() => load.caseView().then((m) => ({ default: m.CaseView })));
export const CaseListScreen = lazy(() => load.caseList().then((m) => ({ default: m.CaseListScreen })));
export const CoordinatorQueue = lazy(() => load.queue().then((m) => ({ default: m.CoordinatorQueue })));
export const HeadBoard = lazy(() => load.board().then((m) => ({ default: m.HeadBoard })));

/** The reports and their chart library: only the head and the admin open them, so they are never prefetched. */
export const ReportsSection = lazy(() => import('./reports/ReportsSection'));

/** Fetches every lazily loaded screen now (a failed fetch is retried when the screen is opened). */
export function prefetchScreens(): void {
  for (const fetchScreen of Object.values(load)) fetchScreen().catch(() => undefined);
}
