// /api/v1/calendar, terms, closure days, subjects and teaching groups of the caller's organisation.
#include "app/audit.h"
#include "app/calendar.h"
#include "app/codec.h"
#include "web/web_app.h"

namespace waymark::web {

void register_calendar_api(Router& router) {
  router.api(Method::Get, "/api/v1/calendar", [](Exchange& exchange) {
    auto calendar = app::organisation_calendar(exchange.app, exchange.actor);
    Json terms = Json::array();
    for (const auto& term : calendar.terms) terms.push_back(app::to_json(term));
    Json closures = Json::array();
    for (const auto& closure : calendar.closure_days) closures.push_back(app::to_json(closure));
    return Response::json(200, Json{{"terms", terms}, {"closure_days", closures}});
  });
  router.api(Method::Post, "/api/v1/terms", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    Term term;
    ErrorList errors;
    app::read_string(*body, "name", term.name, errors);
    app::read_int(*body, "academic_year", term.academic_year, errors);
    if (!body->contains("start_date")) errors.add("start_date", "is required");
    if (!body->contains("end_date")) errors.add("end_date", "is required");
    app::read_date(*body, "start_date", term.start_date, errors);
    app::read_date(*body, "end_date", term.end_date, errors);
    app::read_id(*body, "parent_term_id", term.parent_term_id, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto stored = app::add_term(exchange.app, exchange.actor, term);
    if (!stored.ok()) return error_response(stored.error());
    return Response::json(201, app::to_json(*stored));
  });
  router.api(Method::Post, "/api/v1/closure-days", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    ClosureDay closure;
    ErrorList errors;
    if (!body->contains("date")) errors.add("date", "is required");
    app::read_date(*body, "date", closure.date, errors);
    app::read_string(*body, "reason", closure.reason, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto id = app::add_closure_day(exchange.app, exchange.actor, closure);
    if (!id.ok()) return error_response(id.error());
    closure.id = *id;
    return Response::json(201, app::to_json(closure));
  });
  router.api(Method::Get, "/api/v1/subjects", [](Exchange& exchange) {
    Json items = Json::array();
    for (const auto& subject : app::organisation_subjects(exchange.app, exchange.actor))
      items.push_back(app::to_json(subject));
    return Response::json(200, Json{{"items", items}});
  });
  router.api(Method::Post, "/api/v1/subjects", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    Subject subject;
    ErrorList errors;
    app::read_string(*body, "name", subject.name, errors);
    app::read_string(*body, "code", subject.code, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto id = app::add_subject(exchange.app, exchange.actor, subject);
    if (!id.ok()) return error_response(id.error());
    subject.id = *id;
    return Response::json(201, app::to_json(subject));
  });
  router.api(Method::Get, "/api/v1/teaching-groups", [](Exchange& exchange) {
    Json items = Json::array();
    for (const auto& group : app::organisation_groups(exchange.app, exchange.actor))
      items.push_back(app::to_json(group));
    return Response::json(200, Json{{"items", items}});
  });
  auto save_group = [](Exchange& exchange, Id id) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    TeachingGroup group;
    group.id = id;
    ErrorList errors;
    app::read_string(*body, "name", group.name, errors);
    app::read_id(*body, "subject_id", group.subject_id, errors);
    app::read_int(*body, "academic_year", group.academic_year, errors);
    for (const char* field : {"staff_ids", "pupil_ids"}) {
      auto found = body->find(field);
      if (found == body->end()) continue;
      auto& into = std::string(field) == "staff_ids" ? group.staff_ids : group.pupil_ids;
      if (!found->is_array()) {
        errors.add(field, "must be a list of ids");
        continue;
      }
      for (const auto& item : *found) {
        if (item.is_number_integer())
          into.push_back(item.get<Id>());
        else
          errors.add(field, "must be a list of ids");
      }
    }
    if (!errors.empty()) return error_response(errors.to_error());
    auto saved = app::save_teaching_group(exchange.app, exchange.actor, group);
    if (!saved.ok()) return error_response(saved.error());
    group.id = *saved;
    return Response::json(id == 0 ? 201 : 200, app::to_json(group));
  };
  router.api(Method::Post, "/api/v1/teaching-groups",
             [save_group](Exchange& exchange) { return save_group(exchange, 0); });
  router.api(Method::Put, "/api/v1/teaching-groups/{id}", [save_group](Exchange& exchange) {
    auto id = exchange.id("id", "teaching group");
    if (!id.ok()) return error_response(id.error());
    return save_group(exchange, *id);
  });
  router.api(Method::Get, "/api/v1/audit", [](Exchange& exchange) {
    auto entries = app::organisation_audit_trail(exchange.app, exchange.actor);
    if (!entries.ok()) return error_response(entries.error());
    Json items = Json::array();
    for (const auto& entry : *entries)
      items.push_back({{"id", entry.id},
                       {"at", iso_utc(entry.at)},
                       {"user", entry.user_display_name},
                       {"action", entry.action},
                       {"entity", entry.entity},
                       {"entity_id", entry.entity_id},
                       {"pupil_id", entry.pupil_id == 0 ? Json(nullptr) : Json(entry.pupil_id)}});
    return Response::json(200, Json{{"items", items}});
  });
}

}  // namespace waymark::web
