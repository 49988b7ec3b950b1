// A year's report looks up, per ticket of the period, the last action staff took on it (the counter and
// officer it counts under), and per closed case when it was closed. Through events_ticket / events_case each
// lookup read every event of the ticket or case from the table; these indexes hold only the events the
// lookups want, with the columns they read.
export default /* sql */ `
CREATE INDEX events_ticket_staff ON events (ticket_id, id, type, user_id, counter_id)
  WHERE ticket_id IS NOT NULL AND user_id IS NOT NULL;
CREATE INDEX events_case_close ON events (case_id, at) WHERE type = 'case.close';
`;
