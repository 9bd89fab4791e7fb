// /groups/{id}/exit-tickets?subject=&date=: a teaching group's exit tickets for one subject and
// lesson as a keyboard grid (web/static/js/exit_ticket_grid.js autosaves each row through
// PUT /api/v1/exit-tickets). Without JavaScript the grid is a plain form posting every row.
#include <cstdlib>

#include <fmt/format.h>

#include "app/classwork_access.h"
#include "app/exit_tickets.h"
#include "web/pages/classwork_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

// The score column takes a number (a score out of the shared maximum) or a grade.
std::string result_text(const ExitTicket& ticket) {
  if (ticket.score) return format_hours(*ticket.score);
  return ticket.grade;
}

struct GridQuery {
  Id subject_id = 0;
  Date date;
};

Result<GridQuery> read_query(Exchange& exchange, Id group_id, const Params* form) {
  auto& connection = exchange.app.store.connection();
  GridQuery query;
  const std::string subject_text =
      form ? form_text(*form, "subject_id") : exchange.request.param("subject");
  const std::string date_text = form ? form_text(*form, "date") : exchange.request.param("date");
  query.subject_id = std::atoll(subject_text.c_str());
  if (query.subject_id <= 0) {
    auto group = connection.teaching_group(group_id);
    auto subjects = app::exit_ticket_subjects(connection, exchange.actor.organisation_id);
    for (const Subject& subject : subjects)
      if (group && subject.id == group->subject_id) query.subject_id = subject.id;
    if (query.subject_id <= 0 && !subjects.empty()) query.subject_id = subjects.front().id;
  }
  query.date = exchange.app.clock.today();
  if (!date_text.empty()) query.date = WAYMARK_TRY(Date::parse(date_text, "date"));
  return query;
}

Response render_grid(const Templates& templates, Exchange& exchange, Id group_id,
                     const GridQuery& query, const Params* posted,
                     const std::vector<FieldError>& errors, const std::string& flash) {
  auto grid =
      app::exit_ticket_grid(exchange.app, exchange.actor, group_id, query.subject_id, query.date);
  if (!grid.ok()) return error_page(templates, exchange, grid.error());
  // The shared topic and maximum: the first ticket's, as the grid saved them.
  std::string default_topic, default_max = "10";
  for (const auto& row : grid->pupils)
    if (!row.tickets.empty() && default_topic.empty()) {
      default_topic = row.tickets.front().topic;
      if (row.tickets.front().max_score) default_max = format_hours(*row.tickets.front().max_score);
    }
  if (posted) {
    default_topic = form_text(*posted, "topic_default");
    default_max = form_text(*posted, "max_score");
  }
  const Data error_data = error_map(errors);
  List rows;
  int row_index = 0;
  for (const auto& row : grid->pupils) {
    const ExitTicket* ticket = nullptr;
    for (const auto& candidate : row.tickets)
      if (!ticket || candidate.topic == default_topic) ticket = &candidate;
    const std::string key = std::to_string(row.pupil_id);
    auto value = [&](const std::string& name, const std::string& stored) {
      return posted ? form_text(*posted, name + "_" + key) : stored;
    };
    Data item{Data::type::object};
    item.set("pupil_id", key);
    item.set("name", row.name);
    item.set("row", std::to_string(++row_index));
    const std::string stored_topic =
        ticket && ticket->topic != default_topic ? ticket->topic : std::string();
    item.set("topic", value("topic", stored_topic));
    item.set("previous_topic", ticket ? ticket->topic : std::string());
    item.set("score", value("score", ticket ? result_text(*ticket) : ""));
    item.set("mark", value("mark", ticket ? ticket->mark : ""));
    item.set("comment", value("comment", ticket ? ticket->comment : ""));
    item.set("saved", ticket != nullptr);
    item.set("error", optional_text(error_for(error_data, "row_" + key)));
    rows.push_back(item);
  }
  List subjects;
  for (const Subject& subject :
       app::exit_ticket_subjects(exchange.app.store.connection(), exchange.actor.organisation_id)) {
    Data option{Data::type::object};
    option.set("value", std::to_string(subject.id));
    option.set("text", subject.name);
    option.set("selected", subject.id == query.subject_id);
    subjects.push_back(option);
  }
  PageFrame frame = page_frame(exchange, "Exit tickets: " + grid->group.name);
  frame.errors = errors;
  frame.flash = flash;
  Data data{Data::type::object};
  data.set("group_id", std::to_string(group_id));
  data.set("group_name", grid->group.name);
  data.set("subject_id", std::to_string(grid->subject.id));
  data.set("subject_name", grid->subject.name);
  data.set("date", query.date.iso());
  data.set("date_label", format_date(query.date));
  data.set("subjects", subjects);
  data.set("rows", rows);
  data.set("has_rows", !rows.empty());
  data.set("topic_default", default_topic);
  data.set("max_score", default_max);
  data.set("can_write", grid->can_write);
  data.set("csrf_token", exchange.csrf_token);
  data.set("action", fmt::format("/groups/{}/exit-tickets", group_id));
  return render_page(templates, frame, "exit_ticket_grid", data);
}

