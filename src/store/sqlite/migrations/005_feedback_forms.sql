-- Feedback forms (issue 3): one per pupil per placement per feedback period, in versions; a sent
-- version is locked and a correction is a new row superseding it. Subject rows hold the topics
-- (a JSON array of strings), ATL, working-at grade and the proposed and chosen indicators.

CREATE TABLE feedback_forms (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  placement_id INTEGER NOT NULL REFERENCES placements(id),
  provider_id INTEGER NOT NULL REFERENCES organisations(id),
  period_number INTEGER NOT NULL CHECK (period_number >= 1),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  supersedes_id INTEGER REFERENCES feedback_forms(id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'sent')),
  attendance_percent REAL,
  comment TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL,
  sent_by INTEGER REFERENCES users(id),
  sent_at INTEGER,
  UNIQUE (placement_id, period_number, version)
);
CREATE INDEX feedback_forms_pupil ON feedback_forms(pupil_id, period_number, version);
CREATE INDEX feedback_forms_provider ON feedback_forms(provider_id, pupil_id);

CREATE TABLE feedback_form_subjects (
  form_id INTEGER NOT NULL REFERENCES feedback_forms(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  topics TEXT NOT NULL DEFAULT '[]',
  atl INTEGER CHECK (atl BETWEEN 1 AND 4),
  working_at_scale TEXT NOT NULL DEFAULT '',
  working_at TEXT NOT NULL DEFAULT '',
  proposed TEXT CHECK (proposed IN ('working_towards', 'meeting', 'exceeding')),
  proposal_reason TEXT NOT NULL DEFAULT '',
  indicator TEXT CHECK (indicator IN ('working_towards', 'meeting', 'exceeding')),
  override_reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (form_id, subject_id)
);

-- Each provider's feedback cycle; absent means every 15 school days.
CREATE TABLE feedback_settings (
  organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
  school_days_per_period INTEGER NOT NULL CHECK (school_days_per_period BETWEEN 1 AND 60)
);
