// Queue lengths kept by the database itself: every issue asks how many wait ahead, and every change tells
// the screens how many wait per service. Counting the day's waiting tickets each time grew with the queue;
// these triggers keep the counts in the same transaction as the ticket change, so they can never drift
// and a rolled-back change leaves them untouched.
export default /* sql */ `
CREATE TABLE queue_lengths (
  office_day TEXT NOT NULL,
  service_code TEXT NOT NULL,
  priority INTEGER NOT NULL,
  waiting INTEGER NOT NULL CHECK (waiting >= 0),
  PRIMARY KEY (office_day, service_code, priority)
) STRICT;

INSERT INTO queue_lengths (office_day, service_code, priority, waiting)
  SELECT office_day, service_code, priority, count(*) FROM tickets WHERE status = 'waiting'
  GROUP BY office_day, service_code, priority;

CREATE TRIGGER queue_lengths_issue AFTER INSERT ON tickets WHEN NEW.status = 'waiting' BEGIN
  INSERT INTO queue_lengths (office_day, service_code, priority, waiting) VALUES (NEW.office_day, NEW.service_code, NEW.priority, 1)
    ON CONFLICT (office_day, service_code, priority) DO UPDATE SET waiting = waiting + 1;
END;

CREATE TRIGGER queue_lengths_leave AFTER UPDATE OF status, service_code, priority, office_day ON tickets
  WHEN OLD.status = 'waiting' BEGIN
  UPDATE queue_lengths SET waiting = waiting - 1
    WHERE office_day = OLD.office_day AND service_code = OLD.service_code AND priority = OLD.priority;
END;

CREATE TRIGGER queue_lengths_enter AFTER UPDATE OF status, service_code, priority, office_day ON tickets
  WHEN NEW.status = 'waiting' BEGIN
  INSERT INTO queue_lengths (office_day, service_code, priority, waiting) VALUES (NEW.office_day, NEW.service_code, NEW.priority, 1)
    ON CONFLICT (office_day, service_code, priority) DO UPDATE SET waiting = waiting + 1;
END;
`;
