#include "web/api/monitoring_json.h"

#include "app/monitoring_codec.h"

namespace waymark::web {

using app::Json;

Json rag_week_json(const app::RagWeek& week) {
  Json rows = Json::array();
  for (const app::RagWeekRow& row : week.rows)
    rows.push_back(Json{{"pupil_id", row.pupil_id},
                        {"pupil_name", row.pupil_name},
                        {"placement_id", row.placement_id},
                        {"commissioner_id", row.commissioner_id},
                        {"commissioner_name", row.commissioner_name},
                        {"evidence", app::to_json(row.evidence)},
                        {"proposed", to_string(row.proposal.rag)},
                        {"reasons", row.proposal.reasons},
                        {"confirmed", row.confirmed ? app::to_json(*row.confirmed) : Json()}});
  return Json{{"week_start", week.week_start.iso()},
              {"can_confirm", week.can_confirm},
              {"unconfirmed", week.unconfirmed()},
              {"items", rows}};
}

Json alert_json(const app::AlertView& view) {
  Json json = app::to_json(view.alert);
  json["pupil_name"] = view.pupil_name;
  json["provider_name"] = view.provider_name;
  json["commissioner_name"] = view.commissioner_name;
  json["plan_state"] = app::to_string(view.plan_state);
  json["plan_overdue"] = app::is_overdue(view.plan_state);
  json["plan"] = view.plan ? app::to_json(*view.plan) : Json();
  return json;
}

Json weekly_update_json(const app::WeeklyUpdateView& view) {
  Json lines = Json::array();
  for (const app::UpdateLine& line : view.lines)
    lines.push_back(Json{{"pupil_id", line.pupil_id},
                         {"pupil_name", line.pupil_name},
                         {"rag", line.rag ? Json(to_string(*line.rag)) : Json()},
                         {"comment", line.comment}});
  return Json{{"provider_id", view.provider_id},
              {"provider_name", view.provider_name},
              {"commissioner_id", view.commissioner_id},
              {"commissioner_name", view.commissioner_name},
              {"week_start", view.week_start.iso()},
              {"sent", view.sent},
              {"sent_at", view.sent ? Json(view.sent_at) : Json()},
              {"sent_by_name", view.sent_by_name},
              {"unconfirmed", view.unconfirmed()},
              {"items", lines}};
}

Json plan_overview_json(const app::ActionPlanOverview& overview) {
  Json plans = Json::array();
  for (const app::PlanItem& item : overview.open_plans) {
    Json json = app::to_json(item.plan);
    json["pupil_name"] = item.pupil_name;
    json["review_overdue"] = item.review_overdue;
    json["actions_overdue"] = item.actions_overdue;
    plans.push_back(std::move(json));
  }
  Json alerts = Json::array();
  for (const app::AlertView& view : overview.alerts_without_plan)
    alerts.push_back(alert_json(view));
  return Json{
      {"overdue", overview.overdue()}, {"open_plans", plans}, {"alerts_without_plan", alerts}};
}

Result<Date> week_segment(const std::string& text) {
  auto date = Date::parse(text, "week");
  if (!date.ok()) return Error::invalid("week", "give the week as a date like 2025-11-03");
  return *date;
}

}  // namespace waymark::web
