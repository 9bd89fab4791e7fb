#include "core/behaviour.h"

#include <fmt/format.h>

#include <set>

namespace waymark {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::Low:
      return "low";
    case Severity::Medium:
      return "medium";
    case Severity::High:
      return "high";
    case Severity::Serious:
      return "serious";
  }
  return "low";
}

const char* label(Severity severity) {
  switch (severity) {
    case Severity::Low:
      return "Low";
    case Severity::Medium:
      return "Medium";
    case Severity::High:
      return "High";
    case Severity::Serious:
      return "Serious";
  }
  return "Low";
}

const std::vector<Severity>& all_severities() {
  static const std::vector<Severity> severities = {Severity::Low, Severity::Medium, Severity::High,
                                                   Severity::Serious};
  return severities;
}

Result<Severity> parse_severity(std::string_view text, const std::string& field) {
  for (Severity severity : all_severities())
    if (text == to_string(severity)) return severity;
  return Error::invalid(field, "must be low, medium, high or serious");
}

const std::vector<std::string>& default_incident_types() {
  static const std::vector<std::string> types = {"Disruption in lessons",
                                                 "Refusal to follow instructions",
                                                 "Verbal abuse",
                                                 "Physical aggression",
                                                 "Bullying or intimidation",
                                                 "Damage to property",
                                                 "Leaving site",
                                                 "Substance misuse",
                                                 "Misuse of phones or online",
                                                 "Other"};
  return types;
}

Result<int> parse_time_of_day(std::string_view text, const std::string& field) {
  const auto bad = [&] { return Error::invalid(field, "must be a time of day as HH:MM"); };
  if (text.size() != 5 || text[2] != ':') return bad();
  for (std::size_t index : {0u, 1u, 3u, 4u})
    if (text[index] < '0' || text[index] > '9') return bad();
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return bad();
  return hours * 60 + minutes;
}

std::string format_time_of_day(int minutes) {
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

namespace {

void check_length(ErrorList& errors, const char* field, const std::string& text,
                  std::size_t limit) {
  if (text.size() > limit) errors.add(field, fmt::format("must be at most {} characters", limit));
}

void check_date(ErrorList& errors, const char* field, Date date, Date today) {
  if (date > today) errors.add(field, "is in the future");
  if (date < today.plus_days(-366)) errors.add(field, "is more than a year ago");
}

}  // namespace

Status validate_incident(const BehaviourIncident& incident, Date today) {
  ErrorList errors;
  check_date(errors, "incident_date", incident.incident_date, today);
  if (incident.time_minutes < 0 || incident.time_minutes >= 24 * 60)
    errors.add("time", "must be a time of day as HH:MM");
  if (incident.type.empty()) errors.add("type", "is required");
  check_length(errors, "type", incident.type, 100);
  if (incident.description.empty()) errors.add("description", "say what happened");
  check_length(errors, "description", incident.description, kMaxIncidentTextLength);
  check_length(errors, "action_taken", incident.action_taken, kMaxIncidentTextLength);
  check_length(errors, "follow_up", incident.follow_up, kMaxIncidentTextLength);
  if (incident.pupils.empty()) errors.add("pupils", "choose at least one pupil");
  if (incident.pupils.size() > kMaxPupilsPerIncident)
    errors.add("pupils", fmt::format("at most {} pupils", kMaxPupilsPerIncident));
  std::set<Id> seen;
  for (std::size_t index = 0; index < incident.pupils.size(); ++index) {
    const Involvement& involvement = incident.pupils[index];
    const std::string field = fmt::format("pupils[{}]", index);
    if (involvement.pupil_id <= 0)
      errors.add(field + ".pupil_id", "is required");
    else if (!seen.insert(involvement.pupil_id).second)
      errors.add(field + ".pupil_id", "this pupil is listed twice");
    if (involvement.home_school_informed_on) {
      if (*involvement.home_school_informed_on < incident.incident_date)
        errors.add(field + ".home_school_informed_on", "is before the incident");
      if (*involvement.home_school_informed_on > today)
        errors.add(field + ".home_school_informed_on", "is in the future");
      if (involvement.home_school_informed_by <= 0)
        errors.add(field + ".home_school_informed_by", "say who told the home school");
    } else if (involvement.home_school_informed_by > 0) {
      errors.add(field + ".home_school_informed_on", "say when the home school was told");
    }
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

const char* to_string(RewardKind kind) {
  return kind == RewardKind::Points ? "points" : "student_of_the_week";
}

Result<RewardKind> parse_reward_kind(std::string_view text, const std::string& field) {
  if (text == "points") return RewardKind::Points;
  if (text == "student_of_the_week") return RewardKind::StudentOfTheWeek;
  return Error::invalid(field, "must be points or student_of_the_week");
}

Status validate_reward(const Reward& reward, Date today) {
  ErrorList errors;
  if (reward.pupil_id <= 0) errors.add("pupil_id", "is required");
  check_date(errors, "award_date", reward.award_date, today);
  if (reward.reason.empty()) errors.add("reason", "is required");
  check_length(errors, "reason", reward.reason, 500);
  if (reward.kind == RewardKind::Points && (reward.points < 1 || reward.points > 100))
    errors.add("points", "must be 1 to 100");
  if (reward.kind == RewardKind::StudentOfTheWeek && reward.points != 0)
    errors.add("points", "Student of the Week carries no points");
  if (!errors.empty()) return errors.to_error();
  return {};
}

const char* to_string(SharingLevel level) {
  switch (level) {
    case SharingLevel::None:
      return "none";
    case SharingLevel::Summary:
      return "summary";
    case SharingLevel::Full:
      return "full";
  }
  return "none";
}

Result<SharingLevel> parse_sharing_level(std::string_view text, const std::string& field) {
  for (SharingLevel level : {SharingLevel::None, SharingLevel::Summary, SharingLevel::Full})
    if (text == to_string(level)) return level;
  return Error::invalid(field, "must be none, summary or full");
}

}  // namespace waymark
