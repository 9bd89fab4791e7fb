// /api/v1 behaviour: incident types, incidents (list, record, read, change), a pupil's behaviour
// record as the reader may see it, rewards, the provider's analysis, and placements' sharing.
#include <fmt/format.h>

#include "app/behaviour_analysis.h"
#include "app/behaviour_codec.h"
#include "app/behaviour_incidents.h"
#include "app/behaviour_pupil.h"
#include "web/api/api_dates.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

Json incident_json(const app::IncidentView& view) {
  Json json = app::to_json(view.incident);
  // The provider's own view names the pupils; others get none (the list is empty).
  for (std::size_t index = 0; index < view.pupils.size() && index < json["pupils"].size(); ++index)
    json["pupils"][index]["name"] = view.pupils[index].name;
  return json;
}

Json rows_json(const std::vector<app::AnalysisRow>& rows) {
  Json items = Json::array();
  for (const app::AnalysisRow& row : rows)
    items.push_back(Json{{"key", row.key},
                         {"label", row.label},
                         {"incidents", row.incidents},
                         {"serious", row.serious}});
  return items;
}

Json sharing_json(const app::PlacementSharing& sharing) {
  return Json{{"placement_id", sharing.placement.id},
              {"provider_id", sharing.placement.provider_id},
              {"commissioner_id", sharing.placement.commissioner_id},
              {"behaviour", to_string(sharing.level)},
              {"recorded", sharing.recorded}};
}

Json types_json(const std::vector<std::string>& types) {
  return Json{{"items", types}};
}

void register_incident_routes(Router& router) {
  router.api(Method::Get, "/api/v1/behaviour-types", [](Exchange& exchange) {
    auto types = app::list_incident_types(exchange.app, exchange.actor);
    if (!types.ok()) return error_response(types.error());
    return Response::json(200, types_json(*types));
  });
  router.api(Method::Put, "/api/v1/behaviour-types", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    auto found = body->find("items");
    if (found == body->end() || !found->is_array())
      return error_response(Error::invalid("items", "must be a list of type names"));
    std::vector<std::string> types;
    for (const Json& item : *found) {
      if (!item.is_string())
        return error_response(Error::invalid("items", "must be a list of type names"));
      types.push_back(item.get<std::string>());
    }
    auto saved = app::set_incident_types(exchange.app, exchange.actor, types);
    if (!saved.ok()) return error_response(saved.error());
    return Response::json(200, types_json(*saved));
  });
  router.api(Method::Get, "/api/v1/behaviour-incidents", [](Exchange& exchange) {
    auto window = query_dates(exchange.request);
    if (!window.ok()) return error_response(window.error());
    auto incidents =
        app::list_incidents(exchange.app, exchange.actor, window->first, window->second);
    if (!incidents.ok()) return error_response(incidents.error());
    Json items = Json::array();
    for (const auto& view : *incidents) items.push_back(incident_json(view));
    return Response::json(200, Json{{"items", items}});
  });
  router.api(Method::Post, "/api/v1/behaviour-incidents", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    BehaviourIncident request;
    ErrorList errors;
    app::read_incident(*body, request, errors);
    for (const char* field : {"incident_date", "time", "severity"})
      if (!body->contains(field)) errors.add(field, "is required");
    if (!errors.empty()) return error_response(errors.to_error());
    auto recorded = app::record_incident(exchange.app, exchange.actor, request);
    if (!recorded.ok()) return error_response(recorded.error());
    auto view = app::get_incident(exchange.app, exchange.actor, recorded->id);
    if (!view.ok()) return error_response(view.error());
    return Response::json(201, incident_json(*view))
        .with_header("Location", fmt::format("/api/v1/behaviour-incidents/{}", recorded->id));
  });
  router.api(Method::Get, "/api/v1/behaviour-incidents/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "incident");
    if (!id.ok()) return error_response(id.error());
    auto view = app::get_incident(exchange.app, exchange.actor, *id);
    if (!view.ok()) return error_response(view.error());
    return Response::json(200, incident_json(*view));
  });
  router.api(Method::Patch, "/api/v1/behaviour-incidents/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "incident");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    const Json& fields = *body;
    auto updated = app::update_incident(exchange.app, exchange.actor, *id,
                                        [&](BehaviourIncident& incident, ErrorList& errors) {
                                          app::read_incident(fields, incident, errors);
                                        });
    if (!updated.ok()) return error_response(updated.error());
    auto view = app::get_incident(exchange.app, exchange.actor, *id);
    if (!view.ok()) return error_response(view.error());
    return Response::json(200, incident_json(*view));
  });
}

