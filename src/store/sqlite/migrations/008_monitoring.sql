-- Weekly RAG, weekly updates to commissioners, deterioration alerts and action plans (issue 4,
-- policy 002). RAGs are kept per placement and week: the provider rates the pupils placed with it.

-- A provider's proposal thresholds (core RagRules); absent means core's defaults.
CREATE TABLE rag_rules (
  organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
  attendance_red_below REAL NOT NULL,
  attendance_amber_below REAL NOT NULL,
  exit_ticket_drop_amber REAL NOT NULL,
  exit_ticket_drop_red REAL NOT NULL,
  serious_incidents_red INTEGER NOT NULL,
  incidents_amber INTEGER NOT NULL
);

-- A provider's deterioration rule (core DeteriorationRule); absent means red_or_amber, 3 weeks.
CREATE TABLE deterioration_rules (
  organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
  trigger TEXT NOT NULL CHECK (trigger IN ('red_or_amber', 'red', 'worse_than_previous_week')),
  weeks_more_than INTEGER NOT NULL CHECK (weeks_more_than BETWEEN 1 AND 12)
);

-- A confirmed weekly RAG: what the rules proposed (and why), what staff confirmed, and who.
CREATE TABLE weekly_rags (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  placement_id INTEGER NOT NULL REFERENCES placements(id),
  provider_id INTEGER NOT NULL REFERENCES organisations(id),
  commissioner_id INTEGER NOT NULL REFERENCES organisations(id),
  week_start TEXT NOT NULL,
  proposed TEXT NOT NULL CHECK (proposed IN ('red', 'amber', 'green')),
  reasons TEXT NOT NULL DEFAULT '[]',
  confirmed TEXT NOT NULL CHECK (confirmed IN ('red', 'amber', 'green')),
  override_reason TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  confirmed_by INTEGER REFERENCES users(id),
  confirmed_at INTEGER NOT NULL,
  UNIQUE (placement_id, week_start)
);
CREATE INDEX weekly_rags_provider_week ON weekly_rags(provider_id, week_start);
CREATE INDEX weekly_rags_pupil ON weekly_rags(pupil_id, week_start);

-- A weekly update as sent: the header, and a snapshot of each pupil's RAG and comment, so the
-- commissioner reads exactly what was sent even if a RAG is corrected later.
CREATE TABLE weekly_updates (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES organisations(id),
  commissioner_id INTEGER NOT NULL REFERENCES organisations(id),
  week_start TEXT NOT NULL,
  sent_by INTEGER REFERENCES users(id),
  sent_at INTEGER NOT NULL,
  UNIQUE (provider_id, commissioner_id, week_start)
);
CREATE INDEX weekly_updates_commissioner ON weekly_updates(commissioner_id, week_start);

CREATE TABLE weekly_update_items (
  update_id INTEGER NOT NULL REFERENCES weekly_updates(id),
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (update_id, pupil_id)
);
CREATE INDEX weekly_update_items_pupil ON weekly_update_items(pupil_id);

-- One alert per run of deteriorating weeks (the run's first Monday identifies it).
CREATE TABLE deterioration_alerts (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  placement_id INTEGER NOT NULL REFERENCES placements(id),
  provider_id INTEGER NOT NULL REFERENCES organisations(id),
  commissioner_id INTEGER NOT NULL REFERENCES organisations(id),
  run_started TEXT NOT NULL,
  raised_week TEXT NOT NULL,
  consecutive_weeks INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  weeks_more_than INTEGER NOT NULL,
  raised_by INTEGER REFERENCES users(id),
  raised_on TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  UNIQUE (placement_id, run_started)
);
CREATE INDEX deterioration_alerts_provider ON deterioration_alerts(provider_id);
CREATE INDEX deterioration_alerts_pupil ON deterioration_alerts(pupil_id);

-- Action plans: kept, never deleted; a finished plan is closed.
CREATE TABLE action_plans (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  provider_id INTEGER NOT NULL REFERENCES organisations(id),
  alert_id INTEGER REFERENCES deterioration_alerts(id),
  summary TEXT NOT NULL DEFAULT '',
  review_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'reviewed', 'closed')),
  review_notes TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL
);
CREATE INDEX action_plans_pupil ON action_plans(pupil_id);
CREATE INDEX action_plans_provider ON action_plans(provider_id, status);
CREATE INDEX action_plans_alert ON action_plans(alert_id);

CREATE TABLE action_plan_actions (
  plan_id INTEGER NOT NULL REFERENCES action_plans(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  owner_id INTEGER NOT NULL REFERENCES users(id),
  due_date TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  PRIMARY KEY (plan_id, position)
);
