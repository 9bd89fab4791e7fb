// The cards each area contributes to the dashboards (internal to dashboard*.cpp). Each returns
// complete cards for the actor, reading only what the actor may see; an area with nothing for
// this kind of organisation returns none.
#pragma once

#include <vector>

#include "app/dashboard.h"

namespace waymark::app::dashboard_cards {

// Feedback forms (issue 3): forms due and overdue at the provider; sent forms a school received.
std::vector<DashboardCard> feedback_forms(Context& context, const Actor& actor);

}  // namespace waymark::app::dashboard_cards