void register_pupil_behaviour_routes(Router& router) {
  router.api(Method::Get, "/api/v1/pupils/{id}/behaviour", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto window = query_dates(exchange.request);
    if (!window.ok()) return error_response(window.error());
    auto record =
        app::pupil_behaviour(exchange.app, exchange.actor, *id, window->first, window->second);
    if (!record.ok()) return error_response(record.error());
    Json incidents = Json::array();
    for (const auto& view : record->incidents) incidents.push_back(incident_json(view));
    Json severities = Json::object();
    for (const auto& count : record->by_severity)
      severities[to_string(count.severity)] = count.count;
    Json rewards = Json::array();
    for (const Reward& reward : record->rewards) rewards.push_back(app::to_json(reward));
    Json sharing = Json::array();
    for (const auto& item : record->sharing) sharing.push_back(sharing_json(item));
    return Response::json(200, Json{{"pupil_id", record->pupil_id},
                                    {"incident_total", record->incident_total},
                                    {"by_severity", severities},
                                    {"incidents", incidents},
                                    {"rewards", rewards},
                                    {"points_total", record->points_total},
                                    {"student_of_the_week", record->student_of_the_week},
                                    {"summary_only", record->shared_summary_only},
                                    {"sharing", sharing}});
  });
  router.api(Method::Post, "/api/v1/pupils/{id}/rewards", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    Reward request;
    request.award_date = exchange.app.clock.today();
    ErrorList errors;
    app::read_reward(*body, request, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    request.pupil_id = *id;
    auto reward = app::add_reward(exchange.app, exchange.actor, request);
    if (!reward.ok()) return error_response(reward.error());
    return Response::json(201, app::to_json(*reward));
  });
  router.api(Method::Get, "/api/v1/behaviour/analysis", [](Exchange& exchange) {
    auto window = query_dates(exchange.request);
    if (!window.ok()) return error_response(window.error());
    const Date today = exchange.app.clock.today();
    const Date to = window->second.value_or(today);
    const Date from = window->first.value_or(to.plus_days(-41));  // six weeks by default
    auto analysis = app::behaviour_analysis(exchange.app, exchange.actor, from, to);
    if (!analysis.ok()) return error_response(analysis.error());
    return Response::json(200, Json{{"from", analysis->from.iso()},
                                    {"to", analysis->to.iso()},
                                    {"incidents", analysis->incidents},
                                    {"serious", analysis->serious},
                                    {"points", analysis->points},
                                    {"by_pupil", rows_json(analysis->by_pupil)},
                                    {"by_type", rows_json(analysis->by_type)},
                                    {"by_severity", rows_json(analysis->by_severity)},
                                    {"by_weekday", rows_json(analysis->by_weekday)},
                                    {"by_hour", rows_json(analysis->by_hour)}});
  });
  router.api(Method::Get, "/api/v1/placements/{id}/sharing", [](Exchange& exchange) {
    auto id = exchange.id("id", "placement");
    if (!id.ok()) return error_response(id.error());
    auto sharing = app::get_placement_sharing(exchange.app, exchange.actor, *id);
    if (!sharing.ok()) return error_response(sharing.error());
    return Response::json(200, sharing_json(*sharing));
  });
  router.api(Method::Put, "/api/v1/placements/{id}/sharing", [](Exchange& exchange) {
    auto id = exchange.id("id", "placement");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    std::string text;
    ErrorList errors;
    if (!body->contains("behaviour")) errors.add("behaviour", "is required");
    app::read_string(*body, "behaviour", text, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto level = parse_sharing_level(text);
    if (!level.ok()) return error_response(level.error());
    auto sharing = app::set_placement_sharing(exchange.app, exchange.actor, *id, *level);
    if (!sharing.ok()) return error_response(sharing.error());
    return Response::json(200, sharing_json(*sharing));
  });
}

}  // namespace

void register_behaviour_api(Router& router) {
  register_incident_routes(router);
  register_pupil_behaviour_routes(router);
}

}  // namespace waymark::web
