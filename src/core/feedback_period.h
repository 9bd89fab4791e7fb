// Feedback periods: one feedback form per pupil per period, every three weeks by default. A
// placement's periods are counted in school days from its first school day, so half-term
// holidays, weekends and closure days do not count towards a period (core/calendar.h decides what
// a school day is).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"
#include "core/result.h"

namespace waymark {

// How many school days make a period. Holding one means the length has been checked.
class FeedbackCycle {
 public:
  static constexpr int kDefaultSchoolDays = 15;  // three school weeks
  static constexpr int kMaxSchoolDays = 60;      // twelve school weeks

  FeedbackCycle() = default;  // every kDefaultSchoolDays school days

  // Fails with Invalid on `field` unless 1 <= school_days <= kMaxSchoolDays.
  static Result<FeedbackCycle> every(int school_days,
                                     const std::string& field = "school_days_per_period");

  int school_days() const { return school_days_; }

 private:
  explicit FeedbackCycle(int school_days) : school_days_(school_days) {}
  int school_days_ = kDefaultSchoolDays;
};

struct FeedbackPeriod {
  Date start;      // the period's first school day
  Date end;        // its last school day, when the form is due
  int number = 0;  // 1 for the placement's first period
  bool operator==(const FeedbackPeriod&) const = default;
};

// The placement's periods that have started by `until` (start <= until), in order. The first starts
// on the first school day on or after `placement_start`; each runs for the cycle's number of school
// days and the next starts on the following school day. The last period may end after `until`.
// A period that the recorded calendar cannot complete (next year's terms not yet entered) ends on
// the calendar's last school day, and will lengthen once later terms are added. Returns an empty
// list when no school day falls between `placement_start` and `until`. Never fails.
std::vector<FeedbackPeriod> feedback_periods(Date placement_start, Date until,
                                             const std::vector<Term>& terms,
                                             const std::vector<ClosureDay>& closures,
                                             FeedbackCycle cycle = FeedbackCycle());

// The period with start <= on <= end, holidays inside a period included. nullopt before the
// placement's first school day and on the days between one period's end and the next one's start
// (the weekend after a form falls due).
std::optional<FeedbackPeriod> period_containing(Date on, Date placement_start,
                                                const std::vector<Term>& terms,
                                                const std::vector<ClosureDay>& closures,
                                                FeedbackCycle cycle = FeedbackCycle());

// When the period's form is due: its last school day.
inline Date due_date(const FeedbackPeriod& period) {
  return period.end;
}

}  // namespace waymark
