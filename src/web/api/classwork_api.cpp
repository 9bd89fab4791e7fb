// /api/v1 classwork: exit tickets (per pupil, the grid's upsert, one ticket, a group's day), the
// exit-ticket subjects, marked work, and evidence files (raw-body upload, authorised download).
#include <fmt/format.h>

#include "app/classwork_access.h"
#include "app/classwork_codec.h"
#include "app/classwork_work.h"
#include "app/evidence_files.h"
#include "app/exit_tickets.h"
#include "web/api/api_dates.h"
#include "web/pages/classwork_helpers.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

Json subject_list(const std::vector<Subject>& subjects) {
  Json items = Json::array();
  for (const Subject& subject : subjects) items.push_back(app::to_json(subject));
  return Json{{"items", items}};
}

std::optional<std::int64_t> expected_version(const Json& body) {
  if (body.contains("updated_at") && body["updated_at"].is_number_integer())
    return body["updated_at"].get<std::int64_t>();
  return std::nullopt;
}

Json work_view_json(const app::MarkedWorkView& view) {
  Json json = app::to_json(view.work);
  Json files = Json::array();
  for (const auto& file : view.evidence) files.push_back(app::to_json(file));
  json["evidence"] = files;
  return json;
}

void register_exit_ticket_routes(Router& router) {
  router.api(Method::Get, "/api/v1/exit-ticket-subjects", [](Exchange& exchange) {
    auto subjects = app::list_exit_ticket_subjects(exchange.app, exchange.actor);
    if (!subjects.ok()) return error_response(subjects.error());
    return Response::json(200, subject_list(*subjects));
  });
  router.api(Method::Put, "/api/v1/exit-ticket-subjects", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    std::vector<Id> ids;
    auto found = body->find("subject_ids");
    if (found == body->end() || !found->is_array())
      return error_response(Error::invalid("subject_ids", "must be a list of subject ids"));
    for (const Json& id : *found) {
      if (!id.is_number_integer() || id.get<std::int64_t>() <= 0)
        return error_response(Error::invalid("subject_ids", "must be a list of subject ids"));
      ids.push_back(id.get<std::int64_t>());
    }
    auto subjects = app::set_exit_ticket_subjects(exchange.app, exchange.actor, ids);
    if (!subjects.ok()) return error_response(subjects.error());
    return Response::json(200, subject_list(*subjects));
  });

  router.api(Method::Get, "/api/v1/pupils/{id}/exit-tickets", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto window = query_dates(exchange.request);
    if (!window.ok()) return error_response(window.error());
    auto tickets =
        app::list_exit_tickets(exchange.app, exchange.actor, *id, window->first, window->second);
    if (!tickets.ok()) return error_response(tickets.error());
    Json items = Json::array();
    for (const auto& ticket : *tickets) items.push_back(app::to_json(ticket));
    return Response::json(200, Json{{"items", items}});
  });
  router.api(Method::Post, "/api/v1/pupils/{id}/exit-tickets", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    ExitTicket request;
    ErrorList errors;
    app::read_exit_ticket(*body, request, errors);
    if (!body->contains("lesson_date")) errors.add("lesson_date", "is required");
    if (!errors.empty()) return error_response(errors.to_error());
    request.pupil_id = *id;
    auto created = app::create_exit_ticket(exchange.app, exchange.actor, request);
    if (!created.ok()) return error_response(created.error());
    return Response::json(201, app::to_json(*created))
        .with_header("Location", fmt::format("/api/v1/exit-tickets/{}", created->id));
  });
  router.api(Method::Put, "/api/v1/exit-tickets", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    ExitTicket request;
    ErrorList errors;
    app::read_exit_ticket(*body, request, errors);
    if (!body->contains("lesson_date")) errors.add("lesson_date", "is required");
    std::string previous_topic;
    app::read_string(*body, "previous_topic", previous_topic, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    if (request.pupil_id <= 0) return error_response(Error::invalid("pupil_id", "is required"));
    auto saved = app::save_exit_ticket(exchange.app, exchange.actor, request, previous_topic);
    if (!saved.ok()) return error_response(saved.error());
    return Response::json(saved->created ? 201 : 200, app::to_json(saved->ticket))
        .with_header("Location", fmt::format("/api/v1/exit-tickets/{}", saved->ticket.id));
  });
  router.api(Method::Get, "/api/v1/exit-tickets/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "exit ticket");
    if (!id.ok()) return error_response(id.error());
    auto ticket = app::get_exit_ticket(exchange.app, exchange.actor, *id);
    if (!ticket.ok()) return error_response(ticket.error());
    return Response::json(200, app::to_json(*ticket));
  });
  router.api(Method::Patch, "/api/v1/exit-tickets/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "exit ticket");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    const Json& fields = *body;
    auto updated = app::update_exit_ticket(
        exchange.app, exchange.actor, *id,
        [&](ExitTicket& ticket, ErrorList& errors) {
          const Id pupil_id = ticket.pupil_id;
          app::read_exit_ticket(fields, ticket, errors);
          ticket.pupil_id = pupil_id;  // a ticket never moves to another pupil
        },
        expected_version(fields));
    if (!updated.ok()) return error_response(updated.error());
    return Response::json(200, app::to_json(*updated));
  });
  router.api(Method::Get, "/api/v1/teaching-groups/{id}/exit-tickets", [](Exchange& exchange) {
    auto id = exchange.id("id", "teaching group");
    if (!id.ok()) return error_response(id.error());
    ErrorList errors;
    Id subject_id = 0;
    try {
      subject_id = std::stoll(exchange.request.param("subject_id"));
    } catch (const std::exception&) {
      errors.add("subject_id", "is required (the id of a subject)");
    }
    auto date = Date::parse(exchange.request.param("date"), "date");
    if (!date.ok()) errors.add_all(date.error());
    if (!errors.empty()) return error_response(errors.to_error());
    auto grid = app::exit_ticket_grid(exchange.app, exchange.actor, *id, subject_id, *date);
    if (!grid.ok()) return error_response(grid.error());
    Json pupils = Json::array();
    for (const auto& row : grid->pupils) {
      Json tickets = Json::array();
      for (const auto& ticket : row.tickets) tickets.push_back(app::to_json(ticket));
      pupils.push_back(Json{{"pupil_id", row.pupil_id}, {"name", row.name}, {"tickets", tickets}});
    }
    return Response::json(200, Json{{"group", app::to_json(grid->group)},
                                    {"subject", app::to_json(grid->subject)},
                                    {"date", grid->lesson_date.iso()},
                                    {"pupils", pupils}});
  });
}

