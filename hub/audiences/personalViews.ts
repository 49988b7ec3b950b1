// The rooms of visitors' phones and survey tablets: each room (one ticket, one counter) sees a small view of
// its own, sent whole, and only when it differs from the one last sent there.
import type { SurveyPatch, SurveySnapshot, VisitorPatch, VisitorSnapshot } from '../../shared/protocol/events';
import { getOffice, type ReadDb } from '../db/index';
import type { AudienceDeps } from './base';
import { viewBasis, type ViewBasis } from './personal';
import type { PersonalRoom } from './rooms';
import { surveyTabletView } from './survey';
import { visitorView } from './visitor';

type View = Pick<VisitorSnapshot, 'audience' | 'visit'> | Pick<SurveySnapshot, 'audience' | 'tablet'>;

function viewOf(db: ReadDb, room: PersonalRoom, basis: ViewBasis): View {
  return room.kind === 'visitor'
    ? { audience: 'visitor', visit: visitorView(db, room.ticketId, basis) }
    : { audience: 'survey', tablet: surveyTabletView(db, room.counterId, basis) };
}

/** Per personal room with a socket in it: its revision and the view last sent, so only a real change is sent. */
export class PersonalViews {
  private readonly sent = new Map<string, { rev: number; last: string }>();

  constructor(
    private readonly deps: AudienceDeps,
    private readonly epoch: string,
  ) {}

  snapshot(name: string, room: PersonalRoom, today: string): VisitorSnapshot | SurveySnapshot {
    const { db } = this.deps;
    return {
      epoch: this.epoch,
      rev: this.sent.get(name)?.rev ?? 0,
      serverTime: this.deps.clock().toISOString(),
      timeZone: this.deps.timeZone,
      office: getOffice(db),
      ...viewOf(db, room, viewBasis(db, today)),
    };
  }

  /** Each given room's view, for those whose view changed since last sent. */
  patches(rooms: Iterable<{ name: string; key: PersonalRoom }>, today: string): Array<{ room: string; patch: VisitorPatch | SurveyPatch }> {
    const out: Array<{ room: string; patch: VisitorPatch | SurveyPatch }> = [];
    let basis: ViewBasis | undefined;
    for (const { name, key } of rooms) {
      basis ??= viewBasis(this.deps.db, today);
      const view = viewOf(this.deps.db, key, basis);
      const text = JSON.stringify(view);
      const state = this.sent.get(name) ?? { rev: 0, last: '' };
      this.sent.set(name, state);
      if (state.last === text) continue;
      state.last = text;
      state.rev += 1;
      out.push({ room: name, patch: { ...view, epoch: this.epoch, rev: state.rev } });
    }
    return out;
  }

  /** The room was emptied: its state goes with it. */
  forget(name: string): void {
    this.sent.delete(name);
  }
}
