#include "app/codec.h"

#include <fmt/format.h>

namespace waymark::app {

namespace {
Json optional_date(const std::optional<Date>& date) {
  return date ? Json(date->iso()) : Json(nullptr);
}
template <typename T>
Json optional_value(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}
}  // namespace

Json to_json(const Organisation& organisation) {
  return Json{{"id", organisation.id},
              {"kind", to_string(organisation.kind)},
              {"name", organisation.name},
              {"urn", optional_value(organisation.urn)},
              {"la_code", optional_value(organisation.la_code)},
              {"establishment_number", optional_value(organisation.establishment_number)},
              {"dfe_number", organisation.dfe_number()},
              {"registered", organisation.registered},
              {"local_authority_id", organisation.local_authority_id == 0
                                         ? Json(nullptr)
                                         : Json(organisation.local_authority_id)}};
}

Json to_json(const User& user) {
  Json roles = Json::array();
  for (Role role : user.roles.list()) roles.push_back(to_string(role));
  return Json{{"id", user.id},       {"organisation_id", user.organisation_id},
              {"email", user.email}, {"display_name", user.display_name},
              {"roles", roles},      {"active", user.active}};
}

Json to_json(const Contact& contact) {
  return Json{{"id", contact.id},
              {"name", contact.name},
              {"relationship", contact.relationship},
              {"parental_responsibility", contact.parental_responsibility},
              {"phone", contact.phone},
              {"phone_alt", contact.phone_alt},
              {"email", contact.email},
              {"priority", contact.priority}};
}

Json to_json(const Pupil& pupil, int academic_year_start) {
  Json flags = Json::object();
  for (const auto& field : flag_fields()) flags[field.key] = pupil.flags.*field.member;
  Json barriers = Json::array();
  for (const auto& barrier : pupil.barriers)
    barriers.push_back({{"barrier", to_string(barrier.barrier)}, {"notes", barrier.notes}});
  Json contacts = Json::array();
  for (const auto& contact : pupil.contacts) contacts.push_back(to_json(contact));
  auto nc_year = pupil.nc_year(academic_year_start);
  return Json{{"id", pupil.id},
              {"upn", pupil.upn ? Json(pupil.upn->str()) : Json(nullptr)},
              {"legal_forename", pupil.legal_forename},
              {"legal_surname", pupil.legal_surname},
              {"preferred_forename", pupil.preferred_forename},
              {"preferred_surname", pupil.preferred_surname},
              {"display_name", pupil.display_name()},
              {"dob", pupil.dob.iso()},
              {"sex", to_string(pupil.sex)},
              {"nc_year", optional_value(nc_year)},
              {"nc_year_override", optional_value(pupil.nc_year_override)},
              {"sen", to_string(pupil.sen)},
              {"flags", flags},
              {"medical_needs", pupil.medical_needs},
              {"barriers", barriers},
              {"contacts", contacts},
              {"updated_at", pupil.updated_at}};
}

Json to_json(const Placement& placement) {
  Json timetable = Json::array();
  for (const auto& slot : placement.timetable) timetable.push_back(to_string(slot));
  return Json{
      {"id", placement.id},
      {"pupil_id", placement.pupil_id},
      {"provider_id", placement.provider_id},
      {"commissioner_id", placement.commissioner_id},
      {"referral_date", placement.referral_date.iso()},
      {"start_date", optional_date(placement.start_date)},
      {"planned_end_date", optional_date(placement.planned_end_date)},
      {"actual_end_date", optional_date(placement.actual_end_date)},
      {"hours_per_week", placement.hours_per_week},
      {"timetable", timetable},
      {"reason", placement.reason},
      {"objectives", placement.objectives},
      {"reintegration_plan", placement.reintegration_plan},
      {"status", to_string(placement.status)},
      {"end_reason", placement.end_reason ? Json(to_string(*placement.end_reason)) : Json(nullptr)},
      {"end_notes", placement.end_notes},
      {"la_notified", placement.la_notified},
      {"updated_at", placement.updated_at}};
}

Json to_json(const Enrolment& enrolment) {
  return Json{{"id", enrolment.id},
              {"pupil_id", enrolment.pupil_id},
              {"school_id", enrolment.school_id},
              {"admission_date", enrolment.admission_date.iso()},
              {"leaving_date", optional_date(enrolment.leaving_date)},
              {"registration", to_string(enrolment.registration)}};
}

Json to_json(const Term& term) {
  return Json{
      {"id", term.id},
      {"organisation_id", term.organisation_id},
      {"academic_year", term.academic_year},
      {"name", term.name},
      {"start_date", term.start_date.iso()},
      {"end_date", term.end_date.iso()},
      {"parent_term_id", term.parent_term_id == 0 ? Json(nullptr) : Json(term.parent_term_id)}};
}

Json to_json(const ClosureDay& closure) {
  return Json{{"id", closure.id}, {"date", closure.date.iso()}, {"reason", closure.reason}};
}

Json to_json(const Subject& subject) {
  return Json{{"id", subject.id}, {"name", subject.name}, {"code", subject.code}};
}

Json to_json(const TeachingGroup& group) {
  return Json{{"id", group.id},
              {"name", group.name},
              {"subject_id", group.subject_id == 0 ? Json(nullptr) : Json(group.subject_id)},
              {"academic_year", group.academic_year},
              {"staff_ids", group.staff_ids},
              {"pupil_ids", group.pupil_ids}};
}

bool read_string(const Json& body, const char* field, std::string& into, ErrorList& errors) {
  auto found = body.find(field);
  if (found == body.end()) return true;
  if (found->is_null()) {
    into.clear();
    return true;
  }
  if (!found->is_string()) {
    errors.add(field, "must be text");
    return false;
  }
  into = found->get<std::string>();
  return true;
}

bool read_bool(const Json& body, const char* field, bool& into, ErrorList& errors) {
  auto found = body.find(field);
  if (found == body.end()) return true;
  if (!found->is_boolean()) {
    errors.add(field, "must be true or false");
    return false;
  }
  into = found->get<bool>();
  return true;
}

bool read_id(const Json& body, const char* field, Id& into, ErrorList& errors) {
  auto found = body.find(field);
  if (found == body.end()) return true;
  if (!found->is_number_integer() || found->get<std::int64_t>() <= 0) {
    errors.add(field, "must be the id of a record (a positive whole number)");
    return false;
  }
  into = found->get<std::int64_t>();
  return true;
}

bool read_int(const Json& body, const char* field, int& into, ErrorList& errors) {
  auto found = body.find(field);
  if (found == body.end()) return true;
  if (!found->is_number_integer()) {
    errors.add(field, "must be a whole number");
    return false;
  }
  into = found->get<int>();
  return true;
}

bool read_date(const Json& body, const char* field, Date& into, ErrorList& errors) {
  auto found = body.find(field);
  if (found == body.end()) return true;
  if (!found->is_string()) {
    errors.add(field, "must be a date like 2025-09-01");
    return false;
  }
  auto date = Date::parse(found->get<std::string>(), field);
  if (!date.ok()) {
    errors.add_all(date.error());
    return false;
  }
  into = *date;
  return true;
}

bool read_optional_date(const Json& body, const char* field, std::optional<Date>& into,
                        ErrorList& errors) {
  auto found = body.find(field);
  if (found == body.end()) return true;
  if (found->is_null() || (found->is_string() && found->get<std::string>().empty())) {
    into.reset();
    return true;
  }
  Date date;
  if (!read_date(body, field, date, errors)) return false;
  into = date;
  return true;
}

void read_pupil(const Json& body, Pupil& into, ErrorList& errors) {
  if (!body.is_object()) {
    errors.add("body", "must be a JSON object");
    return;
  }
  if (auto found = body.find("upn"); found != body.end()) {
    if (found->is_null() || (found->is_string() && found->get<std::string>().empty())) {
      into.upn.reset();
    } else if (!found->is_string()) {
      errors.add("upn", "must be text");
    } else {
      auto upn = Upn::parse(found->get<std::string>());
      if (upn.ok()) {
        into.upn = *upn;
      } else {
        errors.add_all(upn.error());
      }
    }
  }
  read_string(body, "legal_forename", into.legal_forename, errors);
  read_string(body, "legal_surname", into.legal_surname, errors);
  read_string(body, "preferred_forename", into.preferred_forename, errors);
  read_string(body, "preferred_surname", into.preferred_surname, errors);
  read_date(body, "dob", into.dob, errors);
  if (auto found = body.find("sex"); found != body.end()) {
    auto sex = parse_sex(found->is_string() ? found->get<std::string>() : std::string("?"));
    if (sex.ok())
      into.sex = *sex;
    else
      errors.add_all(sex.error());
  }
  if (auto found = body.find("nc_year_override"); found != body.end()) {
    if (found->is_null())
      into.nc_year_override.reset();
    else if (found->is_number_integer())
      into.nc_year_override = found->get<int>();
    else
      errors.add("nc_year_override", "must be a year number or null");
  }
  if (auto found = body.find("sen"); found != body.end()) {
    auto sen = parse_sen_status(found->is_string() ? found->get<std::string>() : std::string("?"));
    if (sen.ok())
      into.sen = *sen;
    else
      errors.add_all(sen.error());
  }
  if (auto found = body.find("flags"); found != body.end()) {
    if (!found->is_object()) {
      errors.add("flags", "must be an object of true/false values");
    } else {
      for (const auto& [key, value] : found->items()) {
        const FlagField* match = nullptr;
        for (const auto& field : flag_fields())
          if (key == field.key) match = &field;
        if (!match)
          errors.add("flags." + key, "is not a flag");
        else if (!value.is_boolean())
          errors.add("flags." + key, "must be true or false");
        else
          into.flags.*match->member = value.get<bool>();
      }
    }
  }
  read_string(body, "medical_needs", into.medical_needs, errors);
  if (auto found = body.find("barriers"); found != body.end()) {
    into.barriers.clear();
    if (!found->is_array()) {
      errors.add("barriers", "must be a list");
    } else {
      for (std::size_t index = 0; index < found->size(); ++index) {
        const Json& item = (*found)[index];
        std::string field = fmt::format("barriers[{}]", index);
        std::string key =
            item.is_string() ? item.get<std::string>()
            : item.is_object() && item.contains("barrier") && item["barrier"].is_string()
                ? item["barrier"].get<std::string>()
                : "";
        auto barrier = parse_barrier(key, field);
        if (!barrier.ok()) {
          errors.add_all(barrier.error());
          continue;
        }
        BarrierNote note{*barrier, ""};
        if (item.is_object() && item.contains("notes") && item["notes"].is_string())
          note.notes = item["notes"].get<std::string>();
        into.barriers.push_back(note);
      }
    }
  }
  if (auto found = body.find("contacts"); found != body.end()) {
    into.contacts.clear();
    if (!found->is_array()) {
      errors.add("contacts", "must be a list");
    } else {
      for (std::size_t index = 0; index < found->size(); ++index) {
        const Json& item = (*found)[index];
        if (!item.is_object()) {
          errors.add(fmt::format("contacts[{}]", index), "must be an object");
          continue;
        }
        Contact contact;
        ErrorList contact_errors;
        read_id(item, "id", contact.id, contact_errors);
        read_string(item, "name", contact.name, contact_errors);
        read_string(item, "relationship", contact.relationship, contact_errors);
        read_bool(item, "parental_responsibility", contact.parental_responsibility, contact_errors);
        read_string(item, "phone", contact.phone, contact_errors);
        read_string(item, "phone_alt", contact.phone_alt, contact_errors);
        read_string(item, "email", contact.email, contact_errors);
        read_int(item, "priority", contact.priority, contact_errors);
        for (const auto& error : contact_errors.fields())
          errors.add(fmt::format("contacts[{}].{}", index, error.field), error.reason);
        into.contacts.push_back(contact);
      }
    }
  }
}

void read_placement(const Json& body, Placement& into, ErrorList& errors) {
  if (!body.is_object()) {
    errors.add("body", "must be a JSON object");
    return;
  }
  read_id(body, "provider_id", into.provider_id, errors);
  read_id(body, "commissioner_id", into.commissioner_id, errors);
  read_date(body, "referral_date", into.referral_date, errors);
  read_optional_date(body, "start_date", into.start_date, errors);
  read_optional_date(body, "planned_end_date", into.planned_end_date, errors);
  read_optional_date(body, "actual_end_date", into.actual_end_date, errors);
  if (auto found = body.find("hours_per_week"); found != body.end()) {
    if (found->is_number())
      into.hours_per_week = found->get<double>();
    else
      errors.add("hours_per_week", "must be a number");
  }
  if (auto found = body.find("timetable"); found != body.end()) {
    into.timetable.clear();
    if (!found->is_array()) {
      errors.add("timetable", "must be a list of sessions like \"Mon AM\"");
    } else {
      for (const auto& item : *found) {
        auto slot =
            parse_timetable_slot(item.is_string() ? item.get<std::string>() : std::string("?"));
        if (slot.ok())
          into.timetable.push_back(*slot);
        else
          errors.add_all(slot.error());
      }
    }
  }
  read_string(body, "reason", into.reason, errors);
  read_string(body, "objectives", into.objectives, errors);
  read_string(body, "reintegration_plan", into.reintegration_plan, errors);
  if (auto found = body.find("status"); found != body.end()) {
    auto status =
        parse_placement_status(found->is_string() ? found->get<std::string>() : std::string("?"));
    if (status.ok())
      into.status = *status;
    else
      errors.add_all(status.error());
  }
  if (auto found = body.find("end_reason"); found != body.end()) {
    if (found->is_null() || (found->is_string() && found->get<std::string>().empty())) {
      into.end_reason.reset();
    } else {
      auto reason =
          parse_end_reason(found->is_string() ? found->get<std::string>() : std::string("?"));
      if (reason.ok())
        into.end_reason = *reason;
      else
        errors.add_all(reason.error());
    }
  }
  read_string(body, "end_notes", into.end_notes, errors);
  read_bool(body, "la_notified", into.la_notified, errors);
}

void read_enrolment(const Json& body, Enrolment& into, ErrorList& errors) {
  if (!body.is_object()) {
    errors.add("body", "must be a JSON object");
    return;
  }
  read_id(body, "school_id", into.school_id, errors);
  read_date(body, "admission_date", into.admission_date, errors);
  read_optional_date(body, "leaving_date", into.leaving_date, errors);
  if (auto found = body.find("registration"); found != body.end()) {
    auto type =
        parse_registration_type(found->is_string() ? found->get<std::string>() : std::string("?"));
    if (type.ok())
      into.registration = *type;
    else
      errors.add_all(type.error());
  }
}

}  // namespace waymark::app
