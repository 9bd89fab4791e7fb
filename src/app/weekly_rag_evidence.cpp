#include "app/weekly_rag_evidence.h"

#include "app/attendance_queries.h"
#include "app/behaviour_queries.h"

#include "app/exit_tickets.h"

namespace waymark::app {

namespace {

// The mean percent of the provider's scored tickets with lesson dates in [from, to].
std::optional<double> mean_percent(store::Connection& connection, Id pupil_id, Id provider_id,
                                   Date from, Date to) {
  double total = 0;
  int count = 0;
  for (const ExitTicket& ticket : exit_tickets_for_pupil(connection, pupil_id, from, to)) {
    if (ticket.organisation_id != provider_id) continue;
    if (auto percent = ticket.percent()) {
      total += *percent;
      ++count;
    }
  }
  if (count == 0) return std::nullopt;
  return total / count;
}

}  // namespace

Result<WeekEvidence> gather_week_evidence(store::Connection& connection, Id pupil_id,
                                          Id provider_id, Date monday) {
  WeekEvidence evidence;
  evidence.exit_ticket_mean_percent =
      mean_percent(connection, pupil_id, provider_id, monday, monday.plus_days(6));
  evidence.previous_mean_percent =
      mean_percent(connection, pupil_id, provider_id, monday.plus_days(-21), monday.plus_days(-1));

  // The week's attendance (Monday to Friday) and behaviour (the whole week) from their areas.
  const AttendanceSummary attendance =
      WAYMARK_TRY(pupil_attendance_summary(connection, pupil_id, monday, monday.plus_days(4)));
  evidence.attendance_rate = attendance.rate;  // none when there was nothing to attend
  const BehaviourCounts behaviour =
      WAYMARK_TRY(pupil_behaviour_counts(connection, pupil_id, monday, monday.plus_days(6)));
  evidence.behaviour_incidents = behaviour.incidents;
  evidence.serious_incidents = behaviour.serious;

  WAYMARK_TRY_STATUS(validate_week_evidence(evidence));
  return evidence;
}

}  // namespace waymark::app
