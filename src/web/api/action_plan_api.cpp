// /api/v1 action plans: a pupil's plans (list, create), one plan (read, change) and the overview
// of open and overdue plans.
#include "app/action_plans.h"
#include "app/monitoring_codec.h"
#include "web/api/monitoring_json.h"
#include "web/web_app.h"

namespace waymark::web {

using app::Json;

void register_action_plan_api(Router& router) {
  router.api(Method::Get, "/api/v1/pupils/{id}/action-plans", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto plans = app::pupil_action_plans(exchange.app, exchange.actor, *id);
    if (!plans.ok()) return error_response(plans.error());
    Json list = Json::array();
    for (const ActionPlan& plan : *plans) list.push_back(app::to_json(plan));
    return Response::json(200, Json{{"items", list}});
  });
  router.api(Method::Post, "/api/v1/pupils/{id}/action-plans", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    ActionPlan request;
    ErrorList errors;
    if (!body->contains("review_date")) errors.add("review_date", "is required");
    app::read_action_plan(*body, request, errors);
    app::read_id(*body, "alert_id", request.alert_id, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto plan = app::create_action_plan(exchange.app, exchange.actor, *id, std::move(request));
    if (!plan.ok()) return error_response(plan.error());
    return Response::json(201, app::to_json(*plan));
  });
  router.api(Method::Get, "/api/v1/action-plans", [](Exchange& exchange) {
    auto overview = app::action_plan_overview(exchange.app, exchange.actor);
    if (!overview.ok()) return error_response(overview.error());
    return Response::json(200, plan_overview_json(*overview));
  });
  router.api(Method::Get, "/api/v1/action-plans/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "action plan");
    if (!id.ok()) return error_response(id.error());
    auto plan = app::get_action_plan(exchange.app, exchange.actor, *id);
    if (!plan.ok()) return error_response(plan.error());
    return Response::json(200, app::to_json(*plan));
  });
  router.api(Method::Patch, "/api/v1/action-plans/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "action plan");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    std::optional<std::int64_t> expected;
    if (auto found = body->find("updated_at"); found != body->end() && found->is_number_integer())
      expected = found->get<std::int64_t>();
    const Json& fields = *body;
    auto plan = app::update_action_plan(
        exchange.app, exchange.actor, *id,
        [&](ActionPlan& into, ErrorList& errors) { app::read_action_plan(fields, into, errors); },
        expected);
    if (!plan.ok()) return error_response(plan.error());
    return Response::json(200, app::to_json(*plan));
  });
}

}  // namespace waymark::web
