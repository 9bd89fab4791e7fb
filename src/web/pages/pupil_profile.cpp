// GET /pupils/{id}: everything the actor may see about one pupil, with links to change it.
#include <fmt/format.h>

#include "app/pupils.h"
#include "core/nc_year.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

const char* sex_label(Sex sex) {
  switch (sex) {
    case Sex::Female:
      return "Female";
    case Sex::Male:
      return "Male";
    case Sex::Unknown:
      return "Not known";
  }
  return "Not known";
}

const char* sen_label(SenStatus sen) {
  switch (sen) {
    case SenStatus::None:
      return "No special educational needs (N)";
    case SenStatus::Support:
      return "SEN support (K)";
    case SenStatus::Ehcp:
      return "Education, health and care plan (E)";
  }
  return "";
}

const char* registration_label(RegistrationType type) {
  switch (type) {
    case RegistrationType::Main:
      return "Main (single)";
    case RegistrationType::Dual:
      return "Dual";
    case RegistrationType::Subsidiary:
      return "Subsidiary";
  }
  return "";
}

Data row(const std::string& key, const std::string& value, const std::string& note = "") {
  Data data{Data::type::object};
  data.set("key", key);
  data.set("value", value);
  data.set("note", optional_text(note));
  return data;
}

List detail_rows(const app::PupilProfile& profile) {
  const Pupil& pupil = profile.pupil;
  List rows;
  if (pupil.upn) {
    rows.push_back(row("UPN", pupil.upn->str(),
                       pupil.upn->temporary()
                           ? "A temporary UPN: replace it once the permanent one is known"
                           : ""));
  } else {
    rows.push_back(row("UPN", "No UPN recorded"));
  }
  rows.push_back(row("Date of birth", format_date(pupil.dob)));
  std::string year = profile.nc_year ? nc_year_label(*profile.nc_year) : "Not known";
  year += " in " + academic_year_label(profile.academic_year_start);
  std::string note;
  if (pupil.nc_year_override) {
    auto by_birth = nc_year_for(pupil.dob, profile.academic_year_start);
    note = by_birth.ok() ? fmt::format("Set by hand: by date of birth the pupil would be in {}",
                                       nc_year_label(*by_birth))
                         : "Set by hand: taught outside their year group";
  }
  rows.push_back(row("National Curriculum year", year, note));
  rows.push_back(row("Sex", sex_label(pupil.sex)));
  rows.push_back(row("Special educational needs", sen_label(pupil.sen)));
  return rows;
}

Data placement_card(const Actor& actor, const app::PlacementView& view) {
  const Placement& placement = view.placement;
  Data card{Data::type::object};
  card.set("provider", view.provider_name);
  card.set("status", label(placement.status));
  card.set("status_class", status_tag_class(placement.status));
  card.set("edit_href", may_edit_placement(actor, placement)
                            ? Data(fmt::format("/placements/{}/edit", placement.id))
                            : Data(false));
  std::string timetable;
  for (const auto& slot : placement.timetable)
    timetable += (timetable.empty() ? "" : ", ") + to_string(slot);
  List rows;
  rows.push_back(row("Commissioned by", view.commissioner_name));
  rows.push_back(row("Referred", format_date(placement.referral_date)));
  rows.push_back(row("Started", format_date(placement.start_date, "Not started")));
  rows.push_back(row("Planned end", format_date(placement.planned_end_date, "Not set")));
  if (placement.actual_end_date)
    rows.push_back(row("Ended", format_date(*placement.actual_end_date)));
  rows.push_back(row("Hours a week", format_hours(placement.hours_per_week)));
  rows.push_back(row("Timetable", timetable.empty() ? "Not set" : timetable));
  if (!placement.reason.empty()) rows.push_back(row("Reason for placement", placement.reason));
  if (!placement.objectives.empty()) rows.push_back(row("Objectives", placement.objectives));
  if (!placement.reintegration_plan.empty())
    rows.push_back(row("Reintegration plan", placement.reintegration_plan));
  if (placement.end_reason) rows.push_back(row("End reason", label(*placement.end_reason)));
  if (!placement.end_notes.empty()) rows.push_back(row("End notes", placement.end_notes));
  rows.push_back(row("Local authority notified", placement.la_notified ? "Yes" : "No"));
  card.set("rows", rows);
  return card;
}

