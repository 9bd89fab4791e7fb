// /api/v1/pupils: find, read, create and change pupils; their audit trail and roll entries.
#include "app/audit.h"
#include "app/codec.h"
#include "app/placements.h"
#include "app/pupils.h"
#include "core/nc_year.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

Json placement_view_json(const app::PlacementView& view) {
  Json json = app::to_json(view.placement);
  json["provider_name"] = view.provider_name;
  json["commissioner_name"] = view.commissioner_name;
  return json;
}

// The profile is the most-read document, so it is written straight to text (no DOM).
std::string profile_json(const app::PupilProfile& profile) {
  app::JsonOut out;
  out.begin_object();
  out.key("pupil");
  app::write_json(out, profile.pupil, profile.academic_year_start);
  out.field("academic_year", academic_year_label(profile.academic_year_start));
  out.key("placements");
  out.begin_array();
  for (const auto& view : profile.placements) {
    out.begin_object();
    app::write_fields(out, view.placement);
    out.field("provider_name", view.provider_name);
    out.field("commissioner_name", view.commissioner_name);
    out.end_object();
  }
  out.end_array();
  out.key("enrolments");
  out.begin_array();
  for (const auto& view : profile.enrolments) {
    out.begin_object();
    app::write_fields(out, view.enrolment);
    out.field("school_name", view.school_name);
    out.end_object();
  }
  out.end_array();
  out.field("current_hours", profile.current_hours);
  out.end_object();
  return out.text();
}

Response profile_response(int status, const app::PupilProfile& profile) {
  return Response{status, "application/json", profile_json(profile), {}};
}

// Reads list filters from the query string; Invalid naming the parameter when one is malformed.
Result<app::PupilQuery> read_query(const Request& request) {
  app::PupilQuery query;
  ErrorList errors;
  auto number = [&](const char* name, auto& into) {
    std::string text = request.param(name);
    if (text.empty()) return;
    try {
      std::size_t used = 0;
      long long value = std::stoll(text, &used);
      if (used != text.size()) throw std::invalid_argument(name);
      into = static_cast<std::remove_reference_t<decltype(into)>>(value);
    } catch (const std::exception&) {
      errors.add(name, "must be a whole number");
    }
  };
  query.search = request.param("search");
  number("provider_id", query.provider_id);
  number("commissioner_id", query.commissioner_id);
  number("limit", query.limit);
  number("offset", query.offset);
  if (!request.param("nc_year").empty()) {
    int year = 0;
    number("nc_year", year);
    query.nc_year = year;
  }
  query.flags = request.params("flag");
  if (std::string status = request.param("status"); !status.empty()) {
    auto parsed = parse_placement_status(status, "status");
    if (parsed.ok())
      query.placement_status = *parsed;
    else
      errors.add_all(parsed.error());
  }
  if (!errors.empty()) return errors.to_error();
  return query;
}

}  // namespace