// Saves every row of the posted grid that has anything in it; errors name "row_<pupil id>".
std::vector<FieldError> save_posted(Exchange& exchange, Id group_id, const GridQuery& query,
                                    const Params& form, int& saved) {
  std::vector<FieldError> errors;
  auto grid =
      app::exit_ticket_grid(exchange.app, exchange.actor, group_id, query.subject_id, query.date);
  if (!grid.ok())
    return grid.error().fields.empty()
               ? std::vector<FieldError>{{"subject_id", grid.error().message}}
               : grid.error().fields;
  const std::string default_topic = form_text(form, "topic_default");
  const std::string max_text = form_text(form, "max_score");
  for (const auto& row : grid->pupils) {
    const std::string key = std::to_string(row.pupil_id);
    const std::string score = form_text(form, "score_" + key);
    const std::string mark = form_text(form, "mark_" + key);
    const std::string comment = form_text(form, "comment_" + key);
    std::string topic = form_text(form, "topic_" + key);
    if (score.empty() && mark.empty() && comment.empty() && topic.empty()) continue;
    if (topic.empty()) topic = default_topic;
    ExitTicket ticket;
    ticket.pupil_id = row.pupil_id;
    ticket.subject_id = query.subject_id;
    ticket.teaching_group_id = group_id;
    ticket.lesson_date = query.date;
    ticket.topic = topic;
    ticket.mark = mark;
    ticket.comment = comment;
    ErrorList parse_errors;
    if (!score.empty()) {
      char* end = nullptr;
      const double number = std::strtod(score.c_str(), &end);
      if (end != nullptr && *end == '\0') {
        ticket.score = number;
        ticket.max_score = read_form_number(form, "max_score", parse_errors);
      } else {
        ticket.grade = score;
      }
    } else if (!max_text.empty()) {
      ticket.max_score = read_form_number(form, "max_score", parse_errors);
    }
    auto result = app::save_exit_ticket(exchange.app, exchange.actor, ticket,
                                        form_text(form, "previous_topic_" + key));
    if (result.ok()) {
      ++saved;
      continue;
    }
    const Error& error = result.error();
    const std::string reason =
        error.fields.empty() ? error.message : error_sentence(error.fields.front());
    errors.push_back({"row_" + key, row.name + ": " + reason});
  }
  return errors;
}

}  // namespace

void register_classwork_grid_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/groups/{id}/exit-tickets", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "teaching group");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    auto query = read_query(exchange, *id, nullptr);
    if (!query.ok()) return error_page(templates, exchange, Error::not_found("lesson date"));
    const std::string saved = exchange.request.param("saved");
    return render_grid(templates, exchange, *id, *query, nullptr, {},
                       saved.empty() ? "" : "Exit tickets saved");
  });
  router.page(Method::Post, "/groups/{id}/exit-tickets", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "teaching group");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    const Params form = exchange.form();
    auto query = read_query(exchange, *id, &form);
    if (!query.ok()) return error_page(templates, exchange, Error::not_found("lesson date"));
    int saved = 0;
    auto errors = save_posted(exchange, *id, *query, form, saved);
    if (errors.empty())
      return Response::redirect(fmt::format("/groups/{}/exit-tickets?subject={}&date={}&saved={}",
                                            *id, query->subject_id, query->date.iso(), saved));
    return render_grid(templates, exchange, *id, *query, &form, errors, "");
  });
}

}  // namespace waymark::web
