// Personal data lives in the case only. Until now each `case.intake` event kept the whole intake it saved
// (and its title as the note), so blanking a case after its retention period would have left the visitor's
// name, phone, e-mail and company in the append-only log. From here on such an event records which fields
// changed, never their values; this step rewrites the events already logged the same way, each compared with
// the case's intake saved before it.
//
// The log is append-only by its triggers, and this is the one place allowed to rewrite it: the UPDATE guard is
// dropped and put back, exactly as it was stored, inside this migration's transaction, so no moment exists in
// which the guard is gone and the change is committed. See docs/privacy.md.
//
// Escalating a case filled its LPSE ticket without an intake event, so the intake saved after an escalation
// lists lpseTicket as changed although the officer did not type it: the log of that time cannot tell.
import type { Db } from '../connection';

type Intake = Record<string, unknown>;

/** The intake form's fields in their order when this migration was written (the order new events listed). */
const FORM_FIELDS: readonly string[] = [
  'visitorName',
  'visitorType',
  'visitorOrg',
  'visitorPhone',
  'visitorEmail',
  'module',
  'errorCode',
  'lpseTicket',
  'category',
  'title',
  'description',
];

/** A field's place in the form, as new events list them; a name the form did not have goes last. */
const formPlace = (field: string): number => {
  const i = FORM_FIELDS.indexOf(field);
  return i === -1 ? FORM_FIELDS.length : i;
};

export default function intakeEventsWithoutValues(db: Db): void {
  const guard = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'events_no_update'").get() as
    | { sql: string }
    | undefined;
  if (!guard) throw new Error('the event log has no append-only guard to lift');
  const events = db.prepare("SELECT id, case_id AS caseId, data FROM events WHERE type = 'case.intake' ORDER BY id").all() as {
    id: number;
    caseId: number | null;
    data: string;
  }[];
  const rewrite = db.prepare('UPDATE events SET data = ? WHERE id = ?');
  const lastIntake = new Map<number | null, Intake>();
  db.exec('DROP TRIGGER events_no_update');
  for (const e of events) {
    const saved = (JSON.parse(e.data) as { intake?: Intake }).intake ?? {};
    const before = lastIntake.get(e.caseId) ?? {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(saved)])];
    const changed = fields.filter((f) => (saved[f] ?? '') !== (before[f] ?? '')).sort((a, b) => formPlace(a) - formPlace(b));
    lastIntake.set(e.caseId, saved);
    rewrite.run(JSON.stringify({ changed }), e.id);
  }
  db.exec(guard.sql);
}
