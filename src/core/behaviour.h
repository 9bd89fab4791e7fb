// Behaviour incidents and rewards (policy 002 "Rewards", policy 003 theme 6.1), and how much of
// them a placement's agreement shares with the home school. Pure values and their validation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"

namespace waymark {

enum class Severity { Low, Medium, High, Serious };
const char* to_string(Severity severity);  // "low", "medium", "high", "serious"
const char* label(Severity severity);      // "Low", ... "Serious"
Result<Severity> parse_severity(std::string_view text, const std::string& field = "severity");
const std::vector<Severity>& all_severities();

// The incident types a provider uses when it has configured none.
const std::vector<std::string>& default_incident_types();

// A time of day, minutes after midnight; "HH:MM" (24-hour) in and out.
Result<int> parse_time_of_day(std::string_view text, const std::string& field = "time");
std::string format_time_of_day(int minutes);

// One pupil's part in an incident, and the home school being told about it.
struct Involvement {
  Id pupil_id = 0;
  std::optional<Date> home_school_informed_on;
  Id home_school_informed_by = 0;  // the member of staff who told the home school; 0 when not told
};

struct BehaviourIncident {
  Id id = 0;
  Id organisation_id = 0;  // the provider where it happened
  Date incident_date;
  int time_minutes = 0;  // time of day, minutes after midnight
  std::string type;      // one of the provider's incident types
  Severity severity = Severity::Low;
  std::string description;  // what happened
  std::string action_taken;
  std::string follow_up;
  std::vector<Involvement> pupils;  // at least one; each pupil once
  Id recorded_by = 0;
  std::int64_t recorded_at = 0;
};

inline constexpr std::size_t kMaxIncidentTextLength = 4000;
inline constexpr std::size_t kMaxPupilsPerIncident = 20;

// Date not in the future nor more than a year ago; time 0..1439; type given (the app checks it is
// one of the provider's); description 1..4000 characters; action and follow-up at most 4000; 1..20
// pupils, none twice; a home-school informed date not before the incident nor after `today`, and
// given exactly when an informer is. Every problem at once, each naming its field ("pupils[1]").
Status validate_incident(const BehaviourIncident& incident, Date today);

enum class RewardKind { Points, StudentOfTheWeek };
const char* to_string(RewardKind kind);  // "points", "student_of_the_week"
Result<RewardKind> parse_reward_kind(std::string_view text, const std::string& field = "kind");

struct Reward {
  Id id = 0;
  Id pupil_id = 0;
  Id organisation_id = 0;
  RewardKind kind = RewardKind::Points;
  Date award_date;
  int points = 0;  // 1..100 for points; 0 for Student of the Week
  std::string reason;
  Id recorded_by = 0;
  std::int64_t recorded_at = 0;

  // The Monday of the award's week: Student of the Week is one pupil per provider per week.
  Date week_start() const {
    return award_date.plus_days(1 - static_cast<int>(award_date.weekday()));
  }
};

// Date not in the future nor more than a year ago; reason 1..500 characters; points 1..100 for
// Points and 0 for Student of the Week.
Status validate_reward(const Reward& reward, Date today);

// How much of a pupil's behaviour record a placement's agreement shares with the home school:
// nothing; a summary (counts by severity); or the full incidents, never naming other pupils.
enum class SharingLevel { None, Summary, Full };
const char* to_string(SharingLevel level);  // "none", "summary", "full"
Result<SharingLevel> parse_sharing_level(std::string_view text,
                                         const std::string& field = "behaviour");
// When a placement has no recorded agreement: counts, but not the incidents' detail.
inline constexpr SharingLevel kDefaultSharingLevel = SharingLevel::Summary;

}  // namespace waymark
