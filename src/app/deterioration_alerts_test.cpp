// Deterioration alerts on a real SQLite store: the rule evaluated on confirmation across the
// October half term, exactly one alert per run, the rule's settings, and the missing-plan clock.
#include "app/deterioration_alerts.h"

#include "app/action_plans.h"
#include "app/monitoring_dashboard.h"
#include "app/monitoring_test_support.h"
#include "app/weekly_rag.h"
#include "store/monitoring_store.h"

namespace waymark::app::monitoring_testing {
namespace {

class DeteriorationAlertTest : public MonitoringTest {
 protected:
  // Confirms the pupil's week as `rag` (an override with a reason when it is not the proposal).
  void confirm(Date week, Rag rag) {
    today_ = week.plus_days(4);
    auto record = confirm_weekly_rag(*context_, teacher_, pupil_, week,
                                     RagConfirmation{rag, "Seen in lessons", ""});
    ASSERT_TRUE(record.ok()) << record.error().message;
  }
  std::size_t alerts() { return store_->connection().monitoring().alerts_of_pupil(pupil_).size(); }
};

TEST_F(DeteriorationAlertTest, FourAmberWeeksEitherSideOfHalfTermRaiseExactlyOneAlert) {
  confirm(monday(10, 6), Rag::Green);
  confirm(monday(10, 13), Rag::Amber);
  confirm(monday(10, 20), Rag::Red);
  // 27 October is half term: no RAG, and the run goes on.
  confirm(monday(11, 3), Rag::Amber);
  EXPECT_EQ(alerts(), 0u) << "three weeks is not more than three";
  confirm(monday(11, 10), Rag::Amber);
  ASSERT_EQ(alerts(), 1u);
  const auto alert = store_->connection().monitoring().alerts_of_pupil(pupil_).front();
  EXPECT_EQ(alert.run_started, monday(10, 13));
  EXPECT_EQ(alert.raised_week, monday(11, 10));
  EXPECT_EQ(alert.consecutive_weeks, 4);
  EXPECT_EQ(alert.commissioner_id, school_id_);
  EXPECT_EQ(alert.raised_on, Date::from_ymd(2025, 11, 14));
  // Confirming the same week again, and the next week, continue the same run: no new alert.
  confirm(monday(11, 10), Rag::Red);
  confirm(monday(11, 17), Rag::Amber);
  EXPECT_EQ(alerts(), 1u);
  bool audited = false;
  for (const auto& entry : store_->connection().audit_of_pupil(pupil_, 100))
    audited = audited || entry.entity == "deterioration_alert";
  EXPECT_TRUE(audited);
}

TEST_F(DeteriorationAlertTest, AMissingTeachingWeekBreaksTheRunAndANewRunAlertsAgain) {
  confirm(monday(9, 15), Rag::Amber);
  confirm(monday(9, 22), Rag::Amber);
  // 29 September: no RAG recorded in a teaching week.
  confirm(monday(10, 6), Rag::Amber);
  confirm(monday(10, 13), Rag::Amber);
  confirm(monday(10, 20), Rag::Amber);
  EXPECT_EQ(alerts(), 0u);
  confirm(monday(11, 3), Rag::Amber);
  EXPECT_EQ(alerts(), 1u);
  confirm(monday(11, 10), Rag::Green);
  confirm(monday(11, 17), Rag::Red);
  confirm(monday(11, 24), Rag::Red);
  confirm(monday(12, 1), Rag::Red);
  confirm(monday(12, 8), Rag::Red);
  EXPECT_EQ(alerts(), 2u) << "a second run after recovering is alerted again";
}

TEST_F(DeteriorationAlertTest, TheRuleIsConfigurable) {
  EXPECT_EQ(set_deterioration_rule(*context_, teacher_, {}).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(set_deterioration_rule(*context_, head_,
                                   DeteriorationRule{DeteriorationRule::Trigger::Red, 0})
                .error()
                .fields.front()
                .field,
            "weeks_more_than");
  ASSERT_TRUE(set_deterioration_rule(*context_, head_,
                                     DeteriorationRule{DeteriorationRule::Trigger::Red, 1})
                  .ok());
  EXPECT_EQ(get_deterioration_rule(*context_, auditor_)->trigger, DeteriorationRule::Trigger::Red);
  confirm(monday(11, 3), Rag::Amber);
  confirm(monday(11, 10), Rag::Red);
  EXPECT_EQ(alerts(), 0u) << "Amber does not count under the Red trigger";
  confirm(monday(11, 17), Rag::Red);
  EXPECT_EQ(alerts(), 1u);
  EXPECT_EQ(store_->connection().monitoring().alerts_of_pupil(pupil_).front().rule.weeks_more_than,
            1);
}

TEST_F(DeteriorationAlertTest, AMissingPlanBecomesOverdueAfterFiveSchoolDays) {
  for (Date week : {monday(10, 13), monday(10, 20), monday(11, 3), monday(11, 10)})
    confirm(week, Rag::Red);
  ASSERT_EQ(alerts(), 1u);                // raised on Friday 14 November
  today_ = Date::from_ymd(2025, 11, 20);  // four school days later
  auto alerts_now = deterioration_alerts(*context_, head_);
  ASSERT_TRUE(alerts_now.ok());
  ASSERT_EQ(alerts_now->size(), 1u);
  EXPECT_EQ(alerts_now->front().plan_state, PlanState::Missing);
  today_ = Date::from_ymd(2025, 11, 21);
  EXPECT_EQ(deterioration_alerts(*context_, head_)->front().plan_state, PlanState::MissingOverdue);
  auto overdue = overdue_action_plans(*context_, school_);
  ASSERT_TRUE(overdue.ok());
  EXPECT_EQ(overdue->overdue(), 1) << "the commissioning school sees the missing plan";
  EXPECT_EQ(deteriorating_pupils(*context_, school_)->size(), 1u);
  EXPECT_TRUE(deterioration_alerts(*context_, other_school_)->empty());
  EXPECT_EQ(pupil_deterioration_alerts(*context_, other_school_, pupil_).error().kind,
            ErrorKind::NotFound);

  ActionPlan plan;
  plan.alert_id = deterioration_alerts(*context_, head_)->front().alert.id;
  plan.actions = {PlanAction{"Daily check-in with key worker", head_.user_id, today_, false}};
  plan.review_date = Date::from_ymd(2025, 12, 5);
  ASSERT_TRUE(create_action_plan(*context_, head_, pupil_, plan).ok());
  EXPECT_EQ(deterioration_alerts(*context_, head_)->front().plan_state, PlanState::Open);
  EXPECT_EQ(overdue_action_plans(*context_, head_)->overdue(), 0);
  today_ = Date::from_ymd(2025, 12, 8);
  EXPECT_EQ(deterioration_alerts(*context_, head_)->front().plan_state, PlanState::ReviewOverdue);
  EXPECT_EQ(overdue_action_plans(*context_, head_)->overdue(), 1);
}

}  // namespace
}  // namespace waymark::app::monitoring_testing
