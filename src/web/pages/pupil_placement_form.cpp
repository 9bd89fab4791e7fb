// GET/POST /pupils/{id}/placements/new and /placements/{id}/edit: the placement form. Like the
// pupil form it is rendered from form values (a stored placement turned into them, or what the
// user sent), so a failed save shows exactly what was typed.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "app/placements.h"
#include "app/pupils.h"
#include "app/users.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

const char* const kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
const char* const kDayKeys[] = {"mon", "tue", "wed", "thu", "fri"};

std::string slot_value(const TimetableSlot& slot) {
  return fmt::format("{}-{}", kDayKeys[(slot.weekday - 1) % 5],
                     slot.session == Session::Am ? "am" : "pm");
}

std::string placement_label(const std::string& field) {
  static const std::map<std::string, std::string> labels = {
      {"provider_id", "Provider"},
      {"commissioner_id", "Commissioned by"},
      {"referral_date", "Referral date"},
      {"start_date", "Start date"},
      {"planned_end_date", "Planned end date"},
      {"actual_end_date", "Actual end date"},
      {"hours_per_week", "Hours a week"},
      {"timetable", "Timetable"},
      {"reason", "Reason"},
      {"objectives", "Objectives"},
      {"status", "Status"},
      {"end_reason", "End reason"},
  };
  auto found = labels.find(field);
  return found == labels.end() ? "" : found->second;
}

Params placement_params(const Placement& placement) {
  Params form;
  auto set = [&](const std::string& name, const std::string& value) { form.emplace(name, value); };
  auto set_date = [&](const std::string& name, const std::optional<Date>& date) {
    if (date) set(name, date->iso());
  };
  if (placement.provider_id) set("provider_id", std::to_string(placement.provider_id));
  if (placement.commissioner_id) set("commissioner_id", std::to_string(placement.commissioner_id));
  set("referral_date", placement.referral_date.iso());
  set_date("start_date", placement.start_date);
  set_date("planned_end_date", placement.planned_end_date);
  set_date("actual_end_date", placement.actual_end_date);
  set("hours_per_week", format_hours(placement.hours_per_week));
  for (const auto& slot : placement.timetable) set("timetable", slot_value(slot));
  set("reason", placement.reason);
  set("objectives", placement.objectives);
  set("reintegration_plan", placement.reintegration_plan);
  set("status", to_string(placement.status));
  if (placement.end_reason) set("end_reason", to_string(*placement.end_reason));
  set("end_notes", placement.end_notes);
  if (placement.la_notified) set("la_notified", "yes");
  return form;
}

void read_placement_form(const Params& form, Placement& placement, ErrorList& errors) {
  placement.provider_id = read_form_id(form, "provider_id");
  placement.commissioner_id = read_form_id(form, "commissioner_id");
  if (auto date = read_form_date(form, "referral_date", Required::Yes, errors))
    placement.referral_date = *date;
  placement.start_date = read_form_date(form, "start_date", Required::No, errors);
  placement.planned_end_date = read_form_date(form, "planned_end_date", Required::No, errors);
  placement.hours_per_week = read_form_number(form, "hours_per_week", errors).value_or(0);
  placement.timetable.clear();
  for (const auto& value : form_values(form, "timetable")) {
    auto slot = parse_timetable_slot(value, "timetable");
    if (slot.ok())
      placement.timetable.push_back(*slot);
    else
      errors.add_all(slot.error());
  }
  placement.reason = form_text(form, "reason");
  placement.objectives = form_text(form, "objectives");
  placement.reintegration_plan = form_text(form, "reintegration_plan");
  if (auto status = parse_placement_status(form_text(form, "status")); status.ok()) {
    placement.status = *status;
  } else {
    errors.add("status", "Select the placement's status");
  }
  // The end fields apply only to an ended placement; for any other status they are not saved.
  placement.actual_end_date.reset();
  placement.end_reason.reset();
  placement.end_notes.clear();
  if (placement.status == PlacementStatus::Ended) {
    placement.actual_end_date = read_form_date(form, "actual_end_date", Required::No, errors);
    if (std::string reason = form_text(form, "end_reason"); !reason.empty()) {
      auto parsed = parse_end_reason(reason);
      if (parsed.ok())
        placement.end_reason = *parsed;
      else
        errors.add_all(parsed.error());
    }
    placement.end_notes = form_text(form, "end_notes");
  }
  placement.la_notified = form_checked(form, "la_notified");
}

struct PlacementPage {
  std::string heading;
  std::string caption;  // the pupil's name
  std::string action;
  std::string back_href;
  std::string updated_at;  // edit only
  bool conflict = false;
};

