// The kiosk at the door: the services, their queue lengths and what its own screen and tickets need. Nothing
// of any ticket but the ones it issues (those come back in its replies, not here).
import type { Settings } from '../../shared/domain/types';
import type { KioskPatch, KioskSnapshot } from '../../shared/protocol/events';
import { getSettings, type ReadDb, type Device } from '../db/index';
import type { Body, ChangeReads, SnapshotBase } from './base';

const kioskSettings = (s: Settings): KioskSnapshot['settings'] => ({
  priorityEnabled: s.priorityEnabled,
  ticketHoldSeconds: s.ticketHoldSeconds,
  ticketFooter: s.ticketFooter,
  openingHours: s.openingHours,
});

/** One kiosk's: its own name and printer besides what every kiosk sees. */
export function kioskSnapshot(db: ReadDb, base: SnapshotBase, device: Device): KioskSnapshot {
  return {
    ...base,
    audience: 'kiosk',
    settings: kioskSettings(getSettings(db)),
    device: { id: device.id, name: device.name, hasPrinter: device.printer !== null },
  };
}

export function kioskPatch({ office, settings, waiting }: ChangeReads): Body<KioskPatch> {
  const patch: Body<KioskPatch> = {};
  if (office) patch.office = office;
  if (settings) patch.settings = kioskSettings(settings);
  if (waiting) patch.waiting = waiting;
  return patch;
}
