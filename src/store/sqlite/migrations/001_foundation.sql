-- Foundation: organisations, users and sign-in, pupils, roll, placements, calendar, audit.
-- Dates are ISO 8601 text (YYYY-MM-DD, Europe/London calendar dates); instants are integer UTC seconds.

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('provider', 'school', 'local_authority')),
  name TEXT NOT NULL,
  urn TEXT,
  la_code INTEGER,
  establishment_number INTEGER,
  registered INTEGER NOT NULL DEFAULT 0,
  local_authority_id INTEGER REFERENCES organisations(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX organisations_urn ON organisations(urn) WHERE urn IS NOT NULL;
CREATE INDEX organisations_la ON organisations(local_authority_id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX users_organisation ON users(organisation_id);

-- Browser sessions; the cookie carries the token, the table only its hash.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Personal API tokens for integrations, stored hashed.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Failed sign-ins, per account ('account:<email>') and per address ('address:<ip>').
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  locked_until INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE pupils (
  id INTEGER PRIMARY KEY,
  upn TEXT UNIQUE,
  legal_forename TEXT NOT NULL,
  legal_surname TEXT NOT NULL,
  preferred_forename TEXT NOT NULL DEFAULT '',
  preferred_surname TEXT NOT NULL DEFAULT '',
  dob TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('F', 'M', 'U')),
  nc_year_override INTEGER,
  sen TEXT NOT NULL DEFAULT 'N' CHECK (sen IN ('N', 'K', 'E')),
  pupil_premium INTEGER NOT NULL DEFAULT 0,
  fsm INTEGER NOT NULL DEFAULT 0,
  looked_after INTEGER NOT NULL DEFAULT 0,
  child_in_need INTEGER NOT NULL DEFAULT 0,
  child_protection INTEGER NOT NULL DEFAULT 0,
  eal INTEGER NOT NULL DEFAULT 0,
  young_carer INTEGER NOT NULL DEFAULT 0,
  medical_needs TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX pupils_surname ON pupils(legal_surname);

CREATE TABLE pupil_barriers (
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  barrier TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (pupil_id, barrier)
);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  parental_responsibility INTEGER NOT NULL DEFAULT 0,
  phone TEXT NOT NULL DEFAULT '',
  phone_alt TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  priority INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_pupil ON contacts(pupil_id);

-- The roll: a pupil on a school's admission register (main or dual registration).
CREATE TABLE enrolments (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  school_id INTEGER NOT NULL REFERENCES organisations(id),
  admission_date TEXT NOT NULL,
  leaving_date TEXT,
  registration TEXT NOT NULL DEFAULT 'main' CHECK (registration IN ('main', 'dual', 'subsidiary'))
);
CREATE INDEX enrolments_school ON enrolments(school_id, pupil_id);
CREATE INDEX enrolments_pupil ON enrolments(pupil_id);

CREATE TABLE placements (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  provider_id INTEGER NOT NULL REFERENCES organisations(id),
  commissioner_id INTEGER NOT NULL REFERENCES organisations(id),
  referral_date TEXT NOT NULL,
  start_date TEXT,
  planned_end_date TEXT,
  actual_end_date TEXT,
  hours_per_week REAL NOT NULL DEFAULT 0,
  timetable TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  objectives TEXT NOT NULL DEFAULT '',
  reintegration_plan TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('referred', 'planning_meeting', 'initial_assessment', 'active', 'ended')),
  end_reason TEXT CHECK (end_reason IN ('reintegrated', 'moved_on', 'other')),
  end_notes TEXT NOT NULL DEFAULT '',
  la_notified INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX placements_pupil ON placements(pupil_id);
CREATE INDEX placements_provider ON placements(provider_id, pupil_id);
CREATE INDEX placements_commissioner ON placements(commissioner_id, pupil_id);

CREATE TABLE terms (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  academic_year INTEGER NOT NULL,
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  parent_term_id INTEGER REFERENCES terms(id)
);
CREATE INDEX terms_organisation ON terms(organisation_id, academic_year);

CREATE TABLE closure_days (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  UNIQUE (organisation_id, date)
);

CREATE TABLE subjects (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  UNIQUE (organisation_id, name)
);

CREATE TABLE teaching_groups (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  subject_id INTEGER REFERENCES subjects(id),
  academic_year INTEGER NOT NULL
);
CREATE TABLE teaching_group_staff (
  group_id INTEGER NOT NULL REFERENCES teaching_groups(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (group_id, user_id)
);
CREATE TABLE teaching_group_pupils (
  group_id INTEGER NOT NULL REFERENCES teaching_groups(id) ON DELETE CASCADE,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  PRIMARY KEY (group_id, pupil_id)
);

-- Every write: who, when, which record, before and after (JSON). Append-only: triggers refuse
-- updates and deletes, so not even the application can edit the trail.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id),
  organisation_id INTEGER REFERENCES organisations(id),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  pupil_id INTEGER,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_pupil ON audit_log(pupil_id, id);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_organisation ON audit_log(organisation_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
