// Action plans (policy 002: "If a student's progress deteriorates for more than three weeks the
// provider will be notified and an action plan put in place"): actions with an owner and a due
// date, an overall review date, and a status that moves open -> reviewed -> closed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"

namespace waymark {

enum class ActionPlanStatus { Open, Reviewed, Closed };
const char* to_string(ActionPlanStatus status);  // "open", "reviewed", "closed"
Result<ActionPlanStatus> parse_action_plan_status(std::string_view text,
                                                  const std::string& field = "status");

struct PlanAction {
  std::string description;  // what will be done
  Id owner_id = 0;          // the member of staff who does it
  Date due_date;
  bool done = false;
};

struct ActionPlan {
  Id id = 0;
  Id pupil_id = 0;
  Id provider_id = 0;
  Id alert_id = 0;  // the deterioration alert it answers; 0 for a plan made without one
  std::string summary;
  std::vector<PlanAction> actions;
  Date review_date;
  ActionPlanStatus status = ActionPlanStatus::Open;
  std::string review_notes;
  Id created_by = 0;
  std::int64_t created_at = 0;
  Id updated_by = 0;
  std::int64_t updated_at = 0;
};

inline constexpr std::size_t kMaxPlanActions = 20;
inline constexpr std::size_t kMaxPlanText = 2000;

// Checks a plan, reporting every problem: pupil_id and provider_id set; 1..20 actions, each with
// a description of 1..2000 characters ("actions[i].description"), an owner ("actions[i].owner_id")
// and a due date no later than a year after `today` ("actions[i].due_date"); the review date not
// before the plan was made (`created_on`) and no later than a year after `today`; summary and
// review notes at most 2000 characters; review notes required once reviewed or closed.
Status validate_action_plan(const ActionPlan& plan, Date created_on, Date today);

// Whether a plan may move from `from` to `to`: between open and reviewed either way (a plan may
// need a further cycle) and to closed from either; never out of closed. Invalid on "status".
Status check_action_plan_status_change(ActionPlanStatus from, ActionPlanStatus to);

// A plan not closed whose review date has passed.
bool action_plan_review_overdue(const ActionPlan& plan, Date today);

}  // namespace waymark
