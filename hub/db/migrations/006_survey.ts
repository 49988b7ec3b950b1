// The visitor's own page and the satisfaction survey (SKM). Each ticket gets an unguessable code for its
// QR (made when it is issued; tickets issued before this migration have none and no page) and a
// "surveyed" mark. Answers are kept apart from tickets on purpose: an answer carries its office day,
// service, counter and serving officer, never the ticket, so no report can tell who answered what.
export default /* sql */ `
ALTER TABLE tickets ADD COLUMN visitor_code TEXT;
CREATE UNIQUE INDEX tickets_visitor_code ON tickets (visitor_code) WHERE visitor_code IS NOT NULL;
ALTER TABLE tickets ADD COLUMN surveyed INTEGER NOT NULL DEFAULT 0 CHECK (surveyed IN (0, 1));

CREATE TABLE survey_answers (
  id INTEGER PRIMARY KEY,
  office_day TEXT NOT NULL,
  service_code TEXT NOT NULL,
  counter_id INTEGER REFERENCES counters(id),
  user_id INTEGER REFERENCES users(id),
  via TEXT NOT NULL CHECK (via IN ('phone', 'tablet')),
  u1 INTEGER NOT NULL CHECK (u1 BETWEEN 1 AND 4),
  u2 INTEGER NOT NULL CHECK (u2 BETWEEN 1 AND 4),
  u3 INTEGER NOT NULL CHECK (u3 BETWEEN 1 AND 4),
  u4 INTEGER NOT NULL CHECK (u4 BETWEEN 1 AND 4),
  u5 INTEGER NOT NULL CHECK (u5 BETWEEN 1 AND 4),
  u6 INTEGER NOT NULL CHECK (u6 BETWEEN 1 AND 4),
  u7 INTEGER NOT NULL CHECK (u7 BETWEEN 1 AND 4),
  u8 INTEGER NOT NULL CHECK (u8 BETWEEN 1 AND 4),
  u9 INTEGER NOT NULL CHECK (u9 BETWEEN 1 AND 4),
  gender TEXT,
  age_group TEXT,
  education TEXT,
  occupation TEXT
) STRICT;
CREATE INDEX survey_answers_day ON survey_answers (office_day);
`;
