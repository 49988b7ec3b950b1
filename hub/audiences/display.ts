// The waiting-room TV, and any socket without a key: the public queue. Counters as the room sees them, queue
// lengths, calls and ticket numbers; never a name, an account, a case or a ticket's record.
import { RECENT_CALLS } from '../../shared/domain/announcement';
import type { Counter, PublicCounter, Settings } from '../../shared/domain/types';
import type { DisplayPatch, DisplaySnapshot } from '../../shared/protocol/events';
import { findActiveTicketAtCounter, getCounter, getSettings, listCounters, listRecentCalls, type ReadDb } from '../db/index';
import type { Body, ChangeReads, SnapshotBase } from './base';

const displaySettings = (s: Settings): DisplaySnapshot['settings'] => ({ runningText: s.runningText, voice: s.voice });

function publicCounter(db: ReadDb, c: Counter): PublicCounter {
  return {
    id: c.id,
    name: c.name,
    number: c.number,
    state: c.state,
    pauseReason: c.pauseReason,
    currentNumber: findActiveTicketAtCounter(db, c.id)?.number ?? null,
  };
}

export function displaySnapshot(db: ReadDb, base: SnapshotBase, today: string): DisplaySnapshot {
  return {
    ...base,
    audience: 'display',
    settings: displaySettings(getSettings(db)),
    counters: listCounters(db).map((c) => publicCounter(db, c)),
    recentCalls: listRecentCalls(db, today, RECENT_CALLS),
  };
}

export function displayPatch(db: ReadDb, { office, settings, waiting, counters, tickets, calls }: ChangeReads): Body<DisplayPatch> {
  // A call changes what its counter is showing, even when the counter itself did not change state.
  const shown = new Map(counters.map((c) => [c.id, c]));
  for (const call of calls) {
    if (shown.has(call.counterId)) continue;
    const c = getCounter(db, call.counterId);
    if (c) shown.set(c.id, c);
  }
  const patch: Body<DisplayPatch> = {};
  if (office) patch.office = office;
  if (settings) patch.settings = displaySettings(settings);
  if (shown.size) patch.counters = [...shown.values()].map((c) => publicCounter(db, c));
  if (waiting) patch.waiting = waiting;
  if (calls.length) patch.calls = calls;
  const noShows = tickets.filter((t) => t.status === 'no_show').map((t) => t.number);
  if (noShows.length) patch.noShows = noShows;
  return patch;
}
