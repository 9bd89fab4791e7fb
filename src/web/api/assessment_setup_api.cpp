// Assessment setup (issue 3 items 1, 2 and 4): grade scales, subject scales, the KS3 expectation
// table, intake per placement, home-school work and targets.
#include <fmt/format.h>

#include "app/assessment_setup_codec.h"
#include "app/grade_scales.h"
#include "app/intake.h"
#include "app/targets.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

Response scales_list(Exchange& exchange) {
  auto scales = app::list_grade_scales(exchange.app, exchange.actor);
  if (!scales.ok()) return error_response(scales.error());
  Json items = Json::array();
  for (const auto& scale : *scales) items.push_back(app::to_json(scale));
  return Response::json(200, Json{{"items", items}});
}

Response scales_add(Exchange& exchange) {
  auto body = exchange.json_body();
  if (!body.ok()) return error_response(body.error());
  app::ScaleInput input;
  ErrorList errors;
  app::read_scale_input(*body, input, errors);
  if (!errors.empty()) return error_response(errors.to_error());
  auto scale = app::add_grade_scale(exchange.app, exchange.actor, input.key, input.name,
                                    input.grades, input.points);
  if (!scale.ok()) return error_response(scale.error());
  return Response::json(201, app::to_json(*scale));
}

Response subject_scales(Exchange& exchange, bool write) {
  auto id = exchange.id("id", "subject");
  if (!id.ok()) return error_response(id.error());
  if (!write) {
    auto scales = app::get_subject_scales(exchange.app, exchange.actor, *id);
    if (!scales.ok()) return error_response(scales.error());
    return Response::json(200, app::to_json(*scales));
  }
  auto body = exchange.json_body();
  if (!body.ok()) return error_response(body.error());
  store::SubjectScales scales{.subject_id = *id};
  ErrorList errors;
  app::read_subject_scales(*body, scales, errors);
  if (!errors.empty()) return error_response(errors.to_error());
  auto saved = app::set_subject_scales(exchange.app, exchange.actor, scales);
  if (!saved.ok()) return error_response(saved.error());
  return Response::json(200, app::to_json(*saved));
}

Response expectations(Exchange& exchange, bool write) {
  if (!write) {
    auto table = app::get_ks3_expectations(exchange.app, exchange.actor);
    if (!table.ok()) return error_response(table.error());
    return Response::json(200, app::to_json(*table));
  }
  auto body = exchange.json_body();
  if (!body.ok()) return error_response(body.error());
  std::vector<Ks3Expectation> table;
  ErrorList errors;
  app::read_ks3_expectations(*body, table, errors);
  if (!errors.empty()) return error_response(errors.to_error());
  auto saved = app::set_ks3_expectations(exchange.app, exchange.actor, table);
  if (!saved.ok()) return error_response(saved.error());
  return Response::json(200, app::to_json(*saved));
}

Json work_list(const std::vector<HomeSchoolWork>& work) {
  Json items = Json::array();
  for (const auto& item : work) items.push_back(app::to_json(item));
  return items;
}

Response intake_get(Exchange& exchange) {
  auto id = exchange.id("id", "placement");
  if (!id.ok()) return error_response(id.error());
  auto view = app::get_intake(exchange.app, exchange.actor, *id);
  if (!view.ok()) return error_response(view.error());
  return Response::json(200,
                        Json{{"placement_id", view->placement.id},
                             {"pupil_id", view->placement.pupil_id},
                             {"intake", view->intake ? app::to_json(*view->intake) : Json(nullptr)},
                             {"home_school_work", work_list(view->work)},
                             {"can_edit", view->can_edit}});
}

Response intake_put(Exchange& exchange) {
  auto id = exchange.id("id", "placement");
  if (!id.ok()) return error_response(id.error());
  auto body = exchange.json_body();
  if (!body.ok()) return error_response(body.error());
  const Json& fields = *body;
  auto saved = app::put_intake(
      exchange.app, exchange.actor, *id,
      [&](Intake& intake, ErrorList& errors) { app::read_intake(fields, intake, errors); });
  if (!saved.ok()) return error_response(saved.error());
  return Response::json(200, app::to_json(*saved));
}

