-- Assessment setup (issue 3): grade scales as data, which scale each subject uses, the KS3
-- expectation table, intake data from the home school per placement, home-school work, targets.

-- Grade scales: organisation_id NULL is a standard scale (seeded below from core's
-- standard_scales(); a unit test keeps the two equal). Grades are listed worst first by rank.
CREATE TABLE grade_scales (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER REFERENCES organisations(id),
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  points_scheme TEXT NOT NULL DEFAULT 'none' CHECK (points_scheme IN ('none', 'gcse')),
  created_at INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX grade_scales_standard_key ON grade_scales(key) WHERE organisation_id IS NULL;
CREATE UNIQUE INDEX grade_scales_organisation_key ON grade_scales(organisation_id, key)
  WHERE organisation_id IS NOT NULL;

CREATE TABLE grades (
  scale_id INTEGER NOT NULL REFERENCES grade_scales(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (scale_id, rank)
);

INSERT INTO grade_scales (id, organisation_id, key, name, points_scheme) VALUES (1, NULL, 'gcse', 'GCSE 9-1', 'gcse');
INSERT INTO grades (scale_id, rank, code, label) VALUES (1, 0, 'U', 'U'), (1, 1, '1', '1'), (1, 2, '2', '2'), (1, 3, '3', '3'), (1, 4, '4', '4'), (1, 5, '5', '5'), (1, 6, '6', '6'), (1, 7, '7', '7'), (1, 8, '8', '8'), (1, 9, '9', '9');
INSERT INTO grade_scales (id, organisation_id, key, name, points_scheme) VALUES (2, NULL, 'gcse_fine', 'GCSE 9-1 (fine grades)', 'gcse');
INSERT INTO grades (scale_id, rank, code, label) VALUES (2, 0, 'U', 'U'), (2, 1, '1-', '1-'), (2, 2, '1', '1'), (2, 3, '1+', '1+'), (2, 4, '2-', '2-'), (2, 5, '2', '2'), (2, 6, '2+', '2+'), (2, 7, '3-', '3-'), (2, 8, '3', '3'), (2, 9, '3+', '3+'), (2, 10, '4-', '4-'), (2, 11, '4', '4'), (2, 12, '4+', '4+'), (2, 13, '5-', '5-'), (2, 14, '5', '5'), (2, 15, '5+', '5+'), (2, 16, '6-', '6-'), (2, 17, '6', '6'), (2, 18, '6+', '6+'), (2, 19, '7-', '7-'), (2, 20, '7', '7'), (2, 21, '7+', '7+'), (2, 22, '8-', '8-'), (2, 23, '8', '8'), (2, 24, '8+', '8+'), (2, 25, '9-', '9-'), (2, 26, '9', '9'), (2, 27, '9+', '9+');
INSERT INTO grade_scales (id, organisation_id, key, name, points_scheme) VALUES (3, NULL, 'ks3', 'KS3 Foundation/Secure/Extending', 'none');
INSERT INTO grades (scale_id, rank, code, label) VALUES (3, 0, 'F-', 'Foundation-'), (3, 1, 'F', 'Foundation'), (3, 2, 'F+', 'Foundation+'), (3, 3, 'S-', 'Secure-'), (3, 4, 'S', 'Secure'), (3, 5, 'S+', 'Secure+'), (3, 6, 'E-', 'Extending-'), (3, 7, 'E', 'Extending'), (3, 8, 'E+', 'Extending+');
INSERT INTO grade_scales (id, organisation_id, key, name, points_scheme) VALUES (4, NULL, 'atl', 'Attitude to learning', 'none');
INSERT INTO grades (scale_id, rank, code, label) VALUES (4, 0, '1', 'Poor'), (4, 1, '2', 'Requires Improvement'), (4, 2, '3', 'Good'), (4, 3, '4', 'Exceptional');
INSERT INTO grade_scales (id, organisation_id, key, name, points_scheme) VALUES (5, NULL, 'progress', 'Progress indicator', 'none');
INSERT INTO grades (scale_id, rank, code, label) VALUES (5, 0, 'working_towards', 'Working Towards'), (5, 1, 'meeting', 'Meeting'), (5, 2, 'exceeding', 'Exceeding');
INSERT INTO grade_scales (id, organisation_id, key, name, points_scheme) VALUES (6, NULL, 'engagement', 'Engagement', 'none');
INSERT INTO grades (scale_id, rank, code, label) VALUES (6, 0, 'resistant', 'Resistant'), (6, 1, 'reluctant', 'Reluctant'), (6, 2, 'expected', 'Expected'), (6, 3, 'active', 'Active'), (6, 4, 'independent', 'Independent');
INSERT INTO grade_scales (id, organisation_id, key, name, points_scheme) VALUES (7, NULL, 'behaviour', 'Behaviour', 'none');
INSERT INTO grades (scale_id, rank, code, label) VALUES (7, 0, 'unacceptable', 'Unacceptable'), (7, 1, 'requires_improvement', 'Requires Improvement'), (7, 2, 'good', 'Good'), (7, 3, 'excellent', 'Excellent');
INSERT INTO grade_scales (id, organisation_id, key, name, points_scheme) VALUES (8, NULL, 'rag', 'RAG', 'none');
INSERT INTO grades (scale_id, rank, code, label) VALUES (8, 0, 'red', 'Red'), (8, 1, 'amber', 'Amber'), (8, 2, 'green', 'Green');

-- Which scale a subject's grades are on at KS3 and at KS4. No row: ks3 and gcse_fine.
CREATE TABLE subject_scales (
  subject_id INTEGER PRIMARY KEY REFERENCES subjects(id),
  ks3_scale_key TEXT NOT NULL,
  ks4_scale_key TEXT NOT NULL
);

-- What Meeting means per KS3 year and term, per organisation. No rows: core's default table.
CREATE TABLE ks3_expectations (
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  nc_year INTEGER NOT NULL CHECK (nc_year BETWEEN 7 AND 9),
  term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
  meeting_from TEXT NOT NULL,
  meeting_to TEXT NOT NULL,
  PRIMARY KEY (organisation_id, nc_year, term)
);

-- The home school's data for one placement (policy 000 para 1, policy 004 section 4.3). Grades are
-- a code plus the key of the scale it is on; NULL code = not given.
CREATE TABLE placement_intake (
  placement_id INTEGER PRIMARY KEY REFERENCES placements(id),
  maths_working_at TEXT, maths_working_at_scale TEXT,
  maths_ks4_target TEXT, maths_ks4_target_scale TEXT,
  maths_ks3_target TEXT, maths_ks3_target_scale TEXT,
  maths_exam_board TEXT, maths_exam_board_other TEXT NOT NULL DEFAULT '',
  english_working_at TEXT, english_working_at_scale TEXT,
  english_ks4_target TEXT, english_ks4_target_scale TEXT,
  english_ks3_target TEXT, english_ks3_target_scale TEXT,
  english_exam_board TEXT, english_exam_board_other TEXT NOT NULL DEFAULT '',
  ks2_reading INTEGER CHECK (ks2_reading BETWEEN 80 AND 120),
  ks2_maths INTEGER CHECK (ks2_maths BETWEEN 80 AND 120),
  notes TEXT NOT NULL DEFAULT '',
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL
);

-- Work the home school wants completed, tracked to completion.
CREATE TABLE home_school_work (
  id INTEGER PRIMARY KEY,
  placement_id INTEGER NOT NULL REFERENCES placements(id),
  title TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '',
  set_date TEXT NOT NULL,
  due_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('set', 'in_progress', 'completed')),
  completed_date TEXT,
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL
);
CREATE INDEX home_school_work_placement ON home_school_work(placement_id);

-- Targets per pupil and subject (policy 004 section 4.5). Every revision is a new row; the
-- current target is the latest.
CREATE TABLE targets (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  scale_key TEXT NOT NULL,
  grade_code TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  set_by INTEGER REFERENCES users(id),
  set_at INTEGER NOT NULL
);
CREATE INDEX targets_pupil ON targets(pupil_id, subject_id, id);
