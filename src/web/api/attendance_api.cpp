// /api/v1 attendance: the DfE codes, a provider's registers (the day's list, one register, saving
// it whole), a pupil's attendance, and a commissioning school's daily summary and week.
#include "app/attendance_codec.h"
#include "app/attendance_daily.h"
#include "app/attendance_pupil.h"
#include "app/attendance_queries.h"
#include "app/attendance_registers.h"
#include "core/attendance_code.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

// ?name=YYYY-MM-DD, or today when absent.
Result<Date> date_param(const Exchange& exchange, const std::string& name) {
  const std::string text = exchange.request.param(name);
  if (text.empty()) return exchange.app.clock.today();
  return Date::parse(text, name);
}

std::optional<Date> optional_date(const Exchange& exchange, const std::string& name,
                                  ErrorList& errors) {
  const std::string text = exchange.request.param(name);
  if (text.empty()) return std::nullopt;
  auto date = Date::parse(text, name);
  if (!date.ok()) {
    errors.add_all(date.error());
    return std::nullopt;
  }
  return *date;
}

// The {date} and {session} path segments; NotFound when they are not a date and AM/PM, as for a
// path that does not exist.
Result<std::pair<Date, Session>> register_key(const Exchange& exchange) {
  auto date = Date::parse(exchange.path.at("date"), "date");
  auto session = app::parse_session(exchange.path.at("session"));
  if (!date.ok() || !session.ok()) return Error::not_found("register");
  return std::pair{*date, *session};
}

Json register_json(const app::AttendanceRegister& attendance_register) {
  Json rows = Json::array();
  for (const auto& row : attendance_register.rows)
    rows.push_back(Json{{"pupil_id", row.pupil_id},
                        {"name", row.name},
                        {"upn", row.upn},
                        {"placement_id", row.placement_id},
                        {"commissioner_id", row.commissioner_id},
                        {"expected", row.expected},
                        {"mark", row.mark ? app::to_json(*row.mark) : Json(nullptr)}});
  Json taken = nullptr;
  if (attendance_register.taken)
    taken = Json{{"taken_by", attendance_register.taken->taken_by},
                 {"taken_at", attendance_register.taken->taken_at}};
  return Json{{"provider_id", attendance_register.provider_id},
              {"date", attendance_register.date.iso()},
              {"session", to_string(attendance_register.session)},
              {"school_day", attendance_register.school_day},
              {"taken", taken},
              {"can_write", attendance_register.can_write},
              {"expected", static_cast<int>(attendance_register.rows.size())},
              {"marked", attendance_register.marked()},
              {"rows", rows}};
}

// {"marks": [{"pupil_id", "code", "minutes_late", "reason"}]}
Result<std::vector<app::MarkEntry>> read_entries(const Json& body) {
  auto found = body.find("marks");
  if (found == body.end() || !found->is_array())
    return Error::invalid("marks", "must be a list of marks");
  std::vector<app::MarkEntry> entries;
  ErrorList errors;
  for (std::size_t index = 0; index < found->size(); ++index) {
    const Json& item = (*found)[index];
    const std::string prefix = "marks[" + std::to_string(index) + "].";
    app::MarkEntry entry;
    if (!item.is_object()) {
      errors.add("marks[" + std::to_string(index) + "]", "must be an object");
      continue;
    }
    ErrorList item_errors;
    app::read_id(item, "pupil_id", entry.pupil_id, item_errors);
    app::read_string(item, "code", entry.code, item_errors);
    app::read_string(item, "reason", entry.reason, item_errors);
    if (item.contains("minutes_late") && !item["minutes_late"].is_null()) {
      if (item["minutes_late"].is_number_integer())
        entry.minutes_late = item["minutes_late"].get<int>();
      else
        item_errors.add("minutes_late", "must be a whole number of minutes");
    }
    for (const auto& error : item_errors.fields()) errors.add(prefix + error.field, error.reason);
    entries.push_back(std::move(entry));
  }
  if (!errors.empty()) return errors.to_error();
  return entries;
}