Response work_get(Exchange& exchange) {
  auto id = exchange.id("id", "placement");
  if (!id.ok()) return error_response(id.error());
  auto view = app::get_intake(exchange.app, exchange.actor, *id);
  if (!view.ok()) return error_response(view.error());
  return Response::json(200, Json{{"items", work_list(view->work)}});
}

Response work_add(Exchange& exchange) {
  auto id = exchange.id("id", "placement");
  if (!id.ok()) return error_response(id.error());
  auto body = exchange.json_body();
  if (!body.ok()) return error_response(body.error());
  HomeSchoolWork work;
  work.set_date = exchange.app.clock.today();
  ErrorList errors;
  app::read_home_school_work(*body, work, errors);
  if (!errors.empty()) return error_response(errors.to_error());
  auto saved = app::add_home_school_work(exchange.app, exchange.actor, *id, work);
  if (!saved.ok()) return error_response(saved.error());
  return Response::json(201, app::to_json(*saved))
      .with_header("Location", fmt::format("/api/v1/home-school-work/{}", saved->id));
}

Response work_patch(Exchange& exchange) {
  auto id = exchange.id("id", "home-school work");
  if (!id.ok()) return error_response(id.error());
  auto body = exchange.json_body();
  if (!body.ok()) return error_response(body.error());
  const Json& fields = *body;
  auto saved = app::update_home_school_work(exchange.app, exchange.actor, *id,
                                            [&](HomeSchoolWork& work, ErrorList& errors) {
                                              app::read_home_school_work(fields, work, errors);
                                            });
  if (!saved.ok()) return error_response(saved.error());
  return Response::json(200, app::to_json(*saved));
}

Response targets_get(Exchange& exchange) {
  auto id = exchange.id("id", "pupil");
  if (!id.ok()) return error_response(id.error());
  auto view = app::list_targets(exchange.app, exchange.actor, *id);
  if (!view.ok()) return error_response(view.error());
  Json current = Json::array();
  for (const auto& target : view->current) current.push_back(app::to_json(target));
  Json history = Json::array();
  for (const auto& target : view->history) history.push_back(app::to_json(target));
  return Response::json(200, Json{{"current", current}, {"history", history}});
}

Response targets_post(Exchange& exchange) {
  auto id = exchange.id("id", "pupil");
  if (!id.ok()) return error_response(id.error());
  auto body = exchange.json_body();
  if (!body.ok()) return error_response(body.error());
  Id subject_id = 0;
  std::string grade;
  std::string reason;
  ErrorList errors;
  app::read_id(*body, "subject_id", subject_id, errors);
  app::read_string(*body, "grade", grade, errors);
  app::read_string(*body, "reason", reason, errors);
  if (!errors.empty()) return error_response(errors.to_error());
  auto target = app::set_target(exchange.app, exchange.actor, *id, subject_id, grade, reason);
  if (!target.ok()) return error_response(target.error());
  return Response::json(201, app::to_json(*target));
}

}  // namespace

void register_assessment_setup_api(Router& router) {
  router.api(Method::Get, "/api/v1/grade-scales", scales_list);
  router.api(Method::Post, "/api/v1/grade-scales", scales_add);
  router.api(Method::Get, "/api/v1/subjects/{id}/scales",
             [](Exchange& exchange) { return subject_scales(exchange, false); });
  router.api(Method::Put, "/api/v1/subjects/{id}/scales",
             [](Exchange& exchange) { return subject_scales(exchange, true); });
  router.api(Method::Get, "/api/v1/ks3-expectations",
             [](Exchange& exchange) { return expectations(exchange, false); });
  router.api(Method::Put, "/api/v1/ks3-expectations",
             [](Exchange& exchange) { return expectations(exchange, true); });
  router.api(Method::Get, "/api/v1/placements/{id}/intake", intake_get);
  router.api(Method::Put, "/api/v1/placements/{id}/intake", intake_put);
  router.api(Method::Get, "/api/v1/placements/{id}/home-school-work", work_get);
  router.api(Method::Post, "/api/v1/placements/{id}/home-school-work", work_add);
  router.api(Method::Patch, "/api/v1/home-school-work/{id}", work_patch);
  router.api(Method::Get, "/api/v1/pupils/{id}/targets", targets_get);
  router.api(Method::Post, "/api/v1/pupils/{id}/targets", targets_post);
}

}  // namespace waymark::web
