#include "app/attendance_queries.h"

#include <algorithm>
#include <map>

#include "store/attendance_store.h"

namespace waymark::app {

namespace {

const AttendanceCodeBook& code_book() {
  static const AttendanceCodeBook book = AttendanceCodeBook::standard();
  return book;
}

std::vector<AttendanceMark> core_marks(const std::vector<store::StoredMark>& stored) {
  std::vector<AttendanceMark> marks;
  marks.reserve(stored.size());
  for (const store::StoredMark& mark : stored)
    marks.push_back(AttendanceMark{mark.date, mark.session, mark.code, mark.minutes_late});
  return marks;
}

}  // namespace

Date week_start(Date day) {
  return day.plus_days(1 - static_cast<int>(day.weekday()));
}

Result<AttendanceSummary> pupil_attendance_summary(store::Connection& connection, Id pupil_id,
                                                   Date from, Date to) {
  if (to < from) return Error::invalid("to", "must be on or after from");
  auto summary = summarise_marks(core_marks(connection.attendance().marks_of(pupil_id, from, to)),
                                 code_book());
  if (!summary.ok()) return Error::internal("a stored register mark does not read");
  return summary;
}

std::vector<PupilWeekAttendance> school_week_attendance(store::Connection& connection,
                                                        Id commissioner_id, Date day) {
  const Date monday = week_start(day);
  std::map<Id, std::vector<store::StoredMark>> by_pupil;
  for (store::StoredMark& mark :
       connection.attendance().marks_commissioned_by(commissioner_id, monday, day))
    by_pupil[mark.pupil_id].push_back(std::move(mark));
  std::vector<PupilWeekAttendance> week;
  for (const auto& [pupil_id, marks] : by_pupil) {
    auto summary = summarise_marks(core_marks(marks), code_book());
    if (!summary.ok()) continue;  // unreachable for marks this area wrote
    auto pupil = connection.pupil(pupil_id);
    PupilWeekAttendance row{pupil_id, pupil ? pupil->sort_name() : "", *summary, 0};
    row.unexplained = static_cast<int>(
        std::count_if(marks.begin(), marks.end(),
                      [](const store::StoredMark& mark) { return mark.code == "N"; }));
    week.push_back(std::move(row));
  }
  std::sort(
      week.begin(), week.end(),
      [](const PupilWeekAttendance& a, const PupilWeekAttendance& b) { return a.name < b.name; });
  return week;
}

std::vector<DailyRate> commissioned_daily_rates(store::Connection& connection, Id commissioner_id,
                                                Date from, Date to) {
  std::map<Date, std::map<Id, std::vector<store::StoredMark>>> by_day;
  for (store::StoredMark& mark :
       connection.attendance().marks_commissioned_by(commissioner_id, from, to))
    by_day[mark.date][mark.pupil_id].push_back(std::move(mark));
  std::vector<DailyRate> days;
  for (const auto& [date, pupils] : by_day) {
    DailyRate day{date, 0, 0};
    double total = 0;
    for (const auto& [pupil_id, marks] : pupils) {
      auto summary = summarise_marks(core_marks(marks), code_book());
      if (!summary.ok() || !summary->rate) continue;  // nothing possible that day
      total += *summary->rate;
      ++day.pupils;
    }
    if (day.pupils == 0) continue;
    day.mean_rate = total / day.pupils;
    days.push_back(day);
  }
  return days;
}

}  // namespace waymark::app
