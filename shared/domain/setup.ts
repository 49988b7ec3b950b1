// The setup checklist a new office works through from the admin screens: what is still missing before
// visitors can take a number and be called.
import type { AdminView, Service } from './types';

export const SETUP_ITEMS = ['services', 'counters', 'officer', 'kiosk', 'display'] as const;
export type SetupItem = (typeof SETUP_ITEMS)[number];

export function setupChecklist(view: AdminView, services: readonly Service[]): Record<SetupItem, boolean> {
  const activeCodes = new Set(services.filter((s) => s.active).map((s) => s.code));
  const devices = view.devices.filter((d) => d.active);
  return {
    services: activeCodes.size > 0,
    counters: view.counters.some((c) => c.active && c.serviceCodes.some((code) => activeCodes.has(code))),
    officer: view.users.some((u) => u.active && u.role === 'helpdesk' && u.ownPassword),
    kiosk: devices.some((d) => d.kind === 'kiosk'),
    display: devices.some((d) => d.kind === 'display' && d.lastSeenAt !== null),
  };
}

export function setupDone(view: AdminView, services: readonly Service[]): boolean {
  return Object.values(setupChecklist(view, services)).every(Boolean);
}
