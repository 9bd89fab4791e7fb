// /calendar: the organisation's terms and half terms, closure days, subjects and teaching groups.
// Admins and heads add terms, closure days and subjects; staff who edit pupils add teaching
// groups (their members are edited through the API).
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/calendar.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

bool can_edit_calendar(const Actor& actor) {
  return actor.roles.has(Role::Admin) || actor.roles.has(Role::Head);
}

// The academic year `today` falls in: 2025 for any date from 1 September 2025 to 31 August 2026.
int academic_year_of(Date today) {
  return today.month() >= 9 ? today.year() : today.year() - 1;
}

std::string academic_year_text(int year) {
  return fmt::format("{}/{:02}", year, (year + 1) % 100);
}

// Each form's fields carry its prefix ("term_name"), so that the forms on one page never share an
// element id. The use cases name fields without it ("name").
const std::map<std::string, std::string>& field_labels() {
  static const std::map<std::string, std::string> labels = {
      {"term_name", "Term name"},
      {"term_academic_year", "Academic year"},
      {"term_start_date", "Start date"},
      {"term_end_date", "End date"},
      {"term_parent_term_id", "Part of term"},
      {"closure_date", "Closure date"},
      {"closure_reason", "Reason"},
      {"subject_name", "Subject name"},
      {"subject_code", "Subject code"},
      {"group_name", "Group name"},
      {"group_subject_id", "Subject"},
      {"group_academic_year", "Academic year"},
  };
  return labels;
}

std::vector<FieldError> form_errors_with_prefix(const std::vector<FieldError>& errors,
                                                const std::string& prefix) {
  return form_errors(
      errors,
      [&prefix](const std::string& field) {
        return field.rfind(prefix, 0) == 0 ? field : prefix + field;
      },
      [](const std::string& form_field) {
        auto found = field_labels().find(form_field);
        return found == field_labels().end() ? form_field : found->second;
      });
}

Data text_field(const Params& submitted, const std::string& name,
                const std::string& fallback = "") {
  std::string value = form_text(submitted, name);
  return Data(value.empty() ? fallback : value);
}

List term_rows(const std::vector<Term>& terms) {
  // Each term, then its half terms, in date order (terms_of returns them by start date).
  List rows;
  auto add = [&rows](const Term& term, bool half) {
    Data row{Data::type::object};
    row.set("name", term.name);
    row.set("half", Data(half));
    row.set("academic_year", academic_year_text(term.academic_year));
    row.set("start", format_date(term.start_date));
    row.set("end", format_date(term.end_date));
    rows.push_back(row);
  };
  std::vector<bool> shown(terms.size(), false);
  for (std::size_t term_idx = 0; term_idx < terms.size(); ++term_idx) {
    if (terms[term_idx].parent_term_id != 0) continue;
    add(terms[term_idx], false);
    shown[term_idx] = true;
    for (std::size_t half_idx = 0; half_idx < terms.size(); ++half_idx) {
      if (terms[half_idx].parent_term_id != terms[term_idx].id) continue;
      add(terms[half_idx], true);
      shown[half_idx] = true;
    }
  }
  for (std::size_t term_idx = 0; term_idx < terms.size(); ++term_idx)
    if (!shown[term_idx]) add(terms[term_idx], true);
  return rows;
}

const char* flash_for(const std::string& done) {
  if (done == "term") return "Term added.";
  if (done == "half_term") return "Half term added.";
  if (done == "closure") return "Closure day added.";
  if (done == "subject") return "Subject added.";
  if (done == "group") return "Teaching group added.";
  return "";
}