Response render_form(const Templates& templates, const Exchange& exchange,
                     const PlacementPage& page, const Params& form, std::vector<FieldError> errors,
                     int status) {
  const Data error_data = error_map(errors);
  Data data{Data::type::object};
  data.set("heading", page.heading);
  data.set("caption", page.caption);
  data.set("action", page.action);
  data.set("back_href", page.back_href);
  data.set("csrf_token", exchange.csrf_token);
  data.set("updated_at", optional_text(page.updated_at));
  data.set("conflict", page.conflict ? Data(page.action) : Data(false));

  const auto organisations = app::list_organisations(exchange.app);
  auto select = [&](const char* name, OrgRole role, const char* blank) {
    Data select{Data::type::object};
    select.set("options", option_list(organisation_options(organisations, role),
                                      form_text(form, name), blank));
    select.set("error", optional_text(error_for(error_data, name)));
    return select;
  };
  data.set("provider", select("provider_id", OrgRole::Provider, "Choose a provider"));
  data.set("commissioner",
           select("commissioner_id", OrgRole::Commissioner, "Choose a school or LA"));

  auto date = [&](const char* name, const char* label, const char* hint = "") {
    InputSpec spec;
    spec.name = name;
    spec.label = label;
    spec.value = form_text(form, name);
    spec.hint = hint;
    spec.type = "date";
    spec.width = "govuk-input--width-10";
    return input_data(spec, error_data);
  };
  List dates;
  dates.push_back(date("referral_date", "Referral date"));
  dates.push_back(
      date("start_date", "Start date (optional)", "Needed once the placement is active."));
  dates.push_back(date("planned_end_date", "Planned end date (optional)"));
  data.set("dates", dates);
  data.set("actual_end_date", date("actual_end_date", "Actual end date"));

  InputSpec hours;
  hours.name = "hours_per_week";
  hours.label = "Hours a week";
  hours.value = form_text(form, "hours_per_week");
  hours.hint = "Up to 32.5. A full-time week is 25 to 32.5 hours.";
  hours.width = "govuk-input--width-5";
  hours.inputmode = "decimal";
  data.set("hours", input_data(hours, error_data));

  std::vector<Option> slots;
  for (unsigned day = 1; day <= 5; ++day)
    for (Session session : {Session::Am, Session::Pm}) {
      TimetableSlot slot{day, session};
      slots.push_back({slot_value(slot), fmt::format("{} {}", kDays[day - 1], to_string(session))});
    }
  data.set("timetable", choice_list("timetable", slots, form_values(form, "timetable")));
  data.set("timetable_error", optional_text(error_for(error_data, "timetable")));

  auto textarea = [&](const char* name, const char* label, const char* hint) {
    Data area{Data::type::object};
    area.set("id", name);
    area.set("name", name);
    area.set("label", label);
    area.set("hint", optional_text(hint));
    area.set("value", form_text(form, name));
    area.set("error", optional_text(error_for(error_data, name)));
    return area;
  };
  List texts;
  texts.push_back(textarea("reason", "Reason for the placement (optional)", ""));
  texts.push_back(textarea("objectives", "Objectives (optional)",
                           "What the placement should achieve for the pupil."));
  texts.push_back(textarea("reintegration_plan", "Reintegration plan (optional)",
                           "How and when the pupil returns to school or moves on."));
  data.set("texts", texts);

  std::vector<Option> statuses;
  for (PlacementStatus value :
       {PlacementStatus::Referred, PlacementStatus::PlanningMeeting,
        PlacementStatus::InitialAssessment, PlacementStatus::Active, PlacementStatus::Ended})
    statuses.push_back({to_string(value), label(value)});
  data.set("statuses", choice_list("status", statuses, {form_text(form, "status")}));
  data.set("status_error", optional_text(error_for(error_data, "status")));

  std::vector<Option> reasons;
  for (EndReason value : {EndReason::Reintegrated, EndReason::MovedOn, EndReason::Other})
    reasons.push_back({to_string(value), label(value)});
  data.set("end_reasons", choice_list("end_reason", reasons, {form_text(form, "end_reason")}));
  data.set("end_reason_error", optional_text(error_for(error_data, "end_reason")));
  data.set("end_notes", textarea("end_notes", "End notes (optional)", ""));
  data.set("la_notified", form_checked(form, "la_notified"));

  PageFrame frame = page_frame(exchange, page.heading);
  frame.errors = std::move(errors);
  return render_page(templates, frame, "placement_form", data, status);
}

Response failed_save(const Templates& templates, const Exchange& exchange, PlacementPage page,
                     const Params& form, const Error& error) {
  if (error.kind == ErrorKind::Conflict) {
    page.conflict = true;
    return render_form(
        templates, exchange, page, form,
        {{"conflict", "Someone else changed this placement after you opened the form"}}, 409);
  }
  if (error.kind != ErrorKind::Invalid) return error_page(templates, exchange, error);
  auto same = [](const std::string& field) {
    return field == "pupil_id" ? std::string("provider_id") : field;
  };
  // The summary lists problems in the order the fields appear on the page.
  static const std::vector<std::string> order = {
      "provider_id",    "commissioner_id", "referral_date", "start_date", "planned_end_date",
      "hours_per_week", "timetable",       "reason",        "objectives", "reintegration_plan",
      "status",         "actual_end_date", "end_reason",    "end_notes"};
  auto rank = [](const FieldError& error) {
    return std::find(order.begin(), order.end(), error.field) - order.begin();
  };
  std::vector<FieldError> fields = form_errors(error.fields, same, placement_label);
  std::stable_sort(
      fields.begin(), fields.end(),
      [&](const FieldError& left, const FieldError& right) { return rank(left) < rank(right); });
  return render_form(templates, exchange, page, form, std::move(fields), 422);
}

