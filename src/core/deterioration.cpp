#include "core/deterioration.h"

#include <algorithm>

#include <fmt/format.h>

namespace waymark {

const char* to_string(DeteriorationRule::Trigger trigger) {
  using Trigger = DeteriorationRule::Trigger;
  switch (trigger) {
    case Trigger::RedOrAmber:
      return "red_or_amber";
    case Trigger::Red:
      return "red";
    case Trigger::WorseThanPreviousWeek:
      return "worse_than_previous_week";
  }
  return "red_or_amber";
}

Result<DeteriorationRule::Trigger> parse_deterioration_trigger(std::string_view text,
                                                               const std::string& field) {
  using Trigger = DeteriorationRule::Trigger;
  for (Trigger trigger : {Trigger::RedOrAmber, Trigger::Red, Trigger::WorseThanPreviousWeek})
    if (text == to_string(trigger)) return trigger;
  return Error::invalid(
      field,
      fmt::format("'{}' is not a trigger (red_or_amber, red, worse_than_previous_week)", text));
}

Status validate_deterioration_rule(const DeteriorationRule& rule) {
  if (rule.weeks_more_than < 1 || rule.weeks_more_than > 12)
    return Error::invalid("weeks_more_than", "must be between 1 and 12 weeks");
  return {};
}

Date week_monday(Date day) {
  return day.plus_days(1 - static_cast<std::int64_t>(day.weekday()));
}

namespace {

struct Week {
  Date monday;
  Rag rag;
  std::size_t input_idx;
};

bool has_school_day(Date monday, const std::vector<Term>& terms,
                    const std::vector<ClosureDay>& closures) {
  for (int day_idx = 0; day_idx < 5; ++day_idx)
    if (is_school_day(monday.plus_days(day_idx), terms, closures)) return true;
  return false;
}

// Whether no teaching week lies strictly between the two Mondays.
bool consecutive_teaching_weeks(Date earlier, Date later, const std::vector<Term>& terms,
                                const std::vector<ClosureDay>& closures) {
  for (Date monday = earlier.plus_days(7); monday < later; monday = monday.plus_days(7))
    if (has_school_day(monday, terms, closures)) return false;
  return true;
}

}  // namespace

Result<DeteriorationResult> evaluate_deterioration(const std::vector<WeekRag>& history,
                                                   const DeteriorationRule& rule,
                                                   const std::vector<Term>& terms,
                                                   const std::vector<ClosureDay>& closures) {
  WAYMARK_TRY_STATUS(validate_deterioration_rule(rule));

  std::vector<Week> weeks;
  weeks.reserve(history.size());
  for (std::size_t input_idx = 0; input_idx < history.size(); ++input_idx)
    weeks.push_back(
        {week_monday(history[input_idx].week_start), history[input_idx].rag, input_idx});
  std::sort(weeks.begin(), weeks.end(), [](const Week& left, const Week& right) {
    return left.monday != right.monday ? left.monday < right.monday
                                       : left.input_idx < right.input_idx;
  });
  ErrorList errors;
  for (std::size_t week_idx = 1; week_idx < weeks.size(); ++week_idx)
    if (weeks[week_idx].monday == weeks[week_idx - 1].monday)
      errors.add(fmt::format("history[{}].week_start", weeks[week_idx].input_idx),
                 fmt::format("is in the same week as history[{}] (the week of {})",
                             weeks[week_idx - 1].input_idx, weeks[week_idx].monday.iso()));
  if (!errors.empty()) return errors.to_error();

  DeteriorationResult result;
  if (weeks.empty()) return result;
  using Trigger = DeteriorationRule::Trigger;
  int run = 0;
  Date run_started;
  for (std::size_t week_idx = 0; week_idx < weeks.size(); ++week_idx) {
    const Week& week = weeks[week_idx];
    const bool follows_on =
        week_idx > 0 &&
        consecutive_teaching_weeks(weeks[week_idx - 1].monday, week.monday, terms, closures);
    bool counts = false;
    switch (rule.trigger) {
      case Trigger::RedOrAmber:
        counts = week.rag != Rag::Green;
        break;
      case Trigger::Red:
        counts = week.rag == Rag::Red;
        break;
      case Trigger::WorseThanPreviousWeek: {
        if (!follows_on) break;
        const Rag before = weeks[week_idx - 1].rag;
        counts = worse_than(week.rag, before) || (week.rag == before && run > 0);
        break;
      }
    }
    if (!counts) {
      run = 0;
      continue;
    }
    if (run == 0 || !follows_on) {
      run = 0;
      run_started = week.monday;
    }
    ++run;
  }
  result.consecutive_weeks = run;
  result.deteriorating = run > rule.weeks_more_than;
  if (run > 0) result.run_started = run_started;
  result.last_week = weeks.back().monday;
  return result;
}

}  // namespace waymark
