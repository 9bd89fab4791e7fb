// /pupils/{id}/classwork: a pupil's exit tickets and marked work, with forms to add a ticket, add
// and mark work (teacher feedback, pupil self-assessment and response, redraft) and upload an
// evidence file (multipart). /evidence/{id} downloads a file through the same authorisation.
#include <cstdlib>

#include <fmt/format.h>

#include "app/classwork_view.h"
#include "app/evidence_files.h"
#include "app/exit_tickets.h"
#include "web/pages/classwork_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/multipart.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

std::string subject_name(const app::PupilClasswork& view, Id subject_id) {
  auto found = view.subject_names.find(subject_id);
  return found == view.subject_names.end() ? "Unknown subject" : found->second;
}

std::string result_text(const ExitTicket& ticket) {
  if (ticket.score && ticket.max_score)
    return fmt::format("{} / {}", format_hours(*ticket.score), format_hours(*ticket.max_score));
  if (!ticket.grade.empty()) return ticket.grade;
  return "Not marked";
}

List subject_options(const std::vector<Subject>& subjects, const std::string& selected) {
  std::vector<Option> options;
  for (const Subject& subject : subjects)
    options.push_back({std::to_string(subject.id), subject.name});
  return option_list(options, selected, "Choose a subject");
}

const char* flash_for(const std::string& saved) {
  if (saved == "ticket") return "Exit ticket saved";
  if (saved == "work") return "Work saved";
  if (saved == "feedback") return "Feedback saved";
  if (saved == "evidence") return "Evidence file uploaded";
  return "";
}

Response render(const Templates& templates, Exchange& exchange, Id pupil_id,
                const std::vector<FieldError>& errors, const Params& form, int status) {
  auto view = app::pupil_classwork(exchange.app, exchange.actor, pupil_id);
  if (!view.ok()) return error_page(templates, exchange, view.error());
  const Data error_data = error_map(errors);
  Data data{Data::type::object};
  data.set("pupil_id", std::to_string(pupil_id));
  data.set("name", view->pupil_name);
  data.set("can_write", view->can_write);
  data.set("csrf_token", exchange.csrf_token);
  data.set("today", exchange.app.clock.today().iso());
  List tickets;
  for (const ExitTicket& ticket : view->exit_tickets) {
    Data item{Data::type::object};
    item.set("date", format_date(ticket.lesson_date));
    item.set("subject", subject_name(*view, ticket.subject_id));
    item.set("topic", ticket.topic);
    item.set("result", result_text(ticket));
    item.set("mark", ticket.mark);
    item.set("comment", ticket.comment);
    tickets.push_back(item);
  }
  data.set("tickets", tickets);
  data.set("has_tickets", !tickets.empty());
  List work;
  for (const auto& item : view->work) {
    Data entry{Data::type::object};
    const std::string id = std::to_string(item.work.id);
    entry.set("id", id);
    entry.set("title", item.work.title);
    entry.set("date", format_date(item.work.work_date));
    entry.set("subject", subject_name(*view, item.work.subject_id));
    entry.set("feedback", item.work.feedback);
    entry.set("self_assessment", item.work.self_assessment);
    entry.set("pupil_response", item.work.pupil_response);
    entry.set("redraft", item.work.redraft);
    List files;
    for (const auto& file : item.evidence) {
      Data link{Data::type::object};
      link.set("href", fmt::format("/evidence/{}", file.id));
      link.set("name", file.original_name);
      link.set("type", media_type(file.type));
      files.push_back(link);
    }
    entry.set("files", files);
    entry.set("has_files", !files.empty());
    entry.set("error", optional_text(error_for(error_data, "file_" + id)));
    work.push_back(entry);
  }
  data.set("work", work);
  data.set("has_work", !work.empty());
  data.set("ticket_subjects",
           subject_options(view->ticket_subjects, form_text(form, "ticket_subject_id")));
  data.set("work_subjects",
           subject_options(view->work_subjects, form_text(form, "work_subject_id")));
  for (const char* field : {"ticket_topic", "ticket_score", "ticket_max", "ticket_mark",
                            "ticket_comment", "work_title", "work_feedback"})
    data.set(field, form_text(form, field));
  data.set("errors", error_data);
  PageFrame frame = page_frame(exchange, "Classwork: " + view->pupil_name);
  frame.errors = errors;
  frame.flash = flash_for(exchange.request.param("saved"));
  return render_page(templates, frame, "classwork_pupil", data, status);
}

// Renames a use case's field errors to the form's names, keeping them as sentences.
std::vector<FieldError> renamed(const Error& error, const std::string& prefix) {
  std::vector<FieldError> fields;
  for (const auto& field : error.fields)
    fields.push_back({prefix + field.field, error_sentence(field)});
  if (fields.empty()) fields.push_back({prefix + "form", error.message});
  return fields;
}

