-- Classwork (issue 3): exit tickets, marked work with feedback, and evidence files.
-- Grades are kept as (scale key, grade code) text: scales are data of the assessment setup area.

-- Which of an organisation's subjects take exit tickets. No rows for an organisation means the
-- default: its subjects named Mathematics, English and Science.
CREATE TABLE exit_ticket_subjects (
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  PRIMARY KEY (organisation_id, subject_id)
);

CREATE TABLE exit_tickets (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  teaching_group_id INTEGER REFERENCES teaching_groups(id),
  lesson_date TEXT NOT NULL,
  topic TEXT NOT NULL,
  score REAL,
  max_score REAL,
  grade TEXT NOT NULL DEFAULT '',
  grade_scale TEXT NOT NULL DEFAULT '',
  mark TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  self_assessment TEXT NOT NULL DEFAULT '',
  pupil_response TEXT NOT NULL DEFAULT '',
  redraft TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (pupil_id, subject_id, lesson_date, topic)
);
CREATE INDEX exit_tickets_pupil_date ON exit_tickets(pupil_id, lesson_date);
CREATE INDEX exit_tickets_group_date ON exit_tickets(teaching_group_id, lesson_date);

CREATE TABLE marked_work (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  title TEXT NOT NULL,
  work_date TEXT NOT NULL,
  feedback TEXT NOT NULL DEFAULT '',
  self_assessment TEXT NOT NULL DEFAULT '',
  pupil_response TEXT NOT NULL DEFAULT '',
  redraft TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX marked_work_pupil_date ON marked_work(pupil_id, work_date);

-- Uploaded files. The bytes live in the evidence folder under stored_name (a random id); the
-- user's own file name is kept, sanitised, for display only.
CREATE TABLE evidence_files (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  work_id INTEGER REFERENCES marked_work(id),
  stored_name TEXT NOT NULL UNIQUE,
  media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  original_name TEXT NOT NULL,
  uploaded_by INTEGER REFERENCES users(id),
  uploaded_at INTEGER NOT NULL
);
CREATE INDEX evidence_files_pupil ON evidence_files(pupil_id);
CREATE INDEX evidence_files_work ON evidence_files(work_id);