const char* flash_for(const std::string& saved) {
  if (saved == "pupil") return "Pupil saved";
  if (saved == "new") return "Pupil added";
  if (saved == "placement") return "Placement saved";
  return "";
}

Response pupil_profile(const Templates& templates, Exchange& exchange) {
  auto id = exchange.id("id", "pupil");
  if (!id.ok()) return error_page(templates, exchange, id.error());
  auto profile = app::pupil_profile(exchange.app, exchange.actor, *id);
  if (!profile.ok()) return error_page(templates, exchange, profile.error());
  const Pupil& pupil = profile->pupil;
  const std::string base = fmt::format("/pupils/{}", pupil.id);

  Data data{Data::type::object};
  data.set("name", pupil.display_name());
  const std::string legal_name = pupil.legal_forename + " " + pupil.legal_surname;
  data.set("legal_name", legal_name != pupil.display_name() ? Data(legal_name) : Data(false));
  data.set("edit_href", profile->can_edit ? Data(base + "/edit") : Data(false));
  data.set("add_placement_href",
           exchange.actor.can_commission() ? Data(base + "/placements/new") : Data(false));
  data.set("audit_href", profile->can_read_audit ? Data(base + "/audit") : Data(false));
  data.set("pupil_href", base);
  data.set("details", detail_rows(*profile));
  List tags = flag_tags(pupil);
  data.set("has_tags", !tags.empty());
  data.set("tags", tags);
  data.set("medical_needs", optional_text(pupil.medical_needs));

  List barriers;
  for (const auto& barrier : pupil.barriers) {
    Data item{Data::type::object};
    item.set("label", label(barrier.barrier));
    item.set("notes", optional_text(barrier.notes));
    barriers.push_back(item);
  }
  data.set("has_barriers", !barriers.empty());
  data.set("barriers", barriers);

  List contacts;
  for (const auto& contact : pupil.contacts) {
    Data item{Data::type::object};
    item.set("priority", std::to_string(contact.priority));
    item.set("name", contact.name);
    item.set("relationship", contact.relationship);
    item.set("parental", contact.parental_responsibility);
    item.set("phone", optional_text(contact.phone));
    item.set("phone_alt", optional_text(contact.phone_alt));
    item.set("email", optional_text(contact.email));
    contacts.push_back(item);
  }
  data.set("has_contacts", !contacts.empty());
  data.set("contacts", contacts);

  data.set("current_hours", format_hours(profile->current_hours));
  List placements;
  for (const auto& view : profile->placements)
    placements.push_back(placement_card(exchange.actor, view));
  data.set("placements", placements);

  List enrolments;
  for (const auto& view : profile->enrolments) {
    Data item{Data::type::object};
    item.set("school", view.school_name);
    item.set("registration", registration_label(view.enrolment.registration));
    item.set("admission", format_date(view.enrolment.admission_date));
    item.set("leaving", format_date(view.enrolment.leaving_date, "On roll"));
    enrolments.push_back(item);
  }
  data.set("has_enrolments", !enrolments.empty());
  data.set("enrolments", enrolments);

  PageFrame frame = page_frame(exchange, pupil.display_name());
  frame.flash = flash_for(exchange.request.param("saved"));
  return render_page(templates, frame, "pupil_profile", data);
}

}  // namespace

void register_pupil_profile_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}",
              [&templates](Exchange& exchange) { return pupil_profile(templates, exchange); });
}

}  // namespace waymark::web
