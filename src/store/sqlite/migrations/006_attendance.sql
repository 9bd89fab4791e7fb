-- Attendance (issue 4): AM/PM register marks with DfE codes, every change kept, registers taken,
-- and the unexplained-absence (N) alerts already raised. Registers are legal records kept at least
-- six years: marks are never deleted, and the history of changes is append-only.

-- The current mark of a pupil in a session. One per pupil, date and session, whichever provider
-- took it. The placement (and so the commissioning organisation) is fixed when it is first taken.
CREATE TABLE attendance_marks (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  provider_id INTEGER NOT NULL REFERENCES organisations(id),
  placement_id INTEGER NOT NULL REFERENCES placements(id),
  commissioner_id INTEGER NOT NULL REFERENCES organisations(id),
  date TEXT NOT NULL,
  session TEXT NOT NULL CHECK (session IN ('AM', 'PM')),
  code TEXT NOT NULL,
  minutes_late INTEGER,
  version INTEGER NOT NULL,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL,
  UNIQUE (pupil_id, date, session)
);
CREATE INDEX attendance_marks_provider_date ON attendance_marks(provider_id, date);
CREATE INDEX attendance_marks_commissioner_date ON attendance_marks(commissioner_id, date);
CREATE INDEX attendance_marks_date ON attendance_marks(date);
CREATE TRIGGER attendance_marks_no_delete BEFORE DELETE ON attendance_marks
BEGIN SELECT RAISE(ABORT, 'register marks are legal records and cannot be deleted'); END;

-- Every version of every mark: who, when, what and why (the reason is required from version 2).
CREATE TABLE attendance_mark_history (
  id INTEGER PRIMARY KEY,
  mark_id INTEGER NOT NULL REFERENCES attendance_marks(id),
  version INTEGER NOT NULL,
  code TEXT NOT NULL,
  minutes_late INTEGER,
  reason TEXT NOT NULL DEFAULT '',
  changed_by INTEGER REFERENCES users(id),
  changed_at INTEGER NOT NULL,
  UNIQUE (mark_id, version)
);
CREATE TRIGGER attendance_mark_history_no_update BEFORE UPDATE ON attendance_mark_history
BEGIN SELECT RAISE(ABORT, 'register history cannot be changed'); END;
CREATE TRIGGER attendance_mark_history_no_delete BEFORE DELETE ON attendance_mark_history
BEGIN SELECT RAISE(ABORT, 'register history cannot be changed'); END;

-- A provider's register for a date and session, once it has been saved.
CREATE TABLE attendance_registers (
  provider_id INTEGER NOT NULL REFERENCES organisations(id),
  date TEXT NOT NULL,
  session TEXT NOT NULL CHECK (session IN ('AM', 'PM')),
  taken_by INTEGER REFERENCES users(id),
  taken_at INTEGER NOT NULL,
  PRIMARY KEY (provider_id, date, session)
);

-- Unexplained absences (N) the commissioning organisation has been told about: once each.
CREATE TABLE attendance_alerts (
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  date TEXT NOT NULL,
  session TEXT NOT NULL CHECK (session IN ('AM', 'PM')),
  mark_id INTEGER NOT NULL REFERENCES attendance_marks(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  notified INTEGER NOT NULL,
  alerted_at INTEGER NOT NULL,
  PRIMARY KEY (pupil_id, date, session)
);
CREATE INDEX attendance_alerts_organisation ON attendance_alerts(organisation_id, alerted_at);
