// Attendance read by other areas and by dashboards. None of these authorise: the caller has
// already decided the reader may see the pupils or the organisation concerned.
#pragma once

#include <string>
#include <vector>

#include "core/attendance_stats.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"
#include "store/store.h"

namespace waymark::app {

// The pupil's attendance over [from, to] (inclusive), from all their marks at any provider.
// Internal when a stored mark no longer reads (the store wrote only valid marks); Invalid on "to"
// when to < from.
Result<AttendanceSummary> pupil_attendance_summary(store::Connection& connection, Id pupil_id,
                                                   Date from, Date to);

// One pupil's attendance in a week, for a commissioning school's dashboard.
struct PupilWeekAttendance {
  Id pupil_id = 0;
  std::string name;  // "Smith, Sam"
  AttendanceSummary summary;
  int unexplained = 0;  // sessions marked N
};

// The pupils placed by `commissioner_id` who have marks in the school week starting on the Monday
// on or before `day`, up to `day`; by name.
std::vector<PupilWeekAttendance> school_week_attendance(store::Connection& connection,
                                                        Id commissioner_id, Date day);

// One school day's attendance of the pupils a commissioner placed, for its dashboard's chart.
struct DailyRate {
  Date date;
  double mean_rate = 0;  // the mean of the pupils' rates that day, 0 to 1
  int pupils = 0;        // pupils with a possible session that day
};

// Each day in [from, to] on which pupils placed by `commissioner_id` had a possible session, by
// date; a pupil whose marks that day were all not possible (e.g. X) is left out of that day's mean.
std::vector<DailyRate> commissioned_daily_rates(store::Connection& connection, Id commissioner_id,
                                                Date from, Date to);

// The Monday on or before `day`.
Date week_start(Date day);

}  // namespace waymark::app
