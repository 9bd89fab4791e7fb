#include "app/deterioration_alerts.h"

#include <map>

#include <fmt/format.h>

#include "app/audit.h"
#include "app/monitoring_access.h"
#include "app/monitoring_codec.h"
#include "app/notifications.h"
#include "app/visibility.h"

namespace waymark::app {

namespace {

std::vector<WeekRag> history_of(store::Connection& tx, Id placement_id) {
  std::vector<WeekRag> history;
  for (const store::WeeklyRagRecord& record :
       tx.monitoring().weekly_rags_of_placement(placement_id))
    history.push_back(WeekRag{record.week_start, record.confirmed});
  return history;
}

Status notify_deterioration(store::Connection& tx, std::int64_t now,
                            const store::DeteriorationAlert& alert) {
  const Notice notice{
      .topic = "rag.deterioration",
      .subject = "A pupil's progress has deteriorated: an action plan is needed",
      .body = fmt::format("Weekly RAGs have met the deterioration rule for {} consecutive weeks "
                          "(since the week of {}). An action plan is required.",
                          alert.consecutive_weeks, alert.run_started.uk()),
      .link = fmt::format("/pupils/{}/rag", alert.pupil_id),
      .pupil_id = alert.pupil_id};
  WAYMARK_TRY(notify_organisation(tx, now, alert.provider_id, Roles{Role::Head}, notice));
  WAYMARK_TRY(notify_organisation(tx, now, alert.commissioner_id,
                                  Roles{Role::Commissioner, Role::Head, Role::Admin}, notice));
  return {};
}

std::string organisation_name(store::Connection& connection, std::map<Id, std::string>& cache,
                              Id id) {
  auto [found, inserted] = cache.try_emplace(id);
  if (inserted)
    if (auto organisation = connection.organisation(id)) found->second = organisation->name;
  return found->second;
}

std::vector<AlertView> views_of(store::Connection& connection,
                                const std::vector<store::DeteriorationAlert>& alerts, Date today) {
  std::vector<AlertView> views;
  std::map<Id, std::string> names;
  for (const store::DeteriorationAlert& alert : alerts) {
    AlertView view;
    view.alert = alert;
    if (auto pupil = connection.pupil(alert.pupil_id)) view.pupil_name = pupil->sort_name();
    view.provider_name = organisation_name(connection, names, alert.provider_id);
    view.commissioner_name = organisation_name(connection, names, alert.commissioner_id);
    std::vector<ActionPlan> plans = connection.monitoring().action_plans_of_alert(alert.id);
    if (!plans.empty()) view.plan = std::move(plans.front());  // newest first
    view.plan_state = plan_state_of(connection, alert, view.plan, today);
    views.push_back(std::move(view));
  }
  return views;
}

}  // namespace

const char* to_string(PlanState state) {
  switch (state) {
    case PlanState::Missing:
      return "missing";
    case PlanState::MissingOverdue:
      return "missing_overdue";
    case PlanState::Open:
      return "open";
    case PlanState::ReviewOverdue:
      return "review_overdue";
    case PlanState::Closed:
      return "closed";
  }
  return "missing";
}

bool is_overdue(PlanState state) {
  return state == PlanState::MissingOverdue || state == PlanState::ReviewOverdue;
}

PlanState plan_state_of(store::Connection& connection, const store::DeteriorationAlert& alert,
                        const std::optional<ActionPlan>& plan, Date today) {
  if (plan) {
    if (plan->status == ActionPlanStatus::Closed) return PlanState::Closed;
    return action_plan_review_overdue(*plan, today) ? PlanState::ReviewOverdue : PlanState::Open;
  }
  const std::vector<Term> terms = connection.terms_of(alert.provider_id);
  const std::vector<ClosureDay> closures = connection.closure_days_of(alert.provider_id);
  int school_days = 0;
  for (Date day = alert.raised_on.plus_days(1); day <= today; day = day.plus_days(1)) {
    const bool counts = terms.empty() ? day.weekday() <= 5 : is_school_day(day, terms, closures);
    if (counts && ++school_days >= kMissingPlanSchoolDays) return PlanState::MissingOverdue;
  }
  return PlanState::Missing;
}

Result<std::optional<store::DeteriorationAlert>> raise_deterioration_alert(
    store::Connection& tx, Id raised_by, std::int64_t now, Date today, const Placement& placement) {
  const DeteriorationRule rule = deterioration_rule_of(tx, placement.provider_id);
  const DeteriorationResult result = WAYMARK_TRY(
      evaluate_deterioration(history_of(tx, placement.id), rule, tx.terms_of(placement.provider_id),
                             tx.closure_days_of(placement.provider_id)));
  if (!result.deteriorating || !result.run_started || !result.last_week)
    return std::optional<store::DeteriorationAlert>{};
  if (tx.monitoring().alert_for_run(placement.id, *result.run_started))
    return std::optional<store::DeteriorationAlert>{};  // this run was alerted already
  store::DeteriorationAlert alert{.id = 0,
                                  .pupil_id = placement.pupil_id,
                                  .placement_id = placement.id,
                                  .provider_id = placement.provider_id,
                                  .commissioner_id = placement.commissioner_id,
                                  .run_started = *result.run_started,
                                  .raised_week = *result.last_week,
                                  .consecutive_weeks = result.consecutive_weeks,
                                  .rule = rule,
                                  .raised_by = raised_by,
                                  .raised_on = today,
                                  .raised_at = now};
  alert.id = tx.monitoring().insert_deterioration_alert(alert);
  WAYMARK_TRY_STATUS(notify_deterioration(tx, now, alert));
  return std::optional<store::DeteriorationAlert>{alert};
}

Result<std::optional<store::DeteriorationAlert>> evaluate_deterioration_for(
    store::Connection& tx, const Actor& actor, std::int64_t now, Date today,
    const Placement& placement) {
  auto alert = WAYMARK_TRY(raise_deterioration_alert(tx, actor.user_id, now, today, placement));
  if (alert)
    record_audit(tx, actor, now, "raise", "deterioration_alert", alert->id, alert->pupil_id,
                 nullptr, to_json(*alert));
  return alert;
}

Result<std::vector<AlertView>> deterioration_alerts(Context& context, const Actor& actor) {
  if (!actor.can_read()) return Error::forbidden("your account has no role here");
  auto& connection = context.store.connection();
  std::vector<store::DeteriorationAlert> alerts =
      actor.organisation_kind == OrgKind::Provider
          ? connection.monitoring().alerts_of_provider(actor.organisation_id)
          : connection.monitoring().alerts_to(actor.organisation_id);
  const store::Visibility visibility = visibility_of(actor);
  std::erase_if(alerts, [&](const store::DeteriorationAlert& alert) {
    return !connection.pupil_visible(alert.pupil_id, visibility);
  });
  return views_of(connection, alerts, context.clock.today());
}

Result<std::vector<AlertView>> pupil_deterioration_alerts(Context& context, const Actor& actor,
                                                          Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  return views_of(connection, connection.monitoring().alerts_of_pupil(pupil_id),
                  context.clock.today());
}

Result<DeteriorationRule> get_deterioration_rule(Context& context, const Actor& actor) {
  WAYMARK_TRY_STATUS(require_provider_reader(actor));
  return deterioration_rule_of(context.store.connection(), actor.organisation_id);
}

Result<DeteriorationRule> set_deterioration_rule(Context& context, const Actor& actor,
                                                 const DeteriorationRule& rule) {
  WAYMARK_TRY_STATUS(require_rule_setter(actor));
  WAYMARK_TRY_STATUS(validate_deterioration_rule(rule));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(
      context.store.connection(), [&](store::Connection& tx) -> Result<DeteriorationRule> {
        const DeteriorationRule before = deterioration_rule_of(tx, actor.organisation_id);
        tx.monitoring().set_deterioration_rule(actor.organisation_id, rule);
        record_audit(tx, actor, now, "update", "deterioration_rule", actor.organisation_id, 0,
                     to_json(before), to_json(rule));
        return rule;
      });
}

}  // namespace waymark::app
