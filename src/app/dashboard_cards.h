// The cards each area contributes to the dashboards (internal to dashboard*.cpp). Each returns
// complete cards for the actor, reading only what the actor may see; an area with nothing for
// this kind of organisation returns none.
#pragma once

#include <vector>

#include "app/dashboard.h"

namespace waymark::app::dashboard_cards {

// Feedback forms (issue 3): forms due and overdue at the provider; sent forms a school received.
std::vector<DashboardCard> feedback_forms(Context& context, const Actor& actor);

// Attendance (issue 4 item 1): a provider's registers not taken today; a school's or LA's pupils'
// attendance this week.
std::vector<DashboardCard> attendance(Context& context, const Actor& actor);
// A school's or LA's chart: the mean daily attendance of its pupils over the last four weeks.
std::vector<DashboardSeries> attendance_series(Context& context, const Actor& actor);

// Calls home (issue 4 item 4): the actor's own calls due, and for heads and admins the unassigned.
std::vector<DashboardCard> calls_due(Context& context, const Actor& actor);

// Monitoring (issue 4 items 2 and 3): RAGs to confirm, deteriorating pupils, overdue action
// plans; for a commissioner, its pupils' latest RAG and the deterioration alerts raised to it.
std::vector<DashboardCard> monitoring(Context& context, const Actor& actor);

// Behaviour (issue 4 item 5): the provider's incidents this week.
std::vector<DashboardCard> incidents(Context& context, const Actor& actor);

// The actor's latest unread notifications, for everyone.
std::vector<DashboardCard> notifications(Context& context, const Actor& actor);

}  // namespace waymark::app::dashboard_cards