// The page; after a failed form, `errors` name that form's fields and `submitted` refills them.
Response calendar_page(const Templates& templates, Exchange& exchange,
                       const std::vector<FieldError>& errors = {}, const Params& submitted = {},
                       const std::string& open_form = "", int status = 200) {
  const Actor& actor = exchange.actor;
  const auto calendar = app::organisation_calendar(exchange.app, actor);
  const auto subjects = app::organisation_subjects(exchange.app, actor);
  const auto groups = app::organisation_groups(exchange.app, actor);
  const std::string this_year = std::to_string(academic_year_of(exchange.app.clock.today()));

  Data data{Data::type::object};
  data.set("csrf_token", exchange.csrf_token);
  data.set("errors", error_map(errors));
  data.set("terms", term_rows(calendar.terms));
  data.set("has_terms", Data(!calendar.terms.empty()));

  List closures;
  for (const auto& closure : calendar.closure_days) {
    Data row{Data::type::object};
    row.set("date", format_date(closure.date));
    row.set("reason", closure.reason);
    closures.push_back(row);
  }
  data.set("closures", closures);
  data.set("has_closures", Data(!calendar.closure_days.empty()));

  std::map<Id, std::string> subject_names;
  List subject_rows;
  std::vector<Option> subject_options;
  for (const auto& subject : subjects) {
    subject_names[subject.id] = subject.name;
    Data row{Data::type::object};
    row.set("name", subject.name);
    row.set("code", subject.code);
    subject_rows.push_back(row);
    subject_options.push_back({std::to_string(subject.id), subject.name});
  }
  data.set("subjects", subject_rows);
  data.set("has_subjects", Data(!subjects.empty()));

  List group_rows;
  for (const auto& group : groups) {
    Data row{Data::type::object};
    row.set("name", group.name);
    auto subject = subject_names.find(group.subject_id);
    row.set("subject", subject == subject_names.end() ? std::string("None") : subject->second);
    row.set("academic_year", academic_year_text(group.academic_year));
    row.set("staff", std::to_string(group.staff_ids.size()));
    row.set("pupils", std::to_string(group.pupil_ids.size()));
    row.set("grid_href", fmt::format("/groups/{}/exit-tickets", group.id));
    group_rows.push_back(row);
  }
  data.set("groups", group_rows);
  data.set("has_groups", Data(!groups.empty()));
  // The exit-ticket grid is for the provider's teaching staff (require_classwork_writer).
  data.set("grid_links",
           Data(actor.organisation_kind == OrgKind::Provider && actor.can_edit_pupils()));

  if (can_edit_calendar(actor)) {
    std::vector<Option> parents;
    for (const auto& term : calendar.terms)
      if (term.parent_term_id == 0)
        parents.push_back(
            {std::to_string(term.id), term.name + " " + academic_year_text(term.academic_year)});
    Data term_form{Data::type::object};
    term_form.set("open", Data(open_form == "term"));
    term_form.set("name", text_field(submitted, "term_name"));
    term_form.set("academic_year", text_field(submitted, "term_academic_year", this_year));
    term_form.set("start_date", text_field(submitted, "term_start_date"));
    term_form.set("end_date", text_field(submitted, "term_end_date"));
    term_form.set("parents", option_list(parents, form_text(submitted, "term_parent_term_id"),
                                         "None: this is a term"));
    data.set("term_form", term_form);
    Data closure_form{Data::type::object};
    closure_form.set("open", Data(open_form == "closure"));
    closure_form.set("date", text_field(submitted, "closure_date"));
    closure_form.set("reason", text_field(submitted, "closure_reason"));
    data.set("closure_form", closure_form);
    Data subject_form{Data::type::object};
    subject_form.set("open", Data(open_form == "subject"));
    subject_form.set("name", text_field(submitted, "subject_name"));
    subject_form.set("code", text_field(submitted, "subject_code"));
    data.set("subject_form", subject_form);
  }
  if (actor.can_edit_pupils()) {
    Data group_form{Data::type::object};
    group_form.set("open", Data(open_form == "group"));
    group_form.set("name", text_field(submitted, "group_name"));
    group_form.set("academic_year", text_field(submitted, "group_academic_year", this_year));
    group_form.set("subjects",
                   option_list(subject_options, form_text(submitted, "group_subject_id"),
                               "No subject (for example, a tutor group)"));
    data.set("group_form", group_form);
  }

  PageFrame frame = page_frame(exchange, "Calendar, subjects and groups", "/calendar");
  frame.errors = errors;
  frame.flash = flash_for(exchange.request.param("done"));
  return render_page(templates, frame, "calendar", data, status);
}

