-- Notifications (issue 4): in-app notices per user, and the email outbox the mailer drains.
-- A notice and its email are written in the transaction of the change that caused them.

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  topic TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  pupil_id INTEGER REFERENCES pupils(id),
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE INDEX notifications_user ON notifications(user_id, id);
-- The header's unread count on every page: one indexed COUNT over this partial index.
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;

-- Emails name no pupil: the subject and body are generic, the link leads into Waymark.
-- status: queued (waiting for next_attempt_at), sending (claimed until lease_until), sent, failed.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  notification_id INTEGER REFERENCES notifications(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),  -- the recipient's
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  message_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_organisation ON outbox(organisation_id, status, id);
