#include "app/behaviour_codec.h"

#include <fmt/format.h>

namespace waymark::app {

void write_json(JsonOut& out, const Involvement& involvement) {
  out.begin_object();
  out.field("pupil_id", involvement.pupil_id);
  out.key("home_school_informed_on");
  if (involvement.home_school_informed_on)
    out.value(involvement.home_school_informed_on->iso());
  else
    out.null();
  out.key("home_school_informed_by");
  out.id_or_null(involvement.home_school_informed_by);
  out.end_object();
}

void write_json(JsonOut& out, const BehaviourIncident& incident) {
  out.begin_object();
  out.field("id", incident.id);
  out.field("organisation_id", incident.organisation_id);
  out.field("incident_date", incident.incident_date.iso());
  out.field("time", format_time_of_day(incident.time_minutes));
  out.field("type", incident.type);
  out.field("severity", to_string(incident.severity));
  out.field("description", incident.description);
  out.field("action_taken", incident.action_taken);
  out.field("follow_up", incident.follow_up);
  out.key("pupils");
  out.begin_array();
  for (const Involvement& involvement : incident.pupils) write_json(out, involvement);
  out.end_array();
  out.key("recorded_by");
  out.id_or_null(incident.recorded_by);
  out.field("recorded_at", incident.recorded_at);
  out.end_object();
}

void write_json(JsonOut& out, const Reward& reward) {
  out.begin_object();
  out.field("id", reward.id);
  out.field("pupil_id", reward.pupil_id);
  out.field("organisation_id", reward.organisation_id);
  out.field("kind", to_string(reward.kind));
  out.field("award_date", reward.award_date.iso());
  out.field("week_start", reward.week_start().iso());
  out.field("points", reward.points);
  out.field("reason", reward.reason);
  out.key("recorded_by");
  out.id_or_null(reward.recorded_by);
  out.field("recorded_at", reward.recorded_at);
  out.end_object();
}

Json to_json(const BehaviourIncident& incident) {
  JsonOut out;
  write_json(out, incident);
  return Json::parse(out.text());
}

Json to_json(const Reward& reward) {
  JsonOut out;
  write_json(out, reward);
  return Json::parse(out.text());
}

namespace {

// An optional date: absent leaves it, null or "" clears it.
void read_informed_on(const Json& body, const char* field, std::optional<Date>& into,
                      ErrorList& errors) {
  auto found = body.find("home_school_informed_on");
  if (found == body.end()) return;
  if (found->is_null() || (found->is_string() && found->get<std::string>().empty())) {
    into.reset();
    return;
  }
  if (!found->is_string()) {
    errors.add(field, "must be a date like 2025-09-01");
    return;
  }
  auto date = Date::parse(found->get<std::string>(), field);
  if (date.ok())
    into = *date;
  else
    errors.add_all(date.error());
}

void read_informed_by(const Json& body, const char* field, Id& into, ErrorList& errors) {
  auto found = body.find("home_school_informed_by");
  if (found == body.end()) return;
  if (found->is_null()) {
    into = 0;
  } else if (found->is_number_integer() && found->get<std::int64_t>() > 0) {
    into = found->get<std::int64_t>();
  } else {
    errors.add(field, "must be the id of a member of staff");
  }
}

}  // namespace

void read_incident(const Json& body, BehaviourIncident& into, ErrorList& errors) {
  read_date(body, "incident_date", into.incident_date, errors);
  std::string text;
  if (body.contains("time") && read_string(body, "time", text, errors)) {
    auto minutes = parse_time_of_day(text, "time");
    if (minutes.ok())
      into.time_minutes = *minutes;
    else
      errors.add_all(minutes.error());
  }
  read_string(body, "type", into.type, errors);
  text.clear();
  if (body.contains("severity") && read_string(body, "severity", text, errors)) {
    auto severity = parse_severity(text);
    if (severity.ok())
      into.severity = *severity;
    else
      errors.add_all(severity.error());
  }
  read_string(body, "description", into.description, errors);
  read_string(body, "action_taken", into.action_taken, errors);
  read_string(body, "follow_up", into.follow_up, errors);
  auto pupils = body.find("pupils");
  if (pupils != body.end()) {
    if (!pupils->is_array()) {
      errors.add("pupils", "must be a list of pupils");
    } else {
      into.pupils.clear();
      for (std::size_t index = 0; index < pupils->size(); ++index) {
        const Json& item = (*pupils)[index];
        const std::string field = fmt::format("pupils[{}]", index);
        Involvement involvement;
        if (item.is_number_integer() && item.get<std::int64_t>() > 0) {
          involvement.pupil_id = item.get<std::int64_t>();
        } else if (item.is_object() && item.contains("pupil_id") &&
                   item["pupil_id"].is_number_integer() && item["pupil_id"].get<Id>() > 0) {
          involvement.pupil_id = item["pupil_id"].get<Id>();
          read_informed_on(item, (field + ".home_school_informed_on").c_str(),
                           involvement.home_school_informed_on, errors);
          read_informed_by(item, (field + ".home_school_informed_by").c_str(),
                           involvement.home_school_informed_by, errors);
        } else {
          errors.add(field, "must be a pupil id or {\"pupil_id\": ...}");
          continue;
        }
        into.pupils.push_back(involvement);
      }
    }
  }
  // Told together: one date and one member of staff for every pupil listed.
  if (body.contains("home_school_informed_on") || body.contains("home_school_informed_by")) {
    Involvement told;
    read_informed_on(body, "home_school_informed_on", told.home_school_informed_on, errors);
    read_informed_by(body, "home_school_informed_by", told.home_school_informed_by, errors);
    for (Involvement& involvement : into.pupils) {
      involvement.home_school_informed_on = told.home_school_informed_on;
      involvement.home_school_informed_by = told.home_school_informed_by;
    }
  }
}

void read_reward(const Json& body, Reward& into, ErrorList& errors) {
  std::string kind;
  if (body.contains("kind") && read_string(body, "kind", kind, errors)) {
    auto parsed = parse_reward_kind(kind);
    if (parsed.ok())
      into.kind = *parsed;
    else
      errors.add_all(parsed.error());
  }
  read_date(body, "award_date", into.award_date, errors);
  read_int(body, "points", into.points, errors);
  read_string(body, "reason", into.reason, errors);
}

}  // namespace waymark::app
