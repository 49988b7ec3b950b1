// Cases (SOP steps 3–9): the consultation record that can outlive the visit, the visits it was handled in,
// a per-year reference sequence, and the case each event of the append-only log belongs to.
export default /* sql */ `
CREATE TABLE case_sequences (
  year INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('open', 'escalated', 'reported', 'resolved', 'closed')),
  owner_id INTEGER NOT NULL REFERENCES users(id),
  opened_by INTEGER NOT NULL REFERENCES users(id),
  -- The latest visit's ticket: the one being served while the visitor is at a counter.
  ticket_id INTEGER REFERENCES tickets(id),
  opened_at TEXT NOT NULL,
  opened_day TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_day TEXT,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  -- Null until the intake is first saved.
  intake_at TEXT,
  visitor_name TEXT NOT NULL DEFAULT '',
  visitor_type TEXT NOT NULL DEFAULT ''
    CHECK (visitor_type IN ('', 'penyedia', 'ppk', 'pokja', 'pp', 'auditor', 'lainnya')),
  visitor_org TEXT NOT NULL DEFAULT '',
  visitor_phone TEXT NOT NULL DEFAULT '',
  visitor_email TEXT NOT NULL DEFAULT '',
  module TEXT NOT NULL DEFAULT '',
  error_code TEXT NOT NULL DEFAULT '',
  lpse_ticket TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '' CHECK (category IN ('', 'gangguan', 'permasalahan', 'permintaan_layanan')),
  title TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  escalation_target TEXT CHECK (escalation_target IN ('coordinator', 'lkpp', 'both')),
  lpse_support_ticket TEXT NOT NULL DEFAULT '',
  resolution TEXT NOT NULL DEFAULT '',
  close_channel TEXT CHECK (close_channel IN ('on_the_spot', 'phone', 'email')),
  last_recommendation TEXT NOT NULL DEFAULT '',
  CHECK ((status = 'closed') = (closed_day IS NOT NULL))
) STRICT;

CREATE INDEX cases_status ON cases (status, closed_day);
CREATE INDEX cases_owner ON cases (owner_id, status);
CREATE INDEX cases_opened ON cases (opened_day);

-- The visits (tickets) a case was handled in; a visit has at most one case.
CREATE TABLE case_tickets (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
  linked_at TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (case_id, ticket_id)
) STRICT;

ALTER TABLE events ADD COLUMN case_id INTEGER REFERENCES cases(id);
CREATE INDEX events_case ON events (case_id);
`;
