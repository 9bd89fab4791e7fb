#include "app/codec.h"

#include <fmt/format.h>

namespace waymark::app {

namespace {

void write_date(JsonOut& out, std::string_view name, const std::optional<Date>& date) {
  out.key(name);
  if (date) {
    out.value(date->iso());
  } else {
    out.null();
  }
}

template <typename Record, typename... Extra>
Json parsed(const Record& record, Extra... extra) {
  JsonOut out;
  write_json(out, record, extra...);
  return Json::parse(out.text());
}

}  // namespace

void write_json(JsonOut& out, const Organisation& organisation) {
  out.begin_object();
  out.field("id", organisation.id);
  out.field("kind", to_string(organisation.kind));
  out.field("name", organisation.name);
  out.field("urn", organisation.urn);
  out.field("la_code", organisation.la_code);
  out.field("establishment_number", organisation.establishment_number);
  out.field("dfe_number", organisation.dfe_number());
  out.field("registered", organisation.registered);
  out.key("local_authority_id");
  out.id_or_null(organisation.local_authority_id);
  out.end_object();
}

void write_json(JsonOut& out, const User& user) {
  out.begin_object();
  out.field("id", user.id);
  out.field("organisation_id", user.organisation_id);
  out.field("email", user.email);
  out.field("display_name", user.display_name);
  out.key("roles");
  out.begin_array();
  for (Role role : user.roles.list()) out.value(to_string(role));
  out.end_array();
  out.field("active", user.active);
  out.end_object();
}

void write_json(JsonOut& out, const Contact& contact) {
  out.begin_object();
  out.field("id", contact.id);
  out.field("name", contact.name);
  out.field("relationship", contact.relationship);
  out.field("parental_responsibility", contact.parental_responsibility);
  out.field("phone", contact.phone);
  out.field("phone_alt", contact.phone_alt);
  out.field("email", contact.email);
  out.field("priority", contact.priority);
  out.end_object();
}

void write_json(JsonOut& out, const Pupil& pupil, int academic_year_start) {
  out.begin_object();
  out.field("id", pupil.id);
  out.key("upn");
  if (pupil.upn) {
    out.value(pupil.upn->str());
  } else {
    out.null();
  }
  out.field("legal_forename", pupil.legal_forename);
  out.field("legal_surname", pupil.legal_surname);
  out.field("preferred_forename", pupil.preferred_forename);
  out.field("preferred_surname", pupil.preferred_surname);
  out.field("display_name", pupil.display_name());
  out.field("dob", pupil.dob.iso());
  out.field("sex", to_string(pupil.sex));
  out.field("nc_year", pupil.nc_year(academic_year_start));
  out.field("nc_year_override", pupil.nc_year_override);
  out.field("sen", to_string(pupil.sen));
  out.key("flags");
  out.begin_object();
  for (const auto& field : flag_fields()) out.field(field.key, pupil.flags.*field.member);
  out.end_object();
  out.field("medical_needs", pupil.medical_needs);
  out.key("barriers");
  out.begin_array();
  for (const auto& barrier : pupil.barriers) {
    out.begin_object();
    out.field("barrier", to_string(barrier.barrier));
    out.field("notes", barrier.notes);
    out.end_object();
  }
  out.end_array();
  out.key("contacts");
  out.begin_array();
  for (const auto& contact : pupil.contacts) write_json(out, contact);
  out.end_array();
  out.field("updated_at", pupil.updated_at);
  out.end_object();
}

void write_fields(JsonOut& out, const Placement& placement) {
  out.field("id", placement.id);
  out.field("pupil_id", placement.pupil_id);
  out.field("provider_id", placement.provider_id);
  out.field("commissioner_id", placement.commissioner_id);
  out.field("referral_date", placement.referral_date.iso());
  write_date(out, "start_date", placement.start_date);
  write_date(out, "planned_end_date", placement.planned_end_date);
  write_date(out, "actual_end_date", placement.actual_end_date);
  out.field("hours_per_week", placement.hours_per_week);
  out.key("timetable");
  out.begin_array();
  for (const auto& slot : placement.timetable) out.value(to_string(slot));
  out.end_array();
  out.field("reason", placement.reason);
  out.field("objectives", placement.objectives);
  out.field("reintegration_plan", placement.reintegration_plan);
  out.field("status", to_string(placement.status));
  out.key("end_reason");
  if (placement.end_reason) {
    out.value(to_string(*placement.end_reason));
  } else {
    out.null();
  }
  out.field("end_notes", placement.end_notes);
  out.field("la_notified", placement.la_notified);
  out.field("updated_at", placement.updated_at);
}

void write_json(JsonOut& out, const Placement& placement) {
  out.begin_object();
  write_fields(out, placement);
  out.end_object();
}

void write_fields(JsonOut& out, const Enrolment& enrolment) {
  out.field("id", enrolment.id);
  out.field("pupil_id", enrolment.pupil_id);
  out.field("school_id", enrolment.school_id);
  out.field("admission_date", enrolment.admission_date.iso());
  write_date(out, "leaving_date", enrolment.leaving_date);
  out.field("registration", to_string(enrolment.registration));
}

void write_json(JsonOut& out, const Enrolment& enrolment) {
  out.begin_object();
  write_fields(out, enrolment);
  out.end_object();
}

void write_json(JsonOut& out, const Term& term) {
  out.begin_object();
  out.field("id", term.id);
  out.field("organisation_id", term.organisation_id);
  out.field("academic_year", term.academic_year);
  out.field("name", term.name);
  out.field("start_date", term.start_date.iso());
  out.field("end_date", term.end_date.iso());
  out.key("parent_term_id");
  out.id_or_null(term.parent_term_id);
  out.end_object();
}

void write_json(JsonOut& out, const ClosureDay& closure) {
  out.begin_object();
  out.field("id", closure.id);
  out.field("date", closure.date.iso());
  out.field("reason", closure.reason);
  out.end_object();
}

void write_json(JsonOut& out, const Subject& subject) {
  out.begin_object();
  out.field("id", subject.id);
  out.field("name", subject.name);
  out.field("code", subject.code);
  out.end_object();
}

void write_json(JsonOut& out, const TeachingGroup& group) {
  out.begin_object();
  out.field("id", group.id);
  out.field("name", group.name);
  out.key("subject_id");
  out.id_or_null(group.subject_id);
  out.field("academic_year", group.academic_year);
  out.key("staff_ids");
  out.begin_array();
  for (Id id : group.staff_ids) out.value(id);
  out.end_array();
  out.key("pupil_ids");
  out.begin_array();
  for (Id id : group.pupil_ids) out.value(id);
  out.end_array();
  out.end_object();
}

Json to_json(const Organisation& organisation) {
  return parsed(organisation);
}
Json to_json(const User& user) {
  return parsed(user);
}
Json to_json(const Contact& contact) {
  return parsed(contact);
}
Json to_json(const Pupil& pupil, int academic_year_start) {
  return parsed(pupil, academic_year_start);
}
Json to_json(const Placement& placement) {
  return parsed(placement);
}
Json to_json(const Enrolment& enrolment) {
  return parsed(enrolment);
}
Json to_json(const Term& term) {
  return parsed(term);
}
Json to_json(const ClosureDay& closure) {
  return parsed(closure);
}
Json to_json(const Subject& subject) {
  return parsed(subject);
}
Json to_json(const TeachingGroup& group) {
  return parsed(group);
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
