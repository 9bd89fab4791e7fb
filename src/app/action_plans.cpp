#include "app/action_plans.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "app/audit.h"
#include "app/monitoring_access.h"
#include "app/monitoring_codec.h"
#include "app/visibility.h"

namespace waymark::app {

namespace {

constexpr const char* kEntity = "action_plan";

// Ok when the actor writes plans for the pupil: visible (NotFound), provider staff (Forbidden).
Status require_plan_writer(store::Connection& connection, const Actor& actor, Id pupil_id) {
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  return require_monitoring_writer(actor, "action plans");
}

// The checks beyond core's: the alert is the pupil's at the provider; owners are its users.
Status check_plan(store::Connection& connection, const ActionPlan& plan, Date created_on,
                  Date today) {
  ErrorList errors;
  if (auto valid = validate_action_plan(plan, created_on, today); !valid.ok())
    errors.add_all(valid.error());
  if (plan.alert_id != 0) {
    auto alert = connection.monitoring().deterioration_alert(plan.alert_id);
    if (!alert || alert->pupil_id != plan.pupil_id || alert->provider_id != plan.provider_id)
      errors.add("alert_id", "is not one of this pupil's alerts at your provider");
  }
  std::set<Id> staff;
  for (const User& user : connection.users_in(plan.provider_id))
    if (user.active) staff.insert(user.id);
  for (std::size_t index = 0; index < plan.actions.size(); ++index) {
    const Id owner = plan.actions[index].owner_id;
    if (owner != 0 && !staff.contains(owner))
      errors.add(fmt::format("actions[{}].owner_id", index),
                 "choose a member of your provider's staff");
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

Result<ActionPlan> visible_plan(store::Connection& connection, const Actor& actor, Id plan_id) {
  auto plan = connection.monitoring().action_plan(plan_id);
  if (!plan || !connection.pupil_visible(plan->pupil_id, visibility_of(actor)))
    return Error::not_found("action plan");
  return std::move(*plan);
}

PlanItem item_of(store::Connection& connection, ActionPlan plan, Date today) {
  PlanItem item;
  if (auto pupil = connection.pupil(plan.pupil_id)) item.pupil_name = pupil->sort_name();
  item.review_overdue = action_plan_review_overdue(plan, today);
  for (const PlanAction& action : plan.actions)
    if (!action.done && action.due_date < today) ++item.actions_overdue;
  item.plan = std::move(plan);
  return item;
}

}  // namespace

int ActionPlanOverview::overdue() const {
  int count = 0;
  for (const PlanItem& item : open_plans) count += item.review_overdue ? 1 : 0;
  for (const AlertView& alert : alerts_without_plan)
    count += alert.plan_state == PlanState::MissingOverdue ? 1 : 0;
  return count;
}

Result<ActionPlan> create_action_plan(Context& context, const Actor& actor, Id pupil_id,
                                      ActionPlan request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_plan_writer(connection, actor, pupil_id));
  const Date today = context.clock.today();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<ActionPlan> {
    ActionPlan plan = std::move(request);
    plan.id = 0;
    plan.pupil_id = pupil_id;
    plan.provider_id = actor.organisation_id;
    plan.status = ActionPlanStatus::Open;
    plan.created_by = plan.updated_by = actor.user_id;
    plan.created_at = plan.updated_at = now;
    WAYMARK_TRY_STATUS(check_plan(tx, plan, today, today));
    plan.id = tx.monitoring().insert_action_plan(plan);
    record_audit(tx, actor, now, "create", kEntity, plan.id, pupil_id, nullptr, to_json(plan));
    return plan;
  });
}

Result<ActionPlan> update_action_plan(Context& context, const Actor& actor, Id plan_id,
                                      const ActionPlanChange& change,
                                      std::optional<std::int64_t> expected_updated_at) {
  auto& connection = context.store.connection();
  const Date today = context.clock.today();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<ActionPlan> {
    ActionPlan current = WAYMARK_TRY(visible_plan(tx, actor, plan_id));
    WAYMARK_TRY_STATUS(require_plan_writer(tx, actor, current.pupil_id));
    if (current.provider_id != actor.organisation_id)
      return Error::forbidden("an action plan is kept by the provider that made it");
    if (expected_updated_at && *expected_updated_at != current.updated_at)
      return Error::conflict(
          "updated_at", "someone else changed this plan since you opened it: reload and try again");
    ActionPlan changed = current;
    ErrorList errors;
    change(changed, errors);
    if (!errors.empty()) return errors.to_error();
    WAYMARK_TRY_STATUS(check_action_plan_status_change(current.status, changed.status));
    // A review date already passed stays acceptable (the plan is overdue, not invalid); a new
    // one may be no earlier than today or the current one.
    const Date created_on = std::min(today, current.review_date);
    WAYMARK_TRY_STATUS(check_plan(tx, changed, created_on, today));
    changed.updated_by = actor.user_id;
    changed.updated_at = std::max(now, current.updated_at + 1);
    tx.monitoring().update_action_plan(changed);
    record_audit(tx, actor, now, "update", kEntity, changed.id, changed.pupil_id, to_json(current),
                 to_json(changed));
    return changed;
  });
}

Result<ActionPlan> get_action_plan(Context& context, const Actor& actor, Id plan_id) {
  return visible_plan(context.store.connection(), actor, plan_id);
}

Result<std::vector<ActionPlan>> pupil_action_plans(Context& context, const Actor& actor,
                                                   Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  return connection.monitoring().action_plans_of_pupil(pupil_id);
}

Result<ActionPlanOverview> action_plan_overview(Context& context, const Actor& actor) {
  const std::vector<AlertView> alerts = WAYMARK_TRY(deterioration_alerts(context, actor));
  auto& connection = context.store.connection();
  const Date today = context.clock.today();
  ActionPlanOverview overview;
  std::vector<ActionPlan> plans;
  if (actor.organisation_kind == OrgKind::Provider) {
    plans = connection.monitoring().action_plans_of_provider(actor.organisation_id);
  } else {
    std::set<Id> pupils;
    for (const AlertView& view : alerts) pupils.insert(view.alert.pupil_id);
    for (Id pupil_id : pupils)
      for (ActionPlan& plan : connection.monitoring().action_plans_of_pupil(pupil_id))
        plans.push_back(std::move(plan));
    std::sort(plans.begin(), plans.end(), [](const ActionPlan& a, const ActionPlan& b) {
      return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
    });
  }
  for (ActionPlan& plan : plans)
    if (plan.status != ActionPlanStatus::Closed)
      overview.open_plans.push_back(item_of(connection, std::move(plan), today));
  for (const AlertView& view : alerts)
    if (view.plan_state == PlanState::Missing || view.plan_state == PlanState::MissingOverdue)
      overview.alerts_without_plan.push_back(view);
  return overview;
}

}  // namespace waymark::app
