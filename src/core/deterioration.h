// The deterioration rule of policy 002: "If a student's progress deteriorates for more than three
// weeks the provider will be notified and an action plan put in place." Made explicit and
// configurable: which weekly RAGs count as deteriorating, and for how many consecutive teaching
// weeks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"
#include "core/result.h"
#include "core/weekly_rag.h"

namespace waymark {

// A pupil's confirmed RAG for one week.
struct WeekRag {
  Date week_start;  // the Monday; any other day is taken as its week's Monday
  Rag rag = Rag::Green;
};

struct DeteriorationRule {
  enum class Trigger {
    RedOrAmber,  // the week is Red or Amber
    Red,         // the week is Red
    // The week is worse than the teaching week before, or as bad as it while a run that began
    // with such a drop continues (a drop not yet recovered from; any improvement ends the run).
    // Literally "worse than the week before" could not hold for more than two weeks running on
    // a three-point scale, so it could never fire with weeks_more_than >= 2.
    WorseThanPreviousWeek,
  };
  Trigger trigger = Trigger::RedOrAmber;
  int weeks_more_than = 3;  // fires when the run is longer than this: 3 fires on the 4th week
};
const char* to_string(DeteriorationRule::Trigger trigger);  // "red_or_amber", "red", ...
Result<DeteriorationRule::Trigger> parse_deterioration_trigger(
    std::string_view text, const std::string& field = "trigger");

// weeks_more_than from 1 to 12 (field "weeks_more_than").
Status validate_deterioration_rule(const DeteriorationRule& rule);

struct DeteriorationResult {
  bool deteriorating = false;       // consecutive_weeks > rule.weeks_more_than
  int consecutive_weeks = 0;        // length of the run that ends with the latest recorded week
  std::optional<Date> run_started;  // the run's first Monday; none when consecutive_weeks == 0
  std::optional<Date> last_week;    // the latest recorded Monday; none when history is empty
};

// Evaluates the rule on the run of weeks that ends with the latest week in `history` (any
// order), as of that week.
//
// Weeks are consecutive TEACHING weeks. A week with no school day (Monday to Friday, per
// is_school_day over `terms` and `closures`) such as a half term or a holiday is skipped and
// neither extends nor breaks a run: the weeks either side of the October half term are
// consecutive. A teaching week with no RAG recorded breaks the run, because nothing shows the
// pupil was still deteriorating then. A week that has a RAG counts even if the calendar has no
// school day in it (the recorded rating wins over an incomplete calendar).
//
// Fails with Invalid when the rule is invalid (see validate_deterioration_rule) or when two
// entries fall in the same week (field "history[i].week_start").
Result<DeteriorationResult> evaluate_deterioration(const std::vector<WeekRag>& history,
                                                   const DeteriorationRule& rule,
                                                   const std::vector<Term>& terms,
                                                   const std::vector<ClosureDay>& closures);

// The Monday of the week that contains `day`.
Date week_monday(Date day);

}  // namespace waymark
