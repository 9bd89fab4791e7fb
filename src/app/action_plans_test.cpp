// Action plans on a real SQLite store: validation of every field, status changes, stale
// versions, and who may write and read.
#include "app/action_plans.h"

#include "app/monitoring_test_support.h"

namespace waymark::app::monitoring_testing {
namespace {

class ActionPlanTest : public MonitoringTest {
 protected:
  ActionPlan valid_plan() {
    ActionPlan plan;
    plan.summary = "Attendance and engagement";
    plan.actions = {
        PlanAction{"Phone home every Monday", teacher_.user_id, kToday.plus_days(7), false},
        PlanAction{"Mentoring twice a week", head_.user_id, kToday.plus_days(14), false}};
    plan.review_date = kToday.plus_days(21);
    return plan;
  }

  static bool has_field(const Error& error, const std::string& field) {
    for (const FieldError& item : error.fields)
      if (item.field == field) return true;
    return false;
  }
};

TEST_F(ActionPlanTest, CreateReadAndList) {
  auto plan = create_action_plan(*context_, teacher_, pupil_, valid_plan());
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->status, ActionPlanStatus::Open);
  EXPECT_EQ(plan->provider_id, provider_id_);
  EXPECT_EQ(plan->actions.size(), 2u);
  auto read = get_action_plan(*context_, school_, plan->id);
  ASSERT_TRUE(read.ok()) << "the commissioning school reads the plan";
  EXPECT_EQ(read->actions[1].description, "Mentoring twice a week");
  EXPECT_EQ(pupil_action_plans(*context_, school_, pupil_)->size(), 1u);
  EXPECT_EQ(store_->connection().audit_of_pupil(pupil_, 5).front().entity, "action_plan");
  auto overview = action_plan_overview(*context_, teacher_);
  ASSERT_TRUE(overview.ok());
  ASSERT_EQ(overview->open_plans.size(), 1u);
  EXPECT_EQ(overview->open_plans.front().pupil_name, "Smith, Sam");
}

TEST_F(ActionPlanTest, EveryFieldIsChecked) {
  ActionPlan empty = valid_plan();
  empty.actions.clear();
  EXPECT_TRUE(has_field(create_action_plan(*context_, teacher_, pupil_, empty).error(), "actions"));

  ActionPlan bad = valid_plan();
  bad.actions[0].description = "";
  bad.actions[1].owner_id = school_.user_id;  // not the provider's staff
  bad.review_date = kToday.plus_days(-1);
  bad.alert_id = 424242;
  auto error = create_action_plan(*context_, teacher_, pupil_, bad).error();
  EXPECT_EQ(error.kind, ErrorKind::Invalid);
  EXPECT_TRUE(has_field(error, "actions[0].description"));
  EXPECT_TRUE(has_field(error, "actions[1].owner_id"));
  EXPECT_TRUE(has_field(error, "review_date"));
  EXPECT_TRUE(has_field(error, "alert_id"));

  ActionPlan far = valid_plan();
  far.actions[0].due_date = kToday.plus_days(400);
  EXPECT_TRUE(has_field(create_action_plan(*context_, teacher_, pupil_, far).error(),
                        "actions[0].due_date"));
}

TEST_F(ActionPlanTest, ReviewAndCloseNeedNotesAndClosedIsFinal) {
  auto plan = create_action_plan(*context_, teacher_, pupil_, valid_plan());
  ASSERT_TRUE(plan.ok());
  auto no_notes = update_action_plan(
      *context_, teacher_, plan->id,
      [](ActionPlan& into, ErrorList&) { into.status = ActionPlanStatus::Reviewed; },
      plan->updated_at);
  EXPECT_TRUE(has_field(no_notes.error(), "review_notes"));
  now_ += 60;
  auto reviewed = update_action_plan(
      *context_, teacher_, plan->id,
      [](ActionPlan& into, ErrorList&) {
        into.status = ActionPlanStatus::Closed;
        into.review_notes = "Attendance back above 90% for three weeks";
        into.actions[0].done = true;
      },
      plan->updated_at);
  ASSERT_TRUE(reviewed.ok()) << reviewed.error().message;
  EXPECT_TRUE(reviewed->actions[0].done);
  auto stale = update_action_plan(
      *context_, teacher_, plan->id, [](ActionPlan&, ErrorList&) {}, plan->updated_at);
  EXPECT_EQ(stale.error().kind, ErrorKind::Conflict);
  auto reopen = update_action_plan(
      *context_, teacher_, plan->id,
      [](ActionPlan& into, ErrorList&) { into.status = ActionPlanStatus::Open; }, std::nullopt);
  EXPECT_TRUE(has_field(reopen.error(), "status"));
  EXPECT_TRUE(action_plan_overview(*context_, teacher_)->open_plans.empty());
}

TEST_F(ActionPlanTest, WhoMayWriteAndRead) {
  EXPECT_EQ(create_action_plan(*context_, school_, pupil_, valid_plan()).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(create_action_plan(*context_, auditor_, pupil_, valid_plan()).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(create_action_plan(*context_, other_school_, pupil_, valid_plan()).error().kind,
            ErrorKind::NotFound);
  auto plan = create_action_plan(*context_, teacher_, pupil_, valid_plan());
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(get_action_plan(*context_, other_school_, plan->id).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(pupil_action_plans(*context_, other_school_, pupil_).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(update_action_plan(
                *context_, school_, plan->id, [](ActionPlan&, ErrorList&) {}, std::nullopt)
                .error()
                .kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(get_action_plan(*context_, teacher_, 999999).error().kind, ErrorKind::NotFound);
}

}  // namespace
}  // namespace waymark::app::monitoring_testing
