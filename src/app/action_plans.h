// Action plans (policy 002, issue 4 item 3): what the provider will do about a pupil whose
// progress has deteriorated: actions (what, owner, due date, done), a review date, and a status
// (open, reviewed, closed) with review notes. Plans are never deleted; a finished plan is closed.
//
// Who: the staff (admins, heads, teachers) of a provider the pupil is placed with write plans
// (Forbidden for anyone else who can see the pupil, e.g. the commissioning school, which reads
// them). NotFound when the pupil is not visible. Every write is audited (entity "action_plan").
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/deterioration_alerts.h"
#include "core/action_plan.h"
#include "core/user.h"

namespace waymark::app {

// A new plan for the pupil at the actor's provider. `request.alert_id`, when set, must be one of
// the pupil's alerts at that provider (Invalid on "alert_id"); action owners must be users of the
// provider (Invalid on "actions[i].owner_id"); otherwise core's validate_action_plan. Status
// starts open.
Result<ActionPlan> create_action_plan(Context& context, const Actor& actor, Id pupil_id,
                                      ActionPlan request);

using ActionPlanChange = std::function<void(ActionPlan&, ErrorList&)>;
// PATCH: applies `change` and checks the result as on create, plus the status change (core's
// check_action_plan_status_change). Conflict on "updated_at" when `expected_updated_at` is stale.
Result<ActionPlan> update_action_plan(Context& context, const Actor& actor, Id plan_id,
                                      const ActionPlanChange& change,
                                      std::optional<std::int64_t> expected_updated_at);

// NotFound when absent or the pupil is not visible.
Result<ActionPlan> get_action_plan(Context& context, const Actor& actor, Id plan_id);
// A visible pupil's plans, newest first.
Result<std::vector<ActionPlan>> pupil_action_plans(Context& context, const Actor& actor,
                                                   Id pupil_id);

// What the action-plans page and dashboards show: plans not closed (with whether their review is
// overdue and how many actions are past due), and alerts still waiting for a plan.
struct PlanItem {
  ActionPlan plan;
  std::string pupil_name;
  bool review_overdue = false;
  int actions_overdue = 0;  // not done and past their due date
};
struct ActionPlanOverview {
  std::vector<PlanItem> open_plans;            // newest first
  std::vector<AlertView> alerts_without_plan;  // Missing or MissingOverdue, newest first
  int overdue() const;  // plans with an overdue review + alerts whose plan is overdue
};
// For a provider: its own plans and alerts. For a school or LA: the plans and alerts about pupils
// it commissioned (through the alerts raised to it). Auditors read too.
Result<ActionPlanOverview> action_plan_overview(Context& context, const Actor& actor);

}  // namespace waymark::app