Response add_ticket(const Templates& templates, Exchange& exchange, Id pupil_id) {
  const Params form = exchange.form();
  ErrorList errors;
  ExitTicket ticket;
  ticket.pupil_id = pupil_id;
  ticket.subject_id = read_form_id(form, "ticket_subject_id");
  ticket.lesson_date = read_form_date(form, "ticket_date", Required::Yes, errors)
                           .value_or(exchange.app.clock.today());
  ticket.topic = form_text(form, "ticket_topic");
  const std::string score = form_text(form, "ticket_score");
  if (!score.empty()) {
    char* end = nullptr;
    const double number = std::strtod(score.c_str(), &end);
    if (end && *end == '\0')
      ticket.score = number;
    else
      ticket.grade = score;
  }
  ticket.max_score = read_form_number(form, "ticket_max", errors);
  ticket.mark = form_text(form, "ticket_mark");
  ticket.comment = form_text(form, "ticket_comment");
  if (!errors.empty()) return render(templates, exchange, pupil_id, errors.fields(), form, 422);
  auto created = app::create_exit_ticket(exchange.app, exchange.actor, ticket);
  if (!created.ok()) {
    if (created.error().kind == ErrorKind::NotFound || created.error().kind == ErrorKind::Forbidden)
      return error_page(templates, exchange, created.error());
    return render(templates, exchange, pupil_id, renamed(created.error(), "ticket_"), form, 422);
  }
  return Response::redirect(fmt::format("/pupils/{}/classwork?saved=ticket", pupil_id));
}

Response add_work(const Templates& templates, Exchange& exchange, Id pupil_id) {
  const Params form = exchange.form();
  ErrorList errors;
  MarkedWork work;
  work.pupil_id = pupil_id;
  work.subject_id = read_form_id(form, "work_subject_id");
  work.work_date =
      read_form_date(form, "work_date", Required::Yes, errors).value_or(exchange.app.clock.today());
  work.title = form_text(form, "work_title");
  work.feedback = form_text(form, "work_feedback");
  if (!errors.empty()) return render(templates, exchange, pupil_id, errors.fields(), form, 422);
  auto created = app::create_marked_work(exchange.app, exchange.actor, work);
  if (!created.ok()) {
    if (created.error().kind == ErrorKind::NotFound || created.error().kind == ErrorKind::Forbidden)
      return error_page(templates, exchange, created.error());
    return render(templates, exchange, pupil_id, renamed(created.error(), "work_"), form, 422);
  }
  return Response::redirect(fmt::format("/pupils/{}/classwork?saved=work", pupil_id));
}

Response mark_work(const Templates& templates, Exchange& exchange, Id work_id) {
  const Params form = exchange.form();
  auto updated = app::update_marked_work(
      exchange.app, exchange.actor, work_id,
      [&](MarkedWork& work, ErrorList&) {
        work.feedback = form_text(form, "feedback");
        work.self_assessment = form_text(form, "self_assessment");
        work.pupil_response = form_text(form, "pupil_response");
        work.redraft = form_text(form, "redraft");
      },
      std::nullopt);
  if (!updated.ok()) return error_page(templates, exchange, updated.error());
  return Response::redirect(fmt::format("/pupils/{}/classwork?saved=feedback", updated->pupil_id));
}

Response upload(const Templates& templates, Exchange& exchange, Id work_id) {
  auto work = app::get_marked_work(exchange.app, exchange.actor, work_id);
  if (!work.ok()) return error_page(templates, exchange, work.error());
  auto parts = multipart_parts(exchange.request);
  const std::string field = "file_" + std::to_string(work_id);
  std::vector<FieldError> errors;
  if (!parts.ok()) {
    errors.push_back({field, "Choose a PDF, PNG or JPEG file to upload"});
    return render(templates, exchange, work->pupil_id, errors, {}, 422);
  }
  const MultipartPart* file = nullptr;
  for (const auto& part : *parts)
    if (part.name == "file" && part.filename) file = &part;
  if (!file || file->body.empty()) {
    errors.push_back({field, "Choose a PDF, PNG or JPEG file to upload"});
    return render(templates, exchange, work->pupil_id, errors, {}, 422);
  }
  auto stored = app::upload_evidence(exchange.app, exchange.actor, work_id, file->body,
                                     file->filename.value_or(""));
  if (!stored.ok()) {
    if (stored.error().kind != ErrorKind::Invalid)
      return error_page(templates, exchange, stored.error());
    errors.push_back({field, "The file " + stored.error().fields.front().reason});
    return render(templates, exchange, work->pupil_id, errors, {}, 422);
  }
  return Response::redirect(fmt::format("/pupils/{}/classwork?saved=evidence", work->pupil_id));
}

}  // namespace

void register_pupil_classwork_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/classwork", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return render(templates, exchange, *id, {}, {}, 200);
  });
  router.page(Method::Post, "/pupils/{id}/classwork/exit-tickets",
              [&templates](Exchange& exchange) {
                auto id = exchange.id("id", "pupil");
                if (!id.ok()) return error_page(templates, exchange, id.error());
                return add_ticket(templates, exchange, *id);
              });
  router.page(Method::Post, "/pupils/{id}/classwork/work", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return add_work(templates, exchange, *id);
  });
  router.page(Method::Post, "/work/{id}/feedback", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "marked work");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return mark_work(templates, exchange, *id);
  });
  router.page(Method::Post, "/work/{id}/evidence", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "marked work");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return upload(templates, exchange, *id);
  });
  router.page(Method::Get, "/evidence/{id}", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "evidence file");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    auto download = app::download_evidence(exchange.app, exchange.actor, *id);
    if (!download.ok()) return error_page(templates, exchange, download.error());
    return evidence_response(*download);
  });
}

}  // namespace waymark::web
