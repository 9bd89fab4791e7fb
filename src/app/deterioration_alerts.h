// Deterioration (policy 002, issue 4 item 3): when a pupil's confirmed weekly RAGs meet the
// provider's rule (core DeteriorationRule, default Red or Amber for more than three consecutive
// teaching weeks), an alert is recorded once per run, the provider's heads and the commissioner
// are notified (topic "rag.deterioration"), and an action plan is required. A plan still missing
// kMissingPlanSchoolDays school days after the alert shows as overdue.
//
// Who: alerts are read by the provider the pupil is placed with and by the commissioner (and
// anyone else who can see the pupil, for that pupil). The rule is read by the provider's staff and
// set by its admins and heads (audited, entity "deterioration_rule").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/action_plan.h"
#include "core/deterioration.h"
#include "core/user.h"
#include "store/monitoring_store.h"

namespace waymark::app {

inline constexpr int kMissingPlanSchoolDays = 5;

// Inside the caller's transaction after a confirmation: evaluates the provider's rule over the
// placement's confirmed RAGs and its calendar (holidays skipped). When the rule holds and the run
// has no alert yet: records one (raised by `raised_by`, 0 for the system), notifies, and returns
// it. Otherwise returns nullopt. Does not audit: see evaluate_deterioration_for.
Result<std::optional<store::DeteriorationAlert>> raise_deterioration_alert(
    store::Connection& tx, Id raised_by, std::int64_t now, Date today, const Placement& placement);

// raise_deterioration_alert, with an audit entry (entity "deterioration_alert") by `actor` when
// an alert is raised: what app/weekly_rag.cpp calls. (The demo seeder calls the unaudited one:
// its whole load is audited once.)
Result<std::optional<store::DeteriorationAlert>> evaluate_deterioration_for(
    store::Connection& tx, const Actor& actor, std::int64_t now, Date today,
    const Placement& placement);

// Where an alert stands as far as its action plan goes.
enum class PlanState {
  Missing,         // no plan yet, still within kMissingPlanSchoolDays
  MissingOverdue,  // no plan, and the days have passed
  Open,            // a plan not closed, its review not yet due
  ReviewOverdue,   // a plan not closed whose review date has passed
  Closed,          // the latest plan is closed
};
const char* to_string(PlanState state);  // "missing", "missing_overdue", "open", ...
bool is_overdue(PlanState state);

struct AlertView {
  store::DeteriorationAlert alert;
  std::string pupil_name;
  std::string provider_name;
  std::string commissioner_name;
  std::optional<ActionPlan> plan;  // the latest plan made for the alert
  PlanState plan_state = PlanState::Missing;
};

// The state of `alert`'s plan on `today`, counting school days on the provider's calendar (or
// weekdays when it has none).
PlanState plan_state_of(store::Connection& connection, const store::DeteriorationAlert& alert,
                        const std::optional<ActionPlan>& plan, Date today);

// Alerts the actor's organisation is concerned with, newest first: a provider's own, or those
// raised to a commissioner (school or LA) about pupils it can see.
Result<std::vector<AlertView>> deterioration_alerts(Context& context, const Actor& actor);
// One visible pupil's alerts, newest first.
Result<std::vector<AlertView>> pupil_deterioration_alerts(Context& context, const Actor& actor,
                                                          Id pupil_id);

Result<DeteriorationRule> get_deterioration_rule(Context& context, const Actor& actor);
Result<DeteriorationRule> set_deterioration_rule(Context& context, const Actor& actor,
                                                 const DeteriorationRule& rule);

}  // namespace waymark::app