void register_register_routes(Router& router) {
  router.api(Method::Get, "/api/v1/registers", [](Exchange& exchange) {
    auto date = date_param(exchange, "date");
    if (!date.ok()) return error_response(date.error());
    auto statuses = app::registers_for_day(exchange.app, exchange.actor, *date);
    if (!statuses.ok()) return error_response(statuses.error());
    Json items = Json::array();
    for (const auto& status : *statuses)
      items.push_back(Json{{"date", status.date.iso()},
                           {"session", to_string(status.session)},
                           {"expected", status.expected},
                           {"marked", status.marked},
                           {"taken", status.taken}});
    return Response::json(200, Json{{"items", items}});
  });
  router.api(Method::Get, "/api/v1/registers/{date}/{session}", [](Exchange& exchange) {
    auto key = register_key(exchange);
    if (!key.ok()) return error_response(key.error());
    auto found = app::get_register(exchange.app, exchange.actor, key->first, key->second);
    if (!found.ok()) return error_response(found.error());
    return Response::json(200, register_json(*found));
  });
  router.api(Method::Put, "/api/v1/registers/{date}/{session}", [](Exchange& exchange) {
    auto key = register_key(exchange);
    if (!key.ok()) return error_response(key.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    auto entries = read_entries(*body);
    if (!entries.ok()) return error_response(entries.error());
    auto saved =
        app::save_register(exchange.app, exchange.actor, key->first, key->second, *entries);
    if (!saved.ok()) return error_response(saved.error());
    Json json = register_json(saved->attendance_register);
    json["created"] = saved->created;
    json["changed"] = saved->changed;
    json["unchanged"] = saved->unchanged;
    json["alerts"] = saved->alerts;
    return Response::json(200, json);
  });
}

void register_reading_routes(Router& router) {
  router.api(Method::Get, "/api/v1/attendance-codes", [](Exchange& exchange) {
    ErrorList errors;
    const auto on = optional_date(exchange, "date", errors);
    if (!errors.empty()) return error_response(errors.to_error());
    Json items = Json::array();
    for (const AttendanceCode& code : dfe_attendance_codes())
      if (!on || code.valid_on(*on)) items.push_back(app::to_json(code));
    return Response::json(200, Json{{"items", items}});
  });
  router.api(Method::Get, "/api/v1/pupils/{id}/attendance", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    ErrorList errors;
    const auto from = optional_date(exchange, "from", errors);
    const auto to = optional_date(exchange, "to", errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto view = app::pupil_attendance(exchange.app, exchange.actor, *id, from, to);
    if (!view.ok()) return error_response(view.error());
    Json marks = Json::array(), periods = Json::array(), history = Json::array();
    for (const auto& mark : view->marks) marks.push_back(app::to_json(mark));
    for (const auto& period : view->periods)
      periods.push_back(Json{{"label", period.label},
                             {"from", period.from.iso()},
                             {"to", period.to.iso()},
                             {"summary", app::to_json(period.summary)}});
    for (const auto& version : view->history) history.push_back(app::to_json(version));
    return Response::json(200, Json{{"pupil_id", view->pupil_id},
                                    {"from", view->from.iso()},
                                    {"to", view->to.iso()},
                                    {"summary", app::to_json(view->summary)},
                                    {"periods", periods},
                                    {"marks", marks},
                                    {"history", history}});
  });
  router.api(Method::Get, "/api/v1/attendance/daily", [](Exchange& exchange) {
    auto date = date_param(exchange, "date");
    if (!date.ok()) return error_response(date.error());
    auto summary = app::daily_attendance(exchange.app, exchange.actor, *date);
    if (!summary.ok()) return error_response(summary.error());
    Json items = Json::array();
    auto session_json = [](const app::DailySession& session) {
      return Json{
          {"code", session.code},
          {"meaning", session.meaning},
          {"minutes_late", session.minutes_late ? Json(*session.minutes_late) : Json(nullptr)}};
    };
    for (const auto& row : summary->rows)
      items.push_back(Json{{"pupil_id", row.pupil_id},
                           {"upn", row.upn},
                           {"name", row.name},
                           {"provider_name", row.provider_name},
                           {"provider_urn", row.provider_urn},
                           {"am", session_json(row.am)},
                           {"pm", session_json(row.pm)}});
    return Response::json(200, Json{{"date", summary->date.iso()}, {"items", items}});
  });
  router.api(Method::Get, "/api/v1/attendance/week", [](Exchange& exchange) {
    auto date = date_param(exchange, "date");
    if (!date.ok()) return error_response(date.error());
    auto week = app::commissioned_week_attendance(exchange.app, exchange.actor, *date);
    if (!week.ok()) return error_response(week.error());
    Json items = Json::array();
    for (const auto& row : *week)
      items.push_back(Json{{"pupil_id", row.pupil_id},
                           {"name", row.name},
                           {"unexplained", row.unexplained},
                           {"summary", app::to_json(row.summary)}});
    return Response::json(
        200,
        Json{{"week_start", app::week_start(*date).iso()}, {"to", date->iso()}, {"items", items}});
  });
}

}  // namespace

void register_attendance_api(Router& router) {
  register_register_routes(router);
  register_reading_routes(router);
}

}  // namespace waymark::web
