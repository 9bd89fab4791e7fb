#include "app/monitoring_dashboard.h"

#include "app/weekly_rag.h"

namespace waymark::app {

Result<RagsToConfirm> rags_to_confirm(Context& context, const Actor& actor) {
  const RagWeek week = WAYMARK_TRY(rag_week(context, actor, context.clock.today()));
  return RagsToConfirm{week.week_start, static_cast<int>(week.rows.size()), week.unconfirmed()};
}

Result<std::vector<AlertView>> deteriorating_pupils(Context& context, const Actor& actor) {
  std::vector<AlertView> alerts = WAYMARK_TRY(deterioration_alerts(context, actor));
  std::erase_if(alerts, [](const AlertView& view) { return view.plan_state == PlanState::Closed; });
  return alerts;
}

Result<ActionPlanOverview> overdue_action_plans(Context& context, const Actor& actor) {
  ActionPlanOverview overview = WAYMARK_TRY(action_plan_overview(context, actor));
  std::erase_if(overview.open_plans, [](const PlanItem& item) { return !item.review_overdue; });
  std::erase_if(overview.alerts_without_plan,
                [](const AlertView& view) { return view.plan_state != PlanState::MissingOverdue; });
  return overview;
}

}  // namespace waymark::app
