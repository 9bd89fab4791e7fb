// Shared by the weekly RAG and action-plan pages (web/pages/rag_*.cpp, action_plan_*.cpp): how a
// RAG and a plan state look, and the week parameter.
#pragma once

#include <optional>
#include <string>

#include "app/deterioration_alerts.h"
#include "core/weekly_rag.h"
#include "web/router.h"
#include "web/templates.h"

namespace waymark::web {

// "govuk-tag--red", "govuk-tag--yellow" (Amber), "govuk-tag--green".
std::string rag_tag_class(Rag rag);
// {text, tag_class} for a RAG tag.
Data rag_tag(Rag rag);
// "Plan missing", "Plan overdue", "Plan open", "Review overdue", "Closed", and the tag class.
Data plan_state_tag(app::PlanState state);
// ?week= (or a posted "week") as a date; today when absent or not a date.
Date week_param(const std::string& text, Date today);

}  // namespace waymark::web
