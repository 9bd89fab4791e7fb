// One pupil's attendance as anyone who can see the pupil reads it: marks over a date range, the
// rate and the persistent (10%+) and severe (50%+) absence flags for the range, this week and this
// half term, and the history of changes to the marks (who, when, why).
//
// Who: whoever can see the pupil (require_visible_pupil: NotFound otherwise), so a commissioning
// school sees its placed pupils' marks as soon as the provider saves them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/attendance_stats.h"
#include "core/user.h"
#include "store/attendance_store.h"

namespace waymark::app {

struct PeriodAttendance {
  std::string label;  // "This week", "Autumn 2", "1 Sep 2025 to 19 Dec 2025"
  Date from;
  Date to;
  AttendanceSummary summary;
};

struct PupilAttendance {
  Id pupil_id = 0;
  std::string name;
  Date from;
  Date to;
  std::vector<store::StoredMark> marks;     // in [from, to], by date and session
  AttendanceSummary summary;                // over [from, to]
  std::vector<PeriodAttendance> periods;    // this week, the half term holding `to` (when known)
  std::vector<store::MarkVersion> history;  // changes to marks in [from, to], newest first
};

// Without `from`/`to`: the half term holding today in the pupil's provider's calendar (or the
// reader's), else the six weeks up to today. Invalid on "to" when to < from, on "from" when the
// range is longer than two years.
Result<PupilAttendance> pupil_attendance(Context& context, const Actor& actor, Id pupil_id,
                                         std::optional<Date> from, std::optional<Date> to);

}  // namespace waymark::app
