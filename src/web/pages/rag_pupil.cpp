// /pupils/{id}/rag: a pupil's weekly RAG history as a coloured strip of weeks, with the
// deterioration alerts raised and the action plans made.
#include <fmt/format.h>

#include "app/action_plans.h"
#include "app/deterioration_alerts.h"
#include "app/monitoring_access.h"
#include "app/weekly_rag.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"
#include "web/pages/rag_helpers.h"

namespace waymark::web {

namespace {

Response pupil_rag(const Templates& templates, Exchange& exchange) {
  auto id = exchange.id("id", "pupil");
  if (!id.ok()) return error_page(templates, exchange, id.error());
  auto history = app::pupil_rag_history(exchange.app, exchange.actor, *id);
  if (!history.ok()) return error_page(templates, exchange, history.error());
  auto alerts = app::pupil_deterioration_alerts(exchange.app, exchange.actor, *id);
  if (!alerts.ok()) return error_page(templates, exchange, alerts.error());
  auto plans = app::pupil_action_plans(exchange.app, exchange.actor, *id);
  if (!plans.ok()) return error_page(templates, exchange, plans.error());
  auto pupil = exchange.app.store.connection().pupil(*id);
  const std::string name = pupil ? pupil->display_name() : "Pupil";
  const bool writer = app::require_monitoring_writer(exchange.actor, "action plans").ok();

  List weeks;
  for (const auto& record : *history) {
    Data week{Data::type::object};
    week.set("week", format_date(record.week_start));
    week.set("rag", rag_tag(record.confirmed));
    week.set("comment", record.comment);
    week.set("override_reason", optional_text(record.override_reason));
    week.set("proposed",
             record.proposed != record.confirmed ? rag_tag(record.proposed) : Data(false));
    weeks.push_back(week);
  }
  List alert_items;
  for (const auto& view : *alerts) {
    Data item{Data::type::object};
    item.set("since", format_date(view.alert.run_started));
    item.set("raised", format_date(view.alert.raised_on));
    item.set("weeks", std::to_string(view.alert.consecutive_weeks));
    item.set("provider", view.provider_name);
    item.set("state", plan_state_tag(view.plan_state));
    item.set("plan_href",
             view.plan ? Data(fmt::format("/action-plans/{}", view.plan->id)) : Data(false));
    item.set("new_plan_href",
             !view.plan && writer && view.alert.provider_id == exchange.actor.organisation_id
                 ? Data(fmt::format("/pupils/{}/action-plans/new?alert={}", *id, view.alert.id))
                 : Data(false));
    alert_items.push_back(item);
  }
  List plan_items;
  for (const ActionPlan& plan : *plans) {
    Data item{Data::type::object};
    item.set("href", fmt::format("/action-plans/{}", plan.id));
    item.set("summary", plan.summary.empty() ? "Action plan" : plan.summary);
    item.set("status", to_string(plan.status));
    item.set("review", format_date(plan.review_date));
    plan_items.push_back(item);
  }
  Data data{Data::type::object};
  data.set("back_href", fmt::format("/pupils/{}", *id));
  data.set("pupil_name", name);
  data.set("weeks", weeks);
  data.set("has_weeks", !weeks.empty());
  data.set("alerts", alert_items);
  data.set("has_alerts", !alert_items.empty());
  data.set("plans", plan_items);
  data.set("has_plans", !plan_items.empty());
  data.set("new_plan_href",
           writer ? Data(fmt::format("/pupils/{}/action-plans/new", *id)) : Data(false));
  PageFrame frame = page_frame(exchange, "Weekly RAG – " + name);
  return render_page(templates, frame, "rag_pupil", data);
}

}  // namespace

void register_rag_pupil_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/rag",
              [&templates](Exchange& exchange) { return pupil_rag(templates, exchange); });
}

}  // namespace waymark::web
