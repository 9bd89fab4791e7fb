// Action plans' own rules: every field checked, status changes, overdue reviews.
#include "core/action_plan.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

const Date kToday = Date::from_ymd(2025, 11, 14);

ActionPlan valid_plan() {
  ActionPlan plan;
  plan.pupil_id = 1;
  plan.provider_id = 2;
  plan.actions = {PlanAction{"Call home", 3, kToday.plus_days(7), false}};
  plan.review_date = kToday.plus_days(14);
  return plan;
}

std::vector<std::string> fields_of(const Status& status) {
  std::vector<std::string> fields;
  if (!status.ok())
    for (const FieldError& error : status.error().fields) fields.push_back(error.field);
  return fields;
}

TEST(ActionPlan, AValidPlanPasses) {
  EXPECT_TRUE(validate_action_plan(valid_plan(), kToday, kToday).ok());
}

TEST(ActionPlan, EveryProblemIsReportedWithItsField) {
  struct Case {
    const char* name;
    void (*change)(ActionPlan&);
    const char* field;
  };
  const Case cases[] = {
      {"no pupil", [](ActionPlan& plan) { plan.pupil_id = 0; }, "pupil_id"},
      {"no provider", [](ActionPlan& plan) { plan.provider_id = 0; }, "provider_id"},
      {"no actions", [](ActionPlan& plan) { plan.actions.clear(); }, "actions"},
      {"too many actions",
       [](ActionPlan& plan) { plan.actions.resize(kMaxPlanActions + 1, plan.actions.front()); },
       "actions"},
      {"blank action", [](ActionPlan& plan) { plan.actions[0].description = ""; },
       "actions[0].description"},
      {"no owner", [](ActionPlan& plan) { plan.actions[0].owner_id = 0; }, "actions[0].owner_id"},
      {"due too late", [](ActionPlan& plan) { plan.actions[0].due_date = kToday.plus_days(400); },
       "actions[0].due_date"},
      {"review before made", [](ActionPlan& plan) { plan.review_date = kToday.plus_days(-1); },
       "review_date"},
      {"review too late", [](ActionPlan& plan) { plan.review_date = kToday.plus_days(400); },
       "review_date"},
      {"long summary", [](ActionPlan& plan) { plan.summary.assign(kMaxPlanText + 1, 'x'); },
       "summary"},
      {"reviewed without notes", [](ActionPlan& plan) { plan.status = ActionPlanStatus::Reviewed; },
       "review_notes"},
  };
  for (const Case& test_case : cases) {
    ActionPlan plan = valid_plan();
    test_case.change(plan);
    const auto fields = fields_of(validate_action_plan(plan, kToday, kToday));
    EXPECT_EQ(fields, std::vector<std::string>{test_case.field}) << test_case.name;
  }
}

TEST(ActionPlan, StatusChangesNeverLeaveClosed) {
  using enum ActionPlanStatus;
  EXPECT_TRUE(check_action_plan_status_change(Open, Reviewed).ok());
  EXPECT_TRUE(check_action_plan_status_change(Reviewed, Open).ok());
  EXPECT_TRUE(check_action_plan_status_change(Open, Closed).ok());
  EXPECT_TRUE(check_action_plan_status_change(Closed, Closed).ok());
  EXPECT_EQ(fields_of(check_action_plan_status_change(Closed, Open)),
            std::vector<std::string>{"status"});
  EXPECT_FALSE(parse_action_plan_status("done").ok());
  EXPECT_EQ(*parse_action_plan_status("reviewed"), Reviewed);
}

TEST(ActionPlan, AReviewIsOverdueTheDayAfterItsDateUnlessClosed) {
  ActionPlan plan = valid_plan();
  EXPECT_FALSE(action_plan_review_overdue(plan, plan.review_date));
  EXPECT_TRUE(action_plan_review_overdue(plan, plan.review_date.plus_days(1)));
  plan.status = ActionPlanStatus::Closed;
  EXPECT_FALSE(action_plan_review_overdue(plan, plan.review_date.plus_days(1)));
}

}  // namespace
}  // namespace waymark
