#include "core/feedback_period.h"

#include <algorithm>

namespace waymark {

Result<FeedbackCycle> FeedbackCycle::every(int school_days, const std::string& field) {
  if (school_days < 1 || school_days > kMaxSchoolDays)
    return Error::invalid(field, "use 1 to " + std::to_string(kMaxSchoolDays) + " school days (" +
                                     std::to_string(kDefaultSchoolDays) + " is three weeks)");
  return FeedbackCycle(school_days);
}

std::vector<FeedbackPeriod> feedback_periods(Date placement_start, Date until,
                                             const std::vector<Term>& terms,
                                             const std::vector<ClosureDay>& closures,
                                             FeedbackCycle cycle) {
  std::vector<FeedbackPeriod> periods;
  if (terms.empty()) return periods;
  // No school day lies beyond the last term, so the walk below stops there.
  Date calendar_end = terms.front().end_date;
  for (const Term& term : terms) calendar_end = std::max(calendar_end, term.end_date);

  Date day = placement_start;
  while (true) {
    while (day <= calendar_end && !is_school_day(day, terms, closures)) day = day.plus_days(1);
    if (day > calendar_end || day > until) break;
    FeedbackPeriod period{.start = day, .end = day, .number = static_cast<int>(periods.size()) + 1};
    int counted = 0;
    while (day <= calendar_end && counted < cycle.school_days()) {
      if (is_school_day(day, terms, closures)) {
        ++counted;
        period.end = day;
      }
      day = day.plus_days(1);
    }
    periods.push_back(period);
  }
  return periods;
}

std::optional<FeedbackPeriod> period_containing(Date on, Date placement_start,
                                                const std::vector<Term>& terms,
                                                const std::vector<ClosureDay>& closures,
                                                FeedbackCycle cycle) {
  // Only the last period that has started by `on` can contain it.
  const std::vector<FeedbackPeriod> periods =
      feedback_periods(placement_start, on, terms, closures, cycle);
  if (periods.empty() || periods.back().end < on) return std::nullopt;
  return periods.back();
}

}  // namespace waymark
