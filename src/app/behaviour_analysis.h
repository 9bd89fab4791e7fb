// Behaviour analysis for a provider (policy 003 theme 6.1): incidents in a period by pupil, type,
// severity, day of the week and time of day. An incident involving several pupils counts once in
// every breakdown except "by pupil", where it counts for each pupil involved.
#pragma once

#include <string>
#include <vector>

#include "app/context.h"
#include "core/user.h"

namespace waymark::app {

struct AnalysisRow {
  std::string key;    // stable: pupil id, type name, severity, "1".."7", "09"
  std::string label;  // for display: "Smith, Sam", "Monday", "09:00-09:59"
  int incidents = 0;
  int serious = 0;
};

struct BehaviourAnalysis {
  Date from;
  Date to;
  int incidents = 0;
  int serious = 0;
  int points = 0;                        // reward points given in the period
  std::vector<AnalysisRow> by_pupil;     // most incidents first, then name
  std::vector<AnalysisRow> by_type;      // most incidents first, then name
  std::vector<AnalysisRow> by_severity;  // every severity, low to serious
  std::vector<AnalysisRow> by_weekday;   // Monday to Friday always; weekend days when used
  std::vector<AnalysisRow> by_hour;      // each hour with incidents, in order
};

// Readers of a provider, over its own incidents (Forbidden otherwise). Invalid on "to" when to is
// before from, or on "from" when the period is longer than 400 days.
Result<BehaviourAnalysis> behaviour_analysis(Context& context, const Actor& actor, Date from,
                                             Date to);

}  // namespace waymark::app