// After a use case refused a form: the page again with the form's errors, or an error page.
Response refused(const Templates& templates, Exchange& exchange, const Error& error,
                 const Params& form, const std::string& which) {
  if (error.kind != ErrorKind::Invalid && error.kind != ErrorKind::Conflict)
    return error_page(templates, exchange, error);
  return calendar_page(templates, exchange, form_errors_with_prefix(error.fields, which + "_"),
                       form, which, 422);
}

Response post_term(const Templates& templates, Exchange& exchange) {
  const Params form = exchange.form();
  ErrorList errors;
  Term term;
  term.name = form_text(form, "term_name");
  term.parent_term_id = read_form_id(form, "term_parent_term_id");
  auto year = read_form_int(form, "term_academic_year", errors);
  if (year)
    term.academic_year = *year;
  else if (term.parent_term_id == 0 && form_text(form, "term_academic_year").empty())
    errors.add("term_academic_year", "is required");
  auto start = read_form_date(form, "term_start_date", Required::Yes, errors);
  auto end = read_form_date(form, "term_end_date", Required::Yes, errors);
  // The use case checks the name too, but is not reached without dates: report every problem now.
  if (!errors.empty() && term.name.empty()) errors.add("term_name", "is required");
  if (!errors.empty()) return refused(templates, exchange, errors.to_error(), form, "term");
  term.start_date = *start;
  term.end_date = *end;
  auto added = app::add_term(exchange.app, exchange.actor, term);
  if (!added.ok()) return refused(templates, exchange, added.error(), form, "term");
  return Response::redirect(term.parent_term_id == 0 ? "/calendar?done=term"
                                                     : "/calendar?done=half_term");
}

Response post_closure(const Templates& templates, Exchange& exchange) {
  const Params form = exchange.form();
  ErrorList errors;
  ClosureDay closure;
  closure.reason = form_text(form, "closure_reason");
  auto date = read_form_date(form, "closure_date", Required::Yes, errors);
  if (!errors.empty()) return refused(templates, exchange, errors.to_error(), form, "closure");
  closure.date = *date;
  auto added = app::add_closure_day(exchange.app, exchange.actor, closure);
  if (!added.ok()) return refused(templates, exchange, added.error(), form, "closure");
  return Response::redirect("/calendar?done=closure");
}

Response post_subject(const Templates& templates, Exchange& exchange) {
  const Params form = exchange.form();
  Subject subject;
  subject.name = form_text(form, "subject_name");
  subject.code = form_text(form, "subject_code");
  auto added = app::add_subject(exchange.app, exchange.actor, subject);
  if (!added.ok()) return refused(templates, exchange, added.error(), form, "subject");
  return Response::redirect("/calendar?done=subject");
}

Response post_group(const Templates& templates, Exchange& exchange) {
  const Params form = exchange.form();
  ErrorList errors;
  TeachingGroup group;
  group.name = form_text(form, "group_name");
  group.subject_id = read_form_id(form, "group_subject_id");
  group.academic_year = academic_year_of(exchange.app.clock.today());
  if (auto year = read_form_int(form, "group_academic_year", errors)) group.academic_year = *year;
  if (!errors.empty()) return refused(templates, exchange, errors.to_error(), form, "group");
  auto added = app::save_teaching_group(exchange.app, exchange.actor, group);
  if (!added.ok()) return refused(templates, exchange, added.error(), form, "group");
  return Response::redirect("/calendar?done=group");
}

}  // namespace

void register_calendar_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/calendar",
              [&templates](Exchange& exchange) { return calendar_page(templates, exchange); });
  router.page(Method::Post, "/calendar/terms",
              [&templates](Exchange& exchange) { return post_term(templates, exchange); });
  router.page(Method::Post, "/calendar/closure-days",
              [&templates](Exchange& exchange) { return post_closure(templates, exchange); });
  router.page(Method::Post, "/calendar/subjects",
              [&templates](Exchange& exchange) { return post_subject(templates, exchange); });
  router.page(Method::Post, "/calendar/groups",
              [&templates](Exchange& exchange) { return post_group(templates, exchange); });
}

}  // namespace waymark::web
