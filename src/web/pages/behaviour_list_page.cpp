// /behaviour: the provider's incidents (the last six weeks, or ?from=&to=) with every pupil
// named, and the form to record an incident for one or several pupils.
#include <fmt/format.h>

#include <algorithm>

#include "app/behaviour_incidents.h"
#include "app/parent_contacts.h"
#include "web/pages/contact_behaviour_pages.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

// The use case's field names as the form's: every pupils[...] problem lands on the pupils
// checkboxes, except the home-school fields, which have their own inputs.
std::vector<FieldError> form_fields(const std::vector<FieldError>& errors) {
  std::vector<FieldError> fields;
  for (const FieldError& error : errors) {
    std::string name = error.field;
    if (name.ends_with("home_school_informed_by"))
      name = "informed_by";
    else if (name.ends_with("home_school_informed_on"))
      name = "informed_on";
    else if (name.starts_with("pupils"))
      name = "pupil_ids";
    if (std::none_of(fields.begin(), fields.end(),
                     [&](const FieldError& kept) { return kept.field == name; }))
      fields.push_back({name, error.reason});
  }
  return fields;
}

Response render(const Templates& templates, Exchange& exchange,
                const std::vector<FieldError>& errors, const Params& form, int status) {
  const Date today = exchange.app.clock.today();
  ErrorList window_errors;
  const Params query = exchange.request.query;
  const Date to = read_form_date(query, "to", Required::No, window_errors).value_or(today);
  const Date from =
      read_form_date(query, "from", Required::No, window_errors).value_or(to.plus_days(-41));
  auto incidents = app::list_incidents(exchange.app, exchange.actor, from, to);
  if (!incidents.ok()) return error_page(templates, exchange, incidents.error());
  auto types = app::list_incident_types(exchange.app, exchange.actor);
  if (!types.ok()) return error_page(templates, exchange, types.error());
  auto& connection = exchange.app.store.connection();

  Data data{Data::type::object};
  data.set("csrf_token", exchange.csrf_token);
  data.set("errors", error_map(errors));
  data.set("has_errors", !errors.empty());
  data.set("from", from.iso());
  data.set("to", to.iso());
  data.set("can_write", exchange.actor.can_edit_pupils());
  List rows;
  for (const app::IncidentView& view : *incidents) {
    const BehaviourIncident& incident = view.incident;
    Data row{Data::type::object};
    row.set("date", format_date(incident.incident_date));
    row.set("time", format_time_of_day(incident.time_minutes));
    row.set("type", incident.type);
    row.set("severity", label(incident.severity));
    row.set("serious", incident.severity == Severity::Serious);
    row.set("description", incident.description);
    row.set("action_taken", optional_text(incident.action_taken));
    row.set("follow_up", optional_text(incident.follow_up));
    List pupils;
    for (std::size_t index = 0; index < view.pupils.size(); ++index) {
      Data pupil{Data::type::object};
      pupil.set("name", view.pupils[index].name);
      pupil.set("href", fmt::format("/pupils/{}/behaviour", view.pupils[index].id));
      const auto& told = incident.pupils[index].home_school_informed_on;
      pupil.set("informed", told ? "home school told " + format_date(*told) : std::string());
      pupils.push_back(pupil);
    }
    row.set("pupils", pupils);
    rows.push_back(row);
  }
  data.set("rows", rows);
  data.set("has_rows", !rows.empty());

  std::vector<Option> type_options;
  for (const std::string& type : *types) type_options.push_back({type, type});
  data.set("types", option_list(type_options, form_text(form, "type"), "Choose a type"));
  std::vector<Option> severities;
  for (Severity severity : all_severities())
    severities.push_back({to_string(severity), label(severity)});
  const std::string severity = form_text(form, "severity");
  data.set("severities",
           choice_list("severity", severities, {severity.empty() ? "low" : severity}));
  std::vector<Option> pupils;
  for (const app::NamedPupil& pupil :
       app::pupils_placed_now(connection, exchange.actor.organisation_id, today))
    pupils.push_back({std::to_string(pupil.id), pupil.name});
  data.set("pupils", choice_list("pupil_ids", pupils, form_values(form, "pupil_ids")));
  std::vector<Option> staff;
  for (const User& user : app::contact_staff(connection, exchange.actor.organisation_id))
    staff.push_back({std::to_string(user.id), user.display_name});
  data.set("staff", option_list(staff, form_text(form, "informed_by"), "Nobody yet"));
  const std::string date = form_text(form, "incident_date");
  data.set("incident_date", date.empty() ? today.iso() : date);
  for (const char* field : {"time", "description", "action_taken", "follow_up", "informed_on"})
    data.set(field, form_text(form, field));

  PageFrame frame = page_frame(exchange, "Behaviour", "/behaviour");
  frame.errors = errors;
  if (exchange.request.param("saved") == "1") frame.flash = "Incident recorded";
  return render_page(templates, frame, "behaviour_list", data, status);
}

Response record(const Templates& templates, Exchange& exchange) {
  const Params form = exchange.form();
  ErrorList errors;
  BehaviourIncident incident;
  incident.incident_date = read_form_date(form, "incident_date", Required::Yes, errors)
                               .value_or(exchange.app.clock.today());
  auto minutes = parse_time_of_day(form_text(form, "time"), "time");
  if (minutes.ok())
    incident.time_minutes = *minutes;
  else
    errors.add_all(minutes.error());
  incident.type = form_text(form, "type");
  auto severity = parse_severity(form_text(form, "severity"));
  if (severity.ok())
    incident.severity = *severity;
  else
    errors.add_all(severity.error());
  incident.description = form_text(form, "description");
  incident.action_taken = form_text(form, "action_taken");
  incident.follow_up = form_text(form, "follow_up");
  const std::optional<Date> informed_on = read_form_date(form, "informed_on", Required::No, errors);
  const Id informed_by = read_form_id(form, "informed_by");
  for (const std::string& value : form_values(form, "pupil_ids")) {
    char* end = nullptr;
    const long long id = std::strtoll(value.c_str(), &end, 10);
    if (end && *end == '\0' && id > 0)
      incident.pupils.push_back(Involvement{id, informed_on, informed_by});
  }
  if (!errors.empty()) return render(templates, exchange, form_fields(errors.fields()), form, 422);
  auto recorded = app::record_incident(exchange.app, exchange.actor, incident);
  if (!recorded.ok()) {
    if (recorded.error().kind != ErrorKind::Invalid)
      return error_page(templates, exchange, recorded.error());
    return render(templates, exchange, form_fields(recorded.error().fields), form, 422);
  }
  return Response::redirect("/behaviour?saved=1");
}

}  // namespace

void register_behaviour_list_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/behaviour", [&templates](Exchange& exchange) {
    return render(templates, exchange, {}, {}, 200);
  });
  router.page(Method::Post, "/behaviour",
              [&templates](Exchange& exchange) { return record(templates, exchange); });
}

}  // namespace waymark::web
