// What the dashboards (issue 4 item 6) ask of the monitoring area, in one place. Each authorises
// like the use case it summarises.
//
//   rags_to_confirm        provider: this week's pupils and how many RAGs are still to confirm
//   deteriorating_pupils   provider or commissioner: alerts whose action plan is not closed
//   overdue_action_plans   provider or commissioner: plans with an overdue review, and alerts
//                          still without a plan after kMissingPlanSchoolDays school days
//   latest_sent_rags       commissioner: each of its pupils' latest sent RAG (app/weekly_updates.h)
#pragma once

#include <vector>

#include "app/action_plans.h"
#include "app/context.h"
#include "app/deterioration_alerts.h"
#include "app/weekly_updates.h"
#include "core/user.h"

namespace waymark::app {

struct RagsToConfirm {
  Date week_start;
  int pupils = 0;       // placed with the provider this week
  int unconfirmed = 0;  // of which without a confirmed RAG
};
Result<RagsToConfirm> rags_to_confirm(Context& context, const Actor& actor);

Result<std::vector<AlertView>> deteriorating_pupils(Context& context, const Actor& actor);

Result<ActionPlanOverview> overdue_action_plans(Context& context, const Actor& actor);

}  // namespace waymark::app
