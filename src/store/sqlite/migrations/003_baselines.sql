-- Baselines (issue 3, item 3): configurable instruments per organisation, results per pupil
-- (including SDQ item scores), SDQ band cut-offs as data, learning pathways and requests for
-- further assessment.

CREATE TABLE baseline_instruments (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  domain TEXT NOT NULL CHECK (domain IN ('literacy', 'numeracy', 'wellbeing', 'other')),
  measures TEXT NOT NULL DEFAULT '',
  score_type TEXT NOT NULL
    CHECK (score_type IN ('raw', 'standardised', 'age_equivalent', 'scale_grade', 'questionnaire')),
  max_score INTEGER,
  scale_key TEXT,
  sdq_version TEXT CHECK (sdq_version IN ('teacher', 'parent', 'self_report')),
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (organisation_id, name)
);

-- One assessment of one pupil. Exactly the columns of the instrument's score type are set:
-- raw_score; standardised_score; age_years + age_months; grade (a code on the scale); or
-- sdq_items, 25 characters '0' '1' '2' or '-' (not answered), item 1 first. SDQ scores and bands
-- are computed on read from the items and the current sdq_bands.
CREATE TABLE baseline_results (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  placement_id INTEGER REFERENCES placements(id),
  instrument_id INTEGER NOT NULL REFERENCES baseline_instruments(id),
  assessed_on TEXT NOT NULL,
  raw_score INTEGER,
  standardised_score INTEGER,
  age_years INTEGER,
  age_months INTEGER,
  grade TEXT,
  sdq_items TEXT,
  notes TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX baseline_results_pupil ON baseline_results(pupil_id, assessed_on);

-- SDQ four-band cut-offs per version and scale: the last score of the close-to-average,
-- slightly-raised and high bands, counted from the healthy end (core/sdq.h SdqCutoffs). A version
-- with no rows uses the published defaults compiled into core.
CREATE TABLE sdq_bands (
  version TEXT NOT NULL CHECK (version IN ('teacher', 'parent', 'self_report')),
  scale TEXT NOT NULL,
  close_to_average INTEGER NOT NULL,
  slightly_raised INTEGER NOT NULL,
  high INTEGER NOT NULL,
  PRIMARY KEY (version, scale)
);

-- The current pathway per pupil and subject; the audit log keeps its history.
CREATE TABLE learning_pathways (
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  starting_point TEXT NOT NULL DEFAULT '',
  priorities TEXT NOT NULL DEFAULT '',
  pathway TEXT NOT NULL DEFAULT '',
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (pupil_id, subject_id)
);

CREATE TABLE further_assessments (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  kind TEXT NOT NULL CHECK (kind IN ('dyslexia_screening', 'educational_psychologist',
                                     'speech_and_language', 'occupational_therapy', 'other')),
  requested_by INTEGER REFERENCES users(id),
  requested_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  outcome TEXT NOT NULL DEFAULT '',
  outcome_on TEXT
);
CREATE INDEX further_assessments_pupil ON further_assessments(pupil_id);
