// A placement: one pupil at one provider, commissioned by one school or local authority.
// Also the pupil's roll membership at their home school (an Enrolment).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"

namespace waymark {

// Policy 004: referral -> planning meeting -> initial assessment -> active -> ended.
enum class PlacementStatus { Referred, PlanningMeeting, InitialAssessment, Active, Ended };
const char* to_string(PlacementStatus status);  // "referred", "planning_meeting", ...
const char* label(PlacementStatus status);      // "Planning meeting"
Result<PlacementStatus> parse_placement_status(std::string_view text,
                                               const std::string& field = "status");

enum class EndReason { Reintegrated, MovedOn, Other };
const char* to_string(EndReason reason);  // "reintegrated", "moved_on", "other"
const char* label(EndReason reason);
Result<EndReason> parse_end_reason(std::string_view text, const std::string& field = "end_reason");

enum class Session { Am, Pm };
const char* to_string(Session session);  // "AM", "PM"

// One timetabled half-day: weekday 1 (Monday) to 5 (Friday), AM or PM.
struct TimetableSlot {
  unsigned weekday = 1;
  Session session = Session::Am;
  auto operator<=>(const TimetableSlot&) const = default;
};
// "Mon AM" <-> slot. Parses "mon-am", "Mon AM", "1AM".
std::string to_string(const TimetableSlot& slot);
Result<TimetableSlot> parse_timetable_slot(std::string_view text,
                                           const std::string& field = "timetable");

struct Placement {
  Id id = 0;
  Id pupil_id = 0;
  Id provider_id = 0;
  Id commissioner_id = 0;  // a school or a local authority
  Date referral_date;
  std::optional<Date> start_date;  // required from Active on
  std::optional<Date> planned_end_date;
  std::optional<Date> actual_end_date;  // required when Ended
  double hours_per_week = 0;
  std::vector<TimetableSlot> timetable;
  std::string reason;
  std::string objectives;
  std::string reintegration_plan;
  PlacementStatus status = PlacementStatus::Referred;
  std::optional<EndReason> end_reason;  // required when Ended
  std::string end_notes;
  bool la_notified = false;
  std::int64_t updated_at = 0;

  // True when the placement counts towards the pupil's current hours on `on`.
  bool current_on(Date on) const;
};

// Validates a placement's own fields: provider and commissioner present and different; dates in
// order (referral <= start <= planned end; start <= actual end); hours 0..32.5 a week (a full-time
// week is 25-32.5); timetable slots unique and at most 10; start date required once Active;
// actual end date and end reason required when Ended and absent otherwise.
Status validate_placement(const Placement& placement);

// Whether a placement may move from `from` to `to`: forward through the stages (stages may be
// skipped), to Ended from any stage, never back from Ended.
Status check_status_change(PlacementStatus from, PlacementStatus to);

enum class RegistrationType { Main, Dual, Subsidiary };
const char* to_string(RegistrationType type);  // "main", "dual", "subsidiary"
Result<RegistrationType> parse_registration_type(std::string_view text,
                                                 const std::string& field = "registration");

// A pupil on a school's roll (admission register).
struct Enrolment {
  Id id = 0;
  Id pupil_id = 0;
  Id school_id = 0;
  Date admission_date;
  std::optional<Date> leaving_date;
  RegistrationType registration = RegistrationType::Main;

  bool current_on(Date on) const {
    return admission_date <= on && (!leaving_date || *leaving_date >= on);
  }
};

Status validate_enrolment(const Enrolment& enrolment);

}  // namespace waymark
