// /api/v1 parent and carer contact: a pupil's contact log (with the next call due and the pupil's
// contacts, each marked with parental responsibility), logging a contact, calls due, the
// provider's call interval and placements' key workers.
#include <fmt/format.h>

#include "app/contact_codec.h"
#include "app/parent_contacts.h"
#include "app/parent_contacts_due.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

Json optional_date(const std::optional<Date>& date) {
  return date ? Json(date->iso()) : Json(nullptr);
}

Json call_json(const app::CallDue& call) {
  return Json{{"placement_id", call.placement_id},
              {"pupil_id", call.pupil_id},
              {"pupil_name", call.pupil_name},
              {"last_call", optional_date(call.last_call)},
              {"due_from", call.due.due_from.iso()},
              {"due_by", call.due.due_by.iso()},
              {"state", to_string(call.state)},
              {"days_overdue", call.days_overdue},
              {"key_worker_id", call.key_worker_id == 0 ? Json(nullptr) : Json(call.key_worker_id)},
              {"key_worker_name", call.key_worker_name}};
}

Json log_json(const app::ContactLogView& view) {
  Json contacts = Json::array();
  for (const Contact& contact : view.pupil.contacts) contacts.push_back(app::to_json(contact));
  Json items = Json::array();
  for (const ContactLogEntry& entry : view.entries) items.push_back(app::to_json(entry));
  Json next = Json::array();
  for (const app::PlacementCallDue& call : view.next_calls)
    next.push_back(
        Json{{"placement_id", call.placement.id},
             {"provider_id", call.placement.provider_id},
             {"provider_name", call.provider_name},
             {"last_call", optional_date(call.last_call)},
             {"due_from", call.due.due_from.iso()},
             {"due_by", call.due.due_by.iso()},
             {"state", to_string(call.state)},
             {"days_overdue", call.days_overdue},
             {"key_worker_id", call.key_worker_id == 0 ? Json(nullptr) : Json(call.key_worker_id)},
             {"key_worker_name", call.key_worker_name}});
  return Json{{"pupil_id", view.pupil.id},
              {"contacts", contacts},
              {"items", items},
              {"next_calls", next},
              {"can_write", view.can_write}};
}

}  // namespace

void register_contact_api(Router& router) {
  router.api(Method::Get, "/api/v1/pupils/{id}/contacts-log", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto view = app::contact_log(exchange.app, exchange.actor, *id);
    if (!view.ok()) return error_response(view.error());
    return Response::json(200, log_json(*view));
  });
  router.api(Method::Post, "/api/v1/pupils/{id}/contacts-log", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    ContactLogEntry request;
    request.contact_date = exchange.app.clock.today();
    ErrorList errors;
    app::read_contact_log_entry(*body, request, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    request.pupil_id = *id;
    auto logged = app::log_contact(exchange.app, exchange.actor, request);
    if (!logged.ok()) return error_response(logged.error());
    return Response::json(201, app::to_json(*logged));
  });
  router.api(Method::Get, "/api/v1/contacts-due", [](Exchange& exchange) {
    const std::string scope = exchange.request.param("scope");
    if (!scope.empty() && scope != "mine" && scope != "everyone")
      return error_response(Error::invalid("scope", "must be mine or everyone"));
    auto calls =
        app::calls_due(exchange.app, exchange.actor,
                       scope == "everyone" ? app::CallScope::Everyone : app::CallScope::Mine);
    if (!calls.ok()) return error_response(calls.error());
    Json items = Json::array();
    for (const app::CallDue& call : *calls) items.push_back(call_json(call));
    return Response::json(200, Json{{"items", items}});
  });
  router.api(Method::Get, "/api/v1/contact-rule", [](Exchange& exchange) {
    auto rule = app::get_contact_rule(exchange.app, exchange.actor);
    if (!rule.ok()) return error_response(rule.error());
    return Response::json(200, app::to_json(*rule));
  });
  router.api(Method::Put, "/api/v1/contact-rule", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    ContactRule rule;
    ErrorList errors;
    app::read_int(*body, "min_days", rule.min_days, errors);
    app::read_int(*body, "max_days", rule.max_days, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto saved = app::set_contact_rule(exchange.app, exchange.actor, rule);
    if (!saved.ok()) return error_response(saved.error());
    return Response::json(200, app::to_json(*saved));
  });
  router.api(Method::Put, "/api/v1/placements/{id}/key-worker", [](Exchange& exchange) {
    auto id = exchange.id("id", "placement");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    Id user_id = 0;
    ErrorList errors;
    if (!body->contains("user_id"))
      errors.add("user_id", "is required (null to clear)");
    else if (!(*body)["user_id"].is_null())
      app::read_id(*body, "user_id", user_id, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto saved = app::set_key_worker(exchange.app, exchange.actor, *id, user_id);
    if (!saved.ok()) return error_response(saved.error());
    return Response::json(200, Json{{"placement_id", *id},
                                    {"user_id", user_id == 0 ? Json(nullptr) : Json(user_id)}});
  });
}

}  // namespace waymark::web