void register_work_routes(Router& router) {
  router.api(Method::Get, "/api/v1/pupils/{id}/work", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto views = app::list_marked_work(exchange.app, exchange.actor, *id);
    if (!views.ok()) return error_response(views.error());
    Json items = Json::array();
    for (const auto& view : *views) items.push_back(work_view_json(view));
    return Response::json(200, Json{{"items", items}});
  });
  router.api(Method::Post, "/api/v1/pupils/{id}/work", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    MarkedWork request;
    ErrorList errors;
    app::read_marked_work(*body, request, errors);
    if (!body->contains("work_date")) errors.add("work_date", "is required");
    if (!errors.empty()) return error_response(errors.to_error());
    request.pupil_id = *id;
    auto created = app::create_marked_work(exchange.app, exchange.actor, request);
    if (!created.ok()) return error_response(created.error());
    return Response::json(201, app::to_json(*created))
        .with_header("Location", fmt::format("/api/v1/work/{}", created->id));
  });
  router.api(Method::Get, "/api/v1/work/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "marked work");
    if (!id.ok()) return error_response(id.error());
    auto work = app::get_marked_work(exchange.app, exchange.actor, *id);
    if (!work.ok()) return error_response(work.error());
    return Response::json(200, app::to_json(*work));
  });
  router.api(Method::Patch, "/api/v1/work/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "marked work");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    const Json& fields = *body;
    auto updated = app::update_marked_work(
        exchange.app, exchange.actor, *id,
        [&](MarkedWork& work, ErrorList& errors) { app::read_marked_work(fields, work, errors); },
        expected_version(fields));
    if (!updated.ok()) return error_response(updated.error());
    return Response::json(200, app::to_json(*updated));
  });
  router.api(Method::Post, "/api/v1/work/{id}/evidence", [](Exchange& exchange) {
    auto id = exchange.id("id", "marked work");
    if (!id.ok()) return error_response(id.error());
    auto file = app::upload_evidence(exchange.app, exchange.actor, *id, exchange.request.body,
                                     exchange.request.param("filename"));
    if (!file.ok()) return error_response(file.error());
    return Response::json(201, app::to_json(*file))
        .with_header("Location", fmt::format("/api/v1/evidence/{}", file->id));
  });
  router.api(Method::Get, "/api/v1/evidence/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "evidence file");
    if (!id.ok()) return error_response(id.error());
    auto download = app::download_evidence(exchange.app, exchange.actor, *id);
    if (!download.ok()) return error_response(download.error());
    return evidence_response(*download);
  });
}

}  // namespace

void register_classwork_api(Router& router) {
  register_exit_ticket_routes(router);
  register_work_routes(router);
}

}  // namespace waymark::web
