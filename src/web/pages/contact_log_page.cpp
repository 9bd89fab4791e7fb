// /pupils/{id}/contact-log: a pupil's calls, meetings and messages home, the next call due per
// current placement, the pupil's contacts (a contact without parental responsibility tagged
// wherever it is shown or chosen), and the form to log a contact.
#include <fmt/format.h>

#include "app/parent_contacts.h"
#include "web/pages/contact_behaviour_pages.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

const char* state_text(ContactState state) {
  switch (state) {
    case ContactState::NotDue:
      return "Not due yet";
    case ContactState::Due:
      return "Due";
    case ContactState::Overdue:
      return "Overdue";
  }
  return "";
}

const char* state_class(ContactState state) {
  switch (state) {
    case ContactState::NotDue:
      return "govuk-tag--green";
    case ContactState::Due:
      return "govuk-tag--yellow";
    case ContactState::Overdue:
      return "govuk-tag--red";
  }
  return "";
}

Response render(const Templates& templates, Exchange& exchange, Id pupil_id,
                const std::vector<FieldError>& errors, const Params& form, int status) {
  auto view = app::contact_log(exchange.app, exchange.actor, pupil_id);
  if (!view.ok()) return error_page(templates, exchange, view.error());
  const Data error_data = error_map(errors);
  Data data{Data::type::object};
  data.set("pupil_id", std::to_string(pupil_id));
  data.set("name", view->pupil.display_name());
  data.set("can_write", view->can_write);
  data.set("csrf_token", exchange.csrf_token);
  data.set("errors", error_data);

  List calls;
  for (const app::PlacementCallDue& call : view->next_calls) {
    Data item{Data::type::object};
    item.set("provider", call.provider_name);
    item.set("last_call", format_date(call.last_call, "None yet"));
    item.set("due_from", format_date(call.due.due_from));
    item.set("due_by", format_date(call.due.due_by));
    item.set("state", state_text(call.state));
    item.set("state_class", state_class(call.state));
    item.set("key_worker",
             call.key_worker_name.empty() ? "Not assigned (the provider)" : call.key_worker_name);
    calls.push_back(item);
  }
  data.set("calls", calls);
  data.set("has_calls", !calls.empty());

  const std::string chosen = form_text(form, "contact_id");
  List contacts;
  bool first = true;
  for (const Contact& contact : view->pupil.contacts) {
    Data item{Data::type::object};
    const std::string id = std::to_string(contact.id);
    item.set("id", id);
    item.set("input_id", first ? std::string("contact_id") : "contact_id-" + id);
    item.set("name", contact.name);
    item.set("relationship", contact.relationship);
    item.set("phone", contact.phone);
    item.set("parental", contact.parental_responsibility);
    item.set("checked", chosen.empty() ? first : chosen == id);
    contacts.push_back(item);
    first = false;
  }
  data.set("contacts", contacts);
  data.set("has_contacts", !contacts.empty());

  List entries;
  for (const ContactLogEntry& entry : view->entries) {
    Data item{Data::type::object};
    item.set("date", format_date(entry.contact_date));
    item.set("method", label(entry.method));
    std::string staff;
    for (const auto& [user_id, name] : view->staff_names)
      if (user_id == entry.staff_id) staff = name;
    item.set("staff", staff);
    item.set("contact", entry.contact_name);
    item.set("relationship", entry.contact_relationship);
    item.set("parental", entry.parental_responsibility);
    item.set("summary", entry.summary);
    item.set("work_completed", optional_text(entry.work_completed));
    item.set("progress", optional_text(entry.progress));
    item.set("other", optional_text(entry.other));
    item.set("outcome", optional_text(entry.outcome));
    entries.push_back(item);
  }
  data.set("entries", entries);
  data.set("has_entries", !entries.empty());

  std::vector<Option> staff;
  for (const User& user : view->staff)
    staff.push_back({std::to_string(user.id), user.display_name});
  const std::string staff_chosen = form_text(form, "staff_id");
  data.set("staff", option_list(staff, staff_chosen.empty() ? std::to_string(exchange.actor.user_id)
                                                            : staff_chosen));
  const std::string method = form_text(form, "method");
  data.set("methods", choice_list("method",
                                  {{"call", "Phone call"},
                                   {"meeting", "Meeting"},
                                   {"message", "Message (text, email or letter)"}},
                                  {method.empty() ? "call" : method}));
  const std::string date = form_text(form, "contact_date");
  data.set("contact_date", date.empty() ? exchange.app.clock.today().iso() : date);
  for (const char* field : {"summary", "work_completed", "progress", "other", "outcome"})
    data.set(field, form_text(form, field));

  PageFrame frame = page_frame(exchange, "Contact log: " + view->pupil.display_name(), "/pupils");
  frame.errors = errors;
  if (exchange.request.param("saved") == "1") frame.flash = "Contact logged";
  if (exchange.request.param("saved") == "key-worker") frame.flash = "Key worker saved";
  return render_page(templates, frame, "contact_log", data, status);
}

Response log(const Templates& templates, Exchange& exchange, Id pupil_id) {
  const Params form = exchange.form();
  ErrorList errors;
  ContactLogEntry entry;
  entry.pupil_id = pupil_id;
  entry.contact_date = read_form_date(form, "contact_date", Required::Yes, errors)
                           .value_or(exchange.app.clock.today());
  const std::string method = form_text(form, "method");
  auto parsed = parse_contact_method(method.empty() ? "call" : method);
  if (parsed.ok())
    entry.method = *parsed;
  else
    errors.add_all(parsed.error());
  entry.staff_id = read_form_id(form, "staff_id");
  entry.contact_id = read_form_id(form, "contact_id");
  entry.summary = form_text(form, "summary");
  entry.work_completed = form_text(form, "work_completed");
  entry.progress = form_text(form, "progress");
  entry.other = form_text(form, "other");
  entry.outcome = form_text(form, "outcome");
  if (!errors.empty()) return render(templates, exchange, pupil_id, errors.fields(), form, 422);
  auto logged = app::log_contact(exchange.app, exchange.actor, entry);
  if (!logged.ok()) {
    if (logged.error().kind != ErrorKind::Invalid)
      return error_page(templates, exchange, logged.error());
    return render(templates, exchange, pupil_id, logged.error().fields, form, 422);
  }
  return Response::redirect(fmt::format("/pupils/{}/contact-log?saved=1", pupil_id));
}

Response choose_key_worker(const Templates& templates, Exchange& exchange, Id placement_id) {
  const Params form = exchange.form();
  const Id user_id = read_form_id(form, "key_worker_" + std::to_string(placement_id));
  auto saved = app::set_key_worker(exchange.app, exchange.actor, placement_id, user_id);
  if (!saved.ok()) return error_page(templates, exchange, saved.error());
  auto placement = exchange.app.store.connection().placement(placement_id);
  return Response::redirect(
      fmt::format("/pupils/{}/contact-log?saved=key-worker", placement ? placement->pupil_id : 0));
}

}  // namespace

void register_contact_log_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/contact-log", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return render(templates, exchange, *id, {}, {}, 200);
  });
  router.page(Method::Post, "/pupils/{id}/contact-log", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return log(templates, exchange, *id);
  });
  router.page(Method::Post, "/placements/{id}/key-worker", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "placement");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return choose_key_worker(templates, exchange, *id);
  });
}

}  // namespace waymark::web
