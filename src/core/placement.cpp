#include "core/placement.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace waymark {

namespace {
struct StatusInfo {
  PlacementStatus status;
  const char* key;
  const char* label;
};
constexpr StatusInfo kStatuses[] = {
    {PlacementStatus::Referred, "referred", "Referred"},
    {PlacementStatus::PlanningMeeting, "planning_meeting", "Planning meeting"},
    {PlacementStatus::InitialAssessment, "initial_assessment", "Initial assessment"},
    {PlacementStatus::Active, "active", "Active"},
    {PlacementStatus::Ended, "ended", "Ended"},
};
}  // namespace

const char* to_string(PlacementStatus status) {
  for (const auto& info : kStatuses)
    if (info.status == status) return info.key;
  return "referred";
}

const char* label(PlacementStatus status) {
  for (const auto& info : kStatuses)
    if (info.status == status) return info.label;
  return "";
}

Result<PlacementStatus> parse_placement_status(std::string_view text, const std::string& field) {
  for (const auto& info : kStatuses)
    if (text == info.key) return info.status;
  return Error::invalid(
      field,
      fmt::format(
          "'{}' is not a status (referred, planning_meeting, initial_assessment, active, ended)",
          text));
}

const char* to_string(EndReason reason) {
  switch (reason) {
    case EndReason::Reintegrated:
      return "reintegrated";
    case EndReason::MovedOn:
      return "moved_on";
    case EndReason::Other:
      return "other";
  }
  return "other";
}

const char* label(EndReason reason) {
  switch (reason) {
    case EndReason::Reintegrated:
      return "Reintegrated";
    case EndReason::MovedOn:
      return "Moved on";
    case EndReason::Other:
      return "Other";
  }
  return "Other";
}

Result<EndReason> parse_end_reason(std::string_view text, const std::string& field) {
  if (text == "reintegrated") return EndReason::Reintegrated;
  if (text == "moved_on") return EndReason::MovedOn;
  if (text == "other") return EndReason::Other;
  return Error::invalid(
      field, fmt::format("'{}' is not an end reason (reintegrated, moved_on, other)", text));
}

const char* to_string(Session session) {
  return session == Session::Am ? "AM" : "PM";
}

namespace {
constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri"};
}

std::string to_string(const TimetableSlot& slot) {
  std::string text = kDays[(slot.weekday - 1) % 5];
  text += ' ';
  text += to_string(slot.session);
  return text;
}

Result<TimetableSlot> parse_timetable_slot(std::string_view text, const std::string& field) {
  std::string compact;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c)))
      compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (compact.size() >= 3) {
    std::string session = compact.substr(compact.size() - 2);
    std::string day = compact.substr(0, compact.size() - 2);
    if (session == "am" || session == "pm") {
      for (unsigned index = 0; index < 5; ++index) {
        std::string name = kDays[index];
        name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
        if (day == name || day == std::to_string(index + 1))
          return TimetableSlot{index + 1, session == "am" ? Session::Am : Session::Pm};
      }
    }
  }
  return Error::invalid(field,
                        fmt::format("'{}' is not a session (like \"Mon AM\" or \"Fri PM\")", text));
}

bool Placement::current_on(Date on) const {
  if (status == PlacementStatus::Ended) return false;
  if (status != PlacementStatus::Active) return false;
  if (start_date && *start_date > on) return false;
  return true;
}

Status validate_placement(const Placement& placement) {
  ErrorList errors;
  if (placement.pupil_id == 0) errors.add("pupil_id", "is required");
  if (placement.provider_id == 0) errors.add("provider_id", "is required");
  if (placement.commissioner_id == 0) errors.add("commissioner_id", "is required");
  if (placement.provider_id != 0 && placement.provider_id == placement.commissioner_id)
    errors.add("commissioner_id", "must be a different organisation from the provider");
  if (placement.start_date && *placement.start_date < placement.referral_date)
    errors.add("start_date", "must not be before the referral date");
  if (placement.planned_end_date && placement.start_date &&
      *placement.planned_end_date < *placement.start_date)
    errors.add("planned_end_date", "must not be before the start date");
  if (placement.actual_end_date && placement.start_date &&
      *placement.actual_end_date < *placement.start_date)
    errors.add("actual_end_date", "must not be before the start date");
  if (placement.actual_end_date && *placement.actual_end_date < placement.referral_date)
    errors.add("actual_end_date", "must not be before the referral date");
  if (!(placement.hours_per_week >= 0 && placement.hours_per_week <= 32.5))
    errors.add("hours_per_week", "must be between 0 and 32.5");
  if (placement.timetable.size() > 10)
    errors.add("timetable", "has more than the 10 sessions in a week");
  std::vector<TimetableSlot> sorted = placement.timetable;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
    errors.add("timetable", "lists a session twice");
  for (const auto& slot : placement.timetable)
    if (slot.weekday < 1 || slot.weekday > 5)
      errors.add("timetable", "sessions must be Monday to Friday");
  if (placement.status == PlacementStatus::Active && !placement.start_date)
    errors.add("start_date", "is required once the placement is active");
  if (placement.status == PlacementStatus::Ended) {
    if (!placement.actual_end_date)
      errors.add("actual_end_date", "is required when the placement has ended");
    if (!placement.end_reason) errors.add("end_reason", "is required when the placement has ended");
  } else {
    if (placement.actual_end_date)
      errors.add("actual_end_date", "is only set when the placement has ended");
    if (placement.end_reason) errors.add("end_reason", "is only set when the placement has ended");
  }
  for (const auto* text : {&placement.reason, &placement.objectives, &placement.reintegration_plan,
                           &placement.end_notes})
    if (text->size() > 4000) errors.add("reason", "free text must be at most 4000 characters");
  if (!errors.empty()) return errors.to_error();
  return {};
}

Status check_status_change(PlacementStatus from, PlacementStatus to) {
  if (from == to) return {};
  if (from == PlacementStatus::Ended)
    return Error::invalid("status",
                          "an ended placement cannot be reopened; record a new placement");
  if (to == PlacementStatus::Ended) return {};
  if (static_cast<int>(to) < static_cast<int>(from))
    return Error::invalid("status",
                          fmt::format("cannot move back from {} to {}", label(from), label(to)));
  return {};
}

const char* to_string(RegistrationType type) {
  switch (type) {
    case RegistrationType::Main:
      return "main";
    case RegistrationType::Dual:
      return "dual";
    case RegistrationType::Subsidiary:
      return "subsidiary";
  }
  return "main";
}

Result<RegistrationType> parse_registration_type(std::string_view text, const std::string& field) {
  if (text.empty() || text == "main") return RegistrationType::Main;
  if (text == "dual") return RegistrationType::Dual;
  if (text == "subsidiary") return RegistrationType::Subsidiary;
  return Error::invalid(field, fmt::format("'{}' is not main, dual or subsidiary", text));
}

Status validate_enrolment(const Enrolment& enrolment) {
  ErrorList errors;
  if (enrolment.school_id == 0) errors.add("school_id", "is required");
  if (enrolment.leaving_date && *enrolment.leaving_date < enrolment.admission_date)
    errors.add("leaving_date", "must not be before the admission date");
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace waymark
