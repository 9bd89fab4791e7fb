-- Parent and carer contact; behaviour incidents and rewards (issue 4, items 4 and 5).

-- A provider's interval between calls home (policy 000: every two to three weeks). No row means
-- core's default, 14 to 21 days.
CREATE TABLE contact_rules (
  organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
  min_days INTEGER NOT NULL CHECK (min_days BETWEEN 1 AND 90),
  max_days INTEGER NOT NULL CHECK (max_days BETWEEN min_days AND 90),
  updated_at INTEGER NOT NULL
);

-- The member of provider staff responsible for a placement's calls home. No row: the provider as
-- a whole (the call shows in everyone's list, marked unassigned).
CREATE TABLE key_workers (
  placement_id INTEGER PRIMARY KEY REFERENCES placements(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  updated_at INTEGER NOT NULL
);

-- Calls, meetings and messages. A record: never deleted. contact_id has no foreign key because a
-- pupil's contacts are rewritten when the pupil is edited; the contact's name, relationship and
-- parental responsibility are copied into the entry when it is made.
CREATE TABLE contact_log (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  contact_date TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('call', 'meeting', 'message')),
  staff_id INTEGER REFERENCES users(id),
  contact_id INTEGER NOT NULL,
  contact_name TEXT NOT NULL,
  contact_relationship TEXT NOT NULL,
  parental_responsibility INTEGER NOT NULL,
  summary TEXT NOT NULL,
  work_completed TEXT NOT NULL DEFAULT '',
  progress TEXT NOT NULL DEFAULT '',
  other TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX contact_log_pupil ON contact_log(pupil_id, contact_date);
CREATE INDEX contact_log_organisation ON contact_log(organisation_id, contact_date);
CREATE TRIGGER contact_log_no_delete BEFORE DELETE ON contact_log
BEGIN SELECT RAISE(ABORT, 'the contact log is a record and is never deleted'); END;

-- A provider's incident types. No rows: core's default list.
CREATE TABLE behaviour_incident_types (
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (organisation_id, name)
);

CREATE TABLE behaviour_incidents (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  incident_date TEXT NOT NULL,
  time_minutes INTEGER NOT NULL CHECK (time_minutes BETWEEN 0 AND 1439),
  type TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'serious')),
  description TEXT NOT NULL,
  action_taken TEXT NOT NULL DEFAULT '',
  follow_up TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX behaviour_incidents_organisation ON behaviour_incidents(organisation_id, incident_date);

-- The pupils involved, each with the home school being told (per pupil: each has their own).
CREATE TABLE behaviour_involvements (
  incident_id INTEGER NOT NULL REFERENCES behaviour_incidents(id),
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  home_school_informed_on TEXT,
  home_school_informed_by INTEGER REFERENCES users(id),
  PRIMARY KEY (incident_id, pupil_id)
);
CREATE INDEX behaviour_involvements_pupil ON behaviour_involvements(pupil_id);
CREATE TRIGGER behaviour_incidents_no_delete BEFORE DELETE ON behaviour_incidents
BEGIN SELECT RAISE(ABORT, 'behaviour incidents are records and are never deleted'); END;

CREATE TABLE rewards (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  kind TEXT NOT NULL CHECK (kind IN ('points', 'student_of_the_week')),
  award_date TEXT NOT NULL,
  week_start TEXT NOT NULL,
  points INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX rewards_pupil ON rewards(pupil_id, award_date);
CREATE INDEX rewards_organisation ON rewards(organisation_id, award_date);
-- Student of the Week: one pupil per provider per week.
CREATE UNIQUE INDEX rewards_student_of_the_week ON rewards(organisation_id, week_start)
  WHERE kind = 'student_of_the_week';

-- What each placement's agreement shares with the home school. No row: 'summary'.
CREATE TABLE placement_sharing (
  placement_id INTEGER PRIMARY KEY REFERENCES placements(id),
  behaviour TEXT NOT NULL CHECK (behaviour IN ('none', 'summary', 'full')),
  updated_at INTEGER NOT NULL
);
