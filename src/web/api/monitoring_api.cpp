// /api/v1 weekly RAG and deterioration: a provider's week, confirming a pupil's RAG (and the
// quick confirm of a week), a pupil's history and alerts, the rules, weekly updates and alerts.
// Action plans are in action_plan_api.cpp.
#include "app/deterioration_alerts.h"
#include "app/monitoring_codec.h"
#include "app/weekly_rag.h"
#include "app/weekly_updates.h"
#include "web/api/monitoring_json.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

using app::Json;

Json items(Json list) {
  return Json{{"items", std::move(list)}};
}

// The body of PUT /pupils/{id}/rag/{monday}: {rag?, override_reason?, comment?}.
Result<app::RagConfirmation> read_confirmation(const Json& body) {
  app::RagConfirmation request;
  ErrorList errors;
  std::string rag;
  if (body.contains("rag") && !body["rag"].is_null() &&
      app::read_string(body, "rag", rag, errors)) {
    auto parsed = parse_rag(rag);
    if (parsed.ok())
      request.rag = *parsed;
    else
      errors.add_all(parsed.error());
  }
  app::read_string(body, "override_reason", request.override_reason, errors);
  app::read_string(body, "comment", request.comment, errors);
  if (!errors.empty()) return errors.to_error();
  return request;
}

void register_rag_routes(Router& router) {
  router.api(Method::Get, "/api/v1/rag-weeks/{monday}", [](Exchange& exchange) {
    auto week = week_segment(exchange.path.at("monday"));
    if (!week.ok()) return error_response(week.error());
    auto rag_week = app::rag_week(exchange.app, exchange.actor, *week);
    if (!rag_week.ok()) return error_response(rag_week.error());
    return Response::json(200, rag_week_json(*rag_week));
  });
  router.api(Method::Post, "/api/v1/rag-weeks/{monday}/confirm-unchanged", [](Exchange& exchange) {
    auto week = week_segment(exchange.path.at("monday"));
    if (!week.ok()) return error_response(week.error());
    auto count = app::confirm_unchanged_rags(exchange.app, exchange.actor, *week);
    if (!count.ok()) return error_response(count.error());
    return Response::json(200, Json{{"confirmed", *count}});
  });
  router.api(Method::Put, "/api/v1/pupils/{id}/rag/{monday}", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto week = week_segment(exchange.path.at("monday"));
    if (!week.ok()) return error_response(week.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    auto request = read_confirmation(*body);
    if (!request.ok()) return error_response(request.error());
    auto record = app::confirm_weekly_rag(exchange.app, exchange.actor, *id, *week, *request);
    if (!record.ok()) return error_response(record.error());
    return Response::json(200, app::to_json(*record));
  });
  router.api(Method::Get, "/api/v1/pupils/{id}/rag", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto history = app::pupil_rag_history(exchange.app, exchange.actor, *id);
    if (!history.ok()) return error_response(history.error());
    auto alerts = app::pupil_deterioration_alerts(exchange.app, exchange.actor, *id);
    if (!alerts.ok()) return error_response(alerts.error());
    Json weeks = Json::array();
    for (const auto& record : *history) weeks.push_back(app::to_json(record));
    Json alert_list = Json::array();
    for (const auto& view : *alerts) alert_list.push_back(alert_json(view));
    return Response::json(200, Json{{"items", weeks}, {"alerts", alert_list}});
  });
}

void register_rule_routes(Router& router) {
  router.api(Method::Get, "/api/v1/rag-rules", [](Exchange& exchange) {
    auto rules = app::get_rag_rules(exchange.app, exchange.actor);
    if (!rules.ok()) return error_response(rules.error());
    return Response::json(200, app::to_json(*rules));
  });
  router.api(Method::Put, "/api/v1/rag-rules", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    auto current = app::get_rag_rules(exchange.app, exchange.actor);
    if (!current.ok()) return error_response(current.error());
    RagRules rules = *current;
    ErrorList errors;
    app::read_rag_rules(*body, rules, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto saved = app::set_rag_rules(exchange.app, exchange.actor, rules);
    if (!saved.ok()) return error_response(saved.error());
    return Response::json(200, app::to_json(*saved));
  });
  router.api(Method::Get, "/api/v1/deterioration-rule", [](Exchange& exchange) {
    auto rule = app::get_deterioration_rule(exchange.app, exchange.actor);
    if (!rule.ok()) return error_response(rule.error());
    return Response::json(200, app::to_json(*rule));
  });
  router.api(Method::Put, "/api/v1/deterioration-rule", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    auto current = app::get_deterioration_rule(exchange.app, exchange.actor);
    if (!current.ok()) return error_response(current.error());
    DeteriorationRule rule = *current;
    ErrorList errors;
    app::read_deterioration_rule(*body, rule, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto saved = app::set_deterioration_rule(exchange.app, exchange.actor, rule);
    if (!saved.ok()) return error_response(saved.error());
    return Response::json(200, app::to_json(*saved));
  });
}

void register_update_routes(Router& router) {
  router.api(Method::Get, "/api/v1/weekly-updates", [](Exchange& exchange) {
    std::optional<Date> week;
    if (const std::string text = exchange.request.param("week"); !text.empty()) {
      auto parsed = week_segment(text);
      if (!parsed.ok()) return error_response(parsed.error());
      week = *parsed;
    }
    auto updates = app::weekly_updates(exchange.app, exchange.actor, week);
    if (!updates.ok()) return error_response(updates.error());
    Json list = Json::array();
    for (const auto& view : *updates) list.push_back(weekly_update_json(view));
    return Response::json(200, items(std::move(list)));
  });
  router.api(Method::Get, "/api/v1/weekly-updates/{school}/{monday}", [](Exchange& exchange) {
    auto school = exchange.id("school", "weekly update");
    if (!school.ok()) return error_response(school.error());
    auto week = week_segment(exchange.path.at("monday"));
    if (!week.ok()) return error_response(week.error());
    auto update = app::weekly_update(exchange.app, exchange.actor, *school, *week);
    if (!update.ok()) return error_response(update.error());
    return Response::json(200, weekly_update_json(*update));
  });
  router.api(Method::Post, "/api/v1/weekly-updates/{school}/{monday}/send", [](Exchange& exchange) {
    auto school = exchange.id("school", "weekly update");
    if (!school.ok()) return error_response(school.error());
    auto week = week_segment(exchange.path.at("monday"));
    if (!week.ok()) return error_response(week.error());
    auto update = app::send_weekly_update(exchange.app, exchange.actor, *school, *week);
    if (!update.ok()) return error_response(update.error());
    return Response::json(200, weekly_update_json(*update));
  });
  router.api(Method::Get, "/api/v1/deterioration-alerts", [](Exchange& exchange) {
    auto alerts = app::deterioration_alerts(exchange.app, exchange.actor);
    if (!alerts.ok()) return error_response(alerts.error());
    Json list = Json::array();
    for (const auto& view : *alerts) list.push_back(alert_json(view));
    return Response::json(200, items(std::move(list)));
  });
}

}  // namespace

void register_monitoring_api(Router& router) {
  register_rag_routes(router);
  register_rule_routes(router);
  register_update_routes(router);
  register_action_plan_api(router);
}

}  // namespace waymark::web
