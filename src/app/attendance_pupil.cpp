#include "app/attendance_pupil.h"

#include <algorithm>

#include "app/attendance_queries.h"
#include "app/visibility.h"

namespace waymark::app {

namespace {

constexpr int kMaxRangeDays = 731;

// The half term holding `day` in the calendar of one of the organisations, the first that has one.
std::optional<Term> half_term_holding(store::Connection& connection,
                                      const std::vector<Id>& organisation_ids, Date day) {
  for (Id organisation_id : organisation_ids)
    for (const Term& term : connection.terms_of(organisation_id))
      if (term.parent_term_id != 0 && term.start_date <= day && day <= term.end_date) return term;
  return std::nullopt;
}

}  // namespace

Result<PupilAttendance> pupil_attendance(Context& context, const Actor& actor, Id pupil_id,
                                         std::optional<Date> from, std::optional<Date> to) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  const Date today = context.clock.today();
  std::vector<Id> calendars;
  for (const Placement& placement : connection.placements_of(pupil_id))
    if (placement.current_on(today)) calendars.push_back(placement.provider_id);
  calendars.push_back(actor.organisation_id);
  const auto half_term = half_term_holding(connection, calendars, to.value_or(today));

  PupilAttendance view;
  view.pupil_id = pupil_id;
  if (auto pupil = connection.pupil(pupil_id)) view.name = pupil->sort_name();
  if (!from && !to && half_term) {
    from = half_term->start_date;
    to = std::min(half_term->end_date, today);
    if (*to < *from) to = from;
  }
  view.to = to.value_or(today);
  view.from = from.value_or(view.to.plus_days(-41));
  if (view.to < view.from) return Error::invalid("to", "must be on or after from");
  if (view.to.days() - view.from.days() > kMaxRangeDays)
    return Error::invalid("from", "the range can be at most two years");

  auto& attendance = connection.attendance();
  view.marks = attendance.marks_of(pupil_id, view.from, view.to);
  view.summary = WAYMARK_TRY(pupil_attendance_summary(connection, pupil_id, view.from, view.to));
  const Date monday = week_start(view.to);
  view.periods.push_back(PeriodAttendance{
      "Week beginning " + monday.iso(), monday, view.to,
      WAYMARK_TRY(pupil_attendance_summary(connection, pupil_id, monday, view.to))});
  if (half_term) {
    const Date end = std::min(half_term->end_date, view.to);
    if (half_term->start_date <= end)
      view.periods.push_back(PeriodAttendance{
          half_term->name, half_term->start_date, end,
          WAYMARK_TRY(pupil_attendance_summary(connection, pupil_id, half_term->start_date, end))});
  }
  view.history = attendance.history_of(pupil_id, view.from, view.to);
  return view;
}

}  // namespace waymark::app