void register_pupil_api(Router& router) {
  router.api(Method::Get, "/api/v1/pupils", [](Exchange& exchange) {
    auto query = read_query(exchange.request);
    if (!query.ok()) return error_response(query.error());
    auto list = app::list_pupils(exchange.app, exchange.actor, *query);
    if (!list.ok()) return error_response(list.error());
    Json items = Json::array();
    for (const auto& item : list->items) {
      Json json = app::to_json(item.pupil, list->academic_year_start);
      Json placements = Json::array();
      for (const auto& view : item.placements) placements.push_back(placement_view_json(view));
      json["placements"] = placements;
      json["current_hours"] = item.current_hours;
      json.erase("contacts");
      json.erase("barriers");
      json.erase("medical_needs");
      items.push_back(json);
    }
    return Response::json(200, Json{{"items", items},
                                    {"total", list->total},
                                    {"limit", list->limit},
                                    {"offset", list->offset}});
  });

  router.api(Method::Post, "/api/v1/pupils", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    app::NewPupil request;
    ErrorList errors;
    app::read_pupil(*body, request.pupil, errors);
    std::optional<Date> admission;
    app::read_optional_date(*body, "admission_date", admission, errors);
    request.admission_date = admission;
    app::read_id(*body, "commissioner_id", request.commissioner_id, errors);
    app::read_id(*body, "provider_id", request.provider_id, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto id = app::create_pupil(exchange.app, exchange.actor, request);
    if (!id.ok()) return error_response(id.error());
    auto profile = app::pupil_profile(exchange.app, exchange.actor, *id);
    if (!profile.ok()) return error_response(profile.error());
    return profile_response(201, *profile)
        .with_header("Location", "/api/v1/pupils/" + std::to_string(*id));
  });

  router.api(Method::Get, "/api/v1/pupils/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto profile = app::pupil_profile(exchange.app, exchange.actor, *id);
    if (!profile.ok()) return error_response(profile.error());
    return profile_response(200, *profile);
  });

  router.api(Method::Patch, "/api/v1/pupils/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    std::optional<std::int64_t> expected;
    if (body->contains("updated_at") && (*body)["updated_at"].is_number_integer())
      expected = (*body)["updated_at"].get<std::int64_t>();
    const Json& fields = *body;
    auto updated = app::update_pupil(
        exchange.app, exchange.actor, *id,
        [&](Pupil& pupil, ErrorList& errors) { app::read_pupil(fields, pupil, errors); }, expected);
    if (!updated.ok()) return error_response(updated.error());
    auto profile = app::pupil_profile(exchange.app, exchange.actor, *id);
    if (!profile.ok()) return error_response(profile.error());
    return profile_response(200, *profile);
  });

  router.api(Method::Get, "/api/v1/pupils/{id}/audit", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto entries = app::pupil_audit_trail(exchange.app, exchange.actor, *id);
    if (!entries.ok()) return error_response(entries.error());
    Json items = Json::array();
    for (const auto& entry : *entries) {
      Json changes = Json::array();
      for (const auto& change : app::audit_changes(entry))
        changes.push_back(
            {{"field", change.field}, {"before", change.before}, {"after", change.after}});
      items.push_back({{"id", entry.id},
                       {"at", iso_utc(entry.at)},
                       {"user_id", entry.user_id},
                       {"user", entry.user_display_name},
                       {"action", entry.action},
                       {"entity", entry.entity},
                       {"entity_id", entry.entity_id},
                       {"changes", changes}});
    }
    return Response::json(200, Json{{"items", items}});
  });

  router.api(Method::Post, "/api/v1/pupils/{id}/enrolments", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    Enrolment enrolment;
    enrolment.pupil_id = *id;
    ErrorList errors;
    app::read_enrolment(*body, enrolment, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto created = app::create_enrolment(exchange.app, exchange.actor, enrolment);
    if (!created.ok()) return error_response(created.error());
    enrolment.id = *created;
    return Response::json(201, app::to_json(enrolment));
  });

  router.api(
      Method::Patch, "/api/v1/pupils/{id}/enrolments/{enrolment_id}", [](Exchange& exchange) {
        auto id = exchange.id("id", "pupil");
        if (!id.ok()) return error_response(id.error());
        auto enrolment_id = exchange.id("enrolment_id", "enrolment");
        if (!enrolment_id.ok()) return error_response(enrolment_id.error());
        auto body = exchange.json_body();
        if (!body.ok()) return error_response(body.error());
        const Json& fields = *body;
        auto updated = app::update_enrolment(exchange.app, exchange.actor, *id, *enrolment_id,
                                             [&](Enrolment& enrolment, ErrorList& errors) {
                                               app::read_enrolment(fields, enrolment, errors);
                                             });
        if (!updated.ok()) return error_response(updated.error());
        return Response::json(200, app::to_json(*updated));
      });

  router.api(Method::Post, "/api/v1/pupils/{id}/placements", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    Placement placement;
    placement.pupil_id = *id;
    ErrorList errors;
    if (!body->contains("referral_date")) errors.add("referral_date", "is required");
    app::read_placement(*body, placement, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto created = app::create_placement(exchange.app, exchange.actor, placement);
    if (!created.ok()) return error_response(created.error());
    auto stored = app::get_placement(exchange.app, exchange.actor, *created);
    if (!stored.ok()) return error_response(stored.error());
    return Response::json(201, app::to_json(*stored))
        .with_header("Location", "/api/v1/placements/" + std::to_string(*created));
  });
}

}  // namespace waymark::web
