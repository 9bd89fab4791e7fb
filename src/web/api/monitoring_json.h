// Shared by the monitoring API (web/api/monitoring_api.cpp, action_plan_api.cpp) and pages: the
// JSON of the monitoring views (a provider's RAG week, alerts, weekly updates, plan overview).
#pragma once

#include "app/action_plans.h"
#include "app/codec.h"
#include "app/deterioration_alerts.h"
#include "app/weekly_rag.h"
#include "app/weekly_updates.h"

namespace waymark::web {

app::Json rag_week_json(const app::RagWeek& week);
app::Json alert_json(const app::AlertView& view);
app::Json weekly_update_json(const app::WeeklyUpdateView& view);
app::Json plan_overview_json(const app::ActionPlanOverview& overview);

// A {monday} path segment or ?week= value as a date (any day of the week); Invalid on "week".
Result<Date> week_segment(const std::string& text);

}  // namespace waymark::web
