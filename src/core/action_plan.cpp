#include "core/action_plan.h"

#include <fmt/format.h>

namespace waymark {

const char* to_string(ActionPlanStatus status) {
  switch (status) {
    case ActionPlanStatus::Open:
      return "open";
    case ActionPlanStatus::Reviewed:
      return "reviewed";
    case ActionPlanStatus::Closed:
      return "closed";
  }
  return "open";
}

Result<ActionPlanStatus> parse_action_plan_status(std::string_view text, const std::string& field) {
  for (ActionPlanStatus status :
       {ActionPlanStatus::Open, ActionPlanStatus::Reviewed, ActionPlanStatus::Closed})
    if (text == to_string(status)) return status;
  return Error::invalid(field, "must be open, reviewed or closed");
}

Status validate_action_plan(const ActionPlan& plan, Date created_on, Date today) {
  ErrorList errors;
  const Date latest = today.plus_days(366);
  if (plan.pupil_id == 0) errors.add("pupil_id", "is required");
  if (plan.provider_id == 0) errors.add("provider_id", "is required");
  if (plan.actions.empty())
    errors.add("actions", "give at least one action");
  else if (plan.actions.size() > kMaxPlanActions)
    errors.add("actions", fmt::format("give at most {} actions", kMaxPlanActions));
  for (std::size_t index = 0; index < plan.actions.size(); ++index) {
    const PlanAction& action = plan.actions[index];
    const std::string prefix = fmt::format("actions[{}].", index);
    if (action.description.empty())
      errors.add(prefix + "description", "say what will be done");
    else if (action.description.size() > kMaxPlanText)
      errors.add(prefix + "description", fmt::format("at most {} characters", kMaxPlanText));
    if (action.owner_id == 0) errors.add(prefix + "owner_id", "choose who will do it");
    if (action.due_date > latest)
      errors.add(prefix + "due_date", "must be within a year from today");
  }
  if (plan.review_date < created_on)
    errors.add("review_date", "cannot be before the plan was made");
  else if (plan.review_date > latest)
    errors.add("review_date", "must be within a year from today");
  if (plan.summary.size() > kMaxPlanText)
    errors.add("summary", fmt::format("at most {} characters", kMaxPlanText));
  if (plan.review_notes.size() > kMaxPlanText)
    errors.add("review_notes", fmt::format("at most {} characters", kMaxPlanText));
  else if (plan.status != ActionPlanStatus::Open && plan.review_notes.empty())
    errors.add("review_notes", "say what the review found");
  if (!errors.empty()) return errors.to_error();
  return {};
}

Status check_action_plan_status_change(ActionPlanStatus from, ActionPlanStatus to) {
  if (from == to) return {};
  if (from == ActionPlanStatus::Closed)
    return Error::invalid("status", "a closed plan cannot be reopened: make a new plan");
  return {};
}

bool action_plan_review_overdue(const ActionPlan& plan, Date today) {
  return plan.status != ActionPlanStatus::Closed && plan.review_date < today;
}

}  // namespace waymark
