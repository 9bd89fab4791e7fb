// The baseline area's JSON API (issue 3, item 3): instruments, SDQ cut-offs, a pupil's baseline
// results, learning pathways and further assessment requests. Rules are in app/baselines.h.
#include "app/baseline_codec.h"
#include "app/baselines.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

template <typename T>
Json items_of(const std::vector<T>& records) {
  Json items = Json::array();
  for (const auto& record : records) items.push_back(app::to_json(record));
  return Json{{"items", items}};
}

Response created(const Json& body, const std::string& location) {
  return Response::json(201, body).with_header("Location", location);
}

void register_instruments(Router& router) {
  router.api(Method::Get, "/api/v1/baseline-instruments", [](Exchange& exchange) {
    return Response::json(200, items_of(app::list_instruments(exchange.app, exchange.actor)));
  });
  router.api(Method::Post, "/api/v1/baseline-instruments", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    BaselineInstrument instrument;
    ErrorList errors;
    if (!body->contains("score_type")) errors.add("score_type", "is required");
    if (!body->contains("domain")) errors.add("domain", "is required");
    app::read_instrument(*body, instrument, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto made = app::create_instrument(exchange.app, exchange.actor, instrument);
    if (!made.ok()) return error_response(made.error());
    return created(app::to_json(*made), "/api/v1/baseline-instruments/" + std::to_string(made->id));
  });
  router.api(Method::Patch, "/api/v1/baseline-instruments/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "baseline instrument");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    const Json& fields = *body;
    auto updated = app::update_instrument(exchange.app, exchange.actor, *id,
                                          [&](BaselineInstrument& instrument, ErrorList& errors) {
                                            app::read_instrument(fields, instrument, errors);
                                          });
    if (!updated.ok()) return error_response(updated.error());
    return Response::json(200, app::to_json(*updated));
  });
  router.api(Method::Get, "/api/v1/sdq-bands/{version}", [](Exchange& exchange) {
    auto version = parse_sdq_version(exchange.path.at("version"));
    if (!version.ok()) return error_response(Error::not_found("SDQ version"));
    Json body = app::to_json(app::current_sdq_bands(exchange.app.store.connection(), *version));
    body["version"] = to_string(*version);
    return Response::json(200, body);
  });
  router.api(Method::Put, "/api/v1/sdq-bands/{version}", [](Exchange& exchange) {
    auto version = parse_sdq_version(exchange.path.at("version"));
    if (!version.ok()) return error_response(Error::not_found("SDQ version"));
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    SdqBands bands = app::current_sdq_bands(exchange.app.store.connection(), *version);
    ErrorList errors;
    app::read_sdq_bands(*body, bands, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto saved = app::set_sdq_bands(exchange.app, exchange.actor, *version, bands);
    if (!saved.ok()) return error_response(saved.error());
    Json answer = app::to_json(*saved);
    answer["version"] = to_string(*version);
    return Response::json(200, answer);
  });
}

void register_results(Router& router) {
  router.api(Method::Get, "/api/v1/pupils/{id}/baselines", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto views = app::pupil_baselines(exchange.app, exchange.actor, *id);
    if (!views.ok()) return error_response(views.error());
    return Response::json(200, items_of(*views));
  });
  router.api(Method::Post, "/api/v1/pupils/{id}/baselines", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    BaselineResult result;
    result.pupil_id = *id;
    result.assessed_on = exchange.app.clock.today();
    ErrorList errors;
    app::read_result(*body, result, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto view = app::record_baseline(exchange.app, exchange.actor, result);
    if (!view.ok()) return error_response(view.error());
    return created(app::to_json(*view), "/api/v1/baselines/" + std::to_string(view->result.id));
  });
  router.api(Method::Get, "/api/v1/baselines/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "baseline");
    if (!id.ok()) return error_response(id.error());
    auto view = app::get_baseline(exchange.app, exchange.actor, *id);
    if (!view.ok()) return error_response(view.error());
    return Response::json(200, app::to_json(*view));
  });
}

void register_pathways(Router& router) {
  router.api(Method::Get, "/api/v1/pupils/{id}/pathways", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto views = app::pupil_pathways(exchange.app, exchange.actor, *id);
    if (!views.ok()) return error_response(views.error());
    return Response::json(200, items_of(*views));
  });
  router.api(Method::Get, "/api/v1/pupils/{id}/pathways/{subject_id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto subject_id = exchange.id("subject_id", "learning pathway");
    if (!subject_id.ok()) return error_response(subject_id.error());
    auto view = app::get_pathway(exchange.app, exchange.actor, *id, *subject_id);
    if (!view.ok()) return error_response(view.error());
    return Response::json(200, app::to_json(*view));
  });
  router.api(Method::Put, "/api/v1/pupils/{id}/pathways/{subject_id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto subject_id = exchange.id("subject_id", "learning pathway");
    if (!subject_id.ok()) return error_response(subject_id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    LearningPathway pathway;
    pathway.pupil_id = *id;
    pathway.subject_id = *subject_id;
    ErrorList errors;
    app::read_pathway(*body, pathway, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto view = app::save_pathway(exchange.app, exchange.actor, pathway);
    if (!view.ok()) return error_response(view.error());
    return Response::json(200, app::to_json(*view));
  });
}

void register_further_assessments(Router& router) {
  router.api(Method::Get, "/api/v1/pupils/{id}/further-assessments", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto views = app::pupil_further_assessments(exchange.app, exchange.actor, *id);
    if (!views.ok()) return error_response(views.error());
    return Response::json(200, items_of(*views));
  });
  router.api(Method::Post, "/api/v1/pupils/{id}/further-assessments", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    FurtherAssessment request;
    request.pupil_id = *id;
    request.requested_on = exchange.app.clock.today();
    ErrorList errors;
    if (!body->contains("kind")) errors.add("kind", "is required");
    app::read_further_assessment(*body, request, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto view = app::request_further_assessment(exchange.app, exchange.actor, request);
    if (!view.ok()) return error_response(view.error());
    return created(app::to_json(*view),
                   "/api/v1/further-assessments/" + std::to_string(view->request.id));
  });
  router.api(Method::Get, "/api/v1/further-assessments/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "further assessment request");
    if (!id.ok()) return error_response(id.error());
    auto view = app::get_further_assessment(exchange.app, exchange.actor, *id);
    if (!view.ok()) return error_response(view.error());
    return Response::json(200, app::to_json(*view));
  });
  router.api(Method::Patch, "/api/v1/further-assessments/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "further assessment request");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    const Json& fields = *body;
    auto view = app::update_further_assessment(
        exchange.app, exchange.actor, *id, [&](FurtherAssessment& request, ErrorList& errors) {
          app::read_further_assessment(fields, request, errors);
        });
    if (!view.ok()) return error_response(view.error());
    return Response::json(200, app::to_json(*view));
  });
}

}  // namespace

void register_baseline_api(Router& router) {
  register_instruments(router);
  register_results(router);
  register_pathways(router);
  register_further_assessments(router);
}

}  // namespace waymark::web