// The new-placement page for a visible pupil, or the error page.
Result<PlacementPage> new_page(Exchange& exchange) {
  Id pupil_id = WAYMARK_TRY(exchange.id("id", "pupil"));
  auto profile = WAYMARK_TRY(app::pupil_profile(exchange.app, exchange.actor, pupil_id));
  if (!exchange.actor.can_commission())
    return Error::forbidden(
        "only staff who edit pupils or commission placements can add placements");
  const std::string base = fmt::format("/pupils/{}", pupil_id);
  return PlacementPage{
      "Add a placement", profile.pupil.display_name(), base + "/placements/new", base, "", false};
}

Response new_placement_form(const Templates& templates, Exchange& exchange) {
  auto page = new_page(exchange);
  if (!page.ok()) return error_page(templates, exchange, page.error());
  Placement blank;
  blank.referral_date = exchange.app.clock.today();
  const Actor& actor = exchange.actor;
  if (actor.organisation_kind == OrgKind::Provider)
    blank.provider_id = actor.organisation_id;
  else
    blank.commissioner_id = actor.organisation_id;
  Params form = placement_params(blank);
  form.erase("hours_per_week");
  return render_form(templates, exchange, *page, form, {}, 200);
}

Response create_placement(const Templates& templates, Exchange& exchange) {
  auto page = new_page(exchange);
  if (!page.ok()) return error_page(templates, exchange, page.error());
  const Params form = exchange.form();
  Placement placement;
  placement.pupil_id = *exchange.id("id", "pupil");
  ErrorList errors;
  read_placement_form(form, placement, errors);
  if (!errors.empty()) {
    if (auto valid = validate_placement(placement); !valid.ok()) errors.add_all(valid.error());
    return failed_save(templates, exchange, *page, form, errors.to_error());
  }
  auto id = app::create_placement(exchange.app, exchange.actor, placement);
  if (!id.ok()) return failed_save(templates, exchange, *page, form, id.error());
  return Response::redirect(fmt::format("/pupils/{}?saved=placement", placement.pupil_id));
}

// The edit page for a placement the actor can see, or the error page.
Result<std::pair<Placement, PlacementPage>> edit_page(Exchange& exchange) {
  Id placement_id = WAYMARK_TRY(exchange.id("id", "placement"));
  Placement placement = WAYMARK_TRY(app::get_placement(exchange.app, exchange.actor, placement_id));
  auto profile = WAYMARK_TRY(app::pupil_profile(exchange.app, exchange.actor, placement.pupil_id));
  if (!may_edit_placement(exchange.actor, placement))
    return Error::forbidden(
        "a placement is changed by its provider or by the school or LA that commissions it");
  const std::string back = fmt::format("/pupils/{}", placement.pupil_id);
  PlacementPage page{"Edit placement",
                     profile.pupil.display_name(),
                     fmt::format("/placements/{}/edit", placement.id),
                     back,
                     std::to_string(placement.updated_at),
                     false};
  return std::make_pair(std::move(placement), std::move(page));
}

Response edit_placement_form(const Templates& templates, Exchange& exchange) {
  auto found = edit_page(exchange);
  if (!found.ok()) return error_page(templates, exchange, found.error());
  return render_form(templates, exchange, found->second, placement_params(found->first), {}, 200);
}

Response update_placement(const Templates& templates, Exchange& exchange) {
  auto found = edit_page(exchange);
  if (!found.ok()) return error_page(templates, exchange, found.error());
  const Params form = exchange.form();
  std::optional<std::int64_t> expected;
  if (Id version = read_form_id(form, "updated_at"); version > 0) expected = version;
  PlacementPage page = found->second;
  page.updated_at = form_text(form, "updated_at");
  auto updated = app::update_placement(
      exchange.app, exchange.actor, found->first.id,
      [&](Placement& placement, ErrorList& errors) {
        read_placement_form(form, placement, errors);
      },
      expected);
  if (!updated.ok()) return failed_save(templates, exchange, page, form, updated.error());
  return Response::redirect(fmt::format("/pupils/{}?saved=placement", updated->pupil_id));
}

}  // namespace

void register_placement_form_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/placements/new",
              [&templates](Exchange& exchange) { return new_placement_form(templates, exchange); });
  router.page(Method::Post, "/pupils/{id}/placements/new",
              [&templates](Exchange& exchange) { return create_placement(templates, exchange); });
  router.page(Method::Get, "/placements/{id}/edit", [&templates](Exchange& exchange) {
    return edit_placement_form(templates, exchange);
  });
  router.page(Method::Post, "/placements/{id}/edit",
              [&templates](Exchange& exchange) { return update_placement(templates, exchange); });
}

}  // namespace waymark::web
