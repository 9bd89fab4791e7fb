// Monitoring persistence (issue 4 items 2 and 3): providers' RAG rules and deterioration rule,
// confirmed weekly RAGs, weekly updates sent to commissioners, deterioration alerts and action
// plans. Reached as Connection::monitoring(), sharing the connection's transaction. Reads return
// nullopt / empty when nothing matches; faults of the database throw StoreFault. Authorisation is
// app/'s: these methods trust their caller.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/action_plan.h"
#include "core/date.h"
#include "core/deterioration.h"
#include "core/ids.h"
#include "core/weekly_rag.h"

namespace waymark::store {

// A pupil's confirmed RAG for one week of one placement.
struct WeeklyRagRecord {
  Id id = 0;
  Id pupil_id = 0;
  Id placement_id = 0;
  Id provider_id = 0;
  Id commissioner_id = 0;
  Date week_start;  // a Monday
  Rag proposed = Rag::Green;
  std::vector<std::string> reasons;  // why the rules proposed what they did
  Rag confirmed = Rag::Green;
  std::string override_reason;  // "" unless confirmed differs from proposed
  std::string comment;          // the one line sent to the commissioner
  Id confirmed_by = 0;
  std::int64_t confirmed_at = 0;
};

struct WeeklyUpdateItem {
  Id pupil_id = 0;
  Rag rag = Rag::Green;
  std::string comment;
};

// A weekly update as sent to one commissioner by one provider.
struct WeeklyUpdate {
  Id id = 0;
  Id provider_id = 0;
  Id commissioner_id = 0;
  Date week_start;
  Id sent_by = 0;
  std::int64_t sent_at = 0;
  std::vector<WeeklyUpdateItem> items;  // filled by weekly_update(); empty in lists
};

struct DeteriorationAlert {
  Id id = 0;
  Id pupil_id = 0;
  Id placement_id = 0;
  Id provider_id = 0;
  Id commissioner_id = 0;
  Date run_started;  // the first Monday of the run; one alert per run
  Date raised_week;  // the week whose confirmation made the rule hold
  int consecutive_weeks = 0;
  DeteriorationRule rule;  // the rule as it was when the alert was raised
  Id raised_by = 0;
  Date raised_on;  // the calendar day it was raised: a missing plan is late counted from it
  std::int64_t raised_at = 0;
};

class MonitoringStore {
 public:
  virtual ~MonitoringStore() = default;

  // Rules; nullopt when the provider keeps core's defaults.
  virtual std::optional<RagRules> rag_rules(Id organisation_id) = 0;
  virtual void set_rag_rules(Id organisation_id, const RagRules& rules) = 0;
  virtual std::optional<DeteriorationRule> deterioration_rule(Id organisation_id) = 0;
  virtual void set_deterioration_rule(Id organisation_id, const DeteriorationRule& rule) = 0;

  // Weekly RAGs, unique per (placement, week).
  virtual std::optional<WeeklyRagRecord> weekly_rag(Id placement_id, Date week_start) = 0;
  // Inserts or replaces the (placement, week) record; returns its id.
  virtual Id put_weekly_rag(const WeeklyRagRecord& record) = 0;
  // A provider's confirmed RAGs for one week, by pupil id.
  virtual std::vector<WeeklyRagRecord> weekly_rags_of_provider(Id provider_id, Date week_start) = 0;
  // A pupil's confirmed RAGs at every provider, oldest week first.
  virtual std::vector<WeeklyRagRecord> weekly_rags_of_pupil(Id pupil_id) = 0;
  // One placement's confirmed RAGs, oldest week first.
  virtual std::vector<WeeklyRagRecord> weekly_rags_of_placement(Id placement_id) = 0;

  // Weekly updates. insert_weekly_update writes the header and items; the caller has checked
  // that none exists for (provider, commissioner, week) (a clash throws StoreFault).
  virtual Id insert_weekly_update(const WeeklyUpdate& update) = 0;
  virtual std::optional<WeeklyUpdate> weekly_update(Id provider_id, Id commissioner_id,
                                                    Date week_start) = 0;  // with items
  // Headers only, newest week first.
  virtual std::vector<WeeklyUpdate> weekly_updates_of_provider(Id provider_id) = 0;
  virtual std::vector<WeeklyUpdate> weekly_updates_to(Id commissioner_id) = 0;
  // Every sent item about the pupil, as (week, rag, comment), oldest week first; provider_id
  // and commissioner_id come from the update's header.
  virtual std::vector<WeeklyRagRecord> sent_rags_of_pupil(Id pupil_id) = 0;

  // Deterioration alerts.
  virtual std::optional<DeteriorationAlert> deterioration_alert(Id id) = 0;
  virtual std::optional<DeteriorationAlert> alert_for_run(Id placement_id, Date run_started) = 0;
  virtual Id insert_deterioration_alert(const DeteriorationAlert& alert) = 0;
  virtual std::vector<DeteriorationAlert> alerts_of_pupil(Id pupil_id) = 0;        // newest first
  virtual std::vector<DeteriorationAlert> alerts_of_provider(Id provider_id) = 0;  // newest first
  virtual std::vector<DeteriorationAlert> alerts_to(Id commissioner_id) = 0;       // newest first

  // Action plans, with their actions in position order.
  virtual std::optional<ActionPlan> action_plan(Id id) = 0;
  virtual Id insert_action_plan(const ActionPlan& plan) = 0;
  // Replaces every field but pupil, provider, alert and created_*; replaces the actions.
  virtual void update_action_plan(const ActionPlan& plan) = 0;
  virtual std::vector<ActionPlan> action_plans_of_pupil(Id pupil_id) = 0;        // newest first
  virtual std::vector<ActionPlan> action_plans_of_provider(Id provider_id) = 0;  // newest first
  virtual std::vector<ActionPlan> action_plans_of_alert(Id alert_id) = 0;
};

}  // namespace waymark::store
