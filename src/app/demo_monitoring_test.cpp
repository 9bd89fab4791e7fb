// The demo's monitoring data: finished weeks rated, this week left to confirm, one pupil
// deteriorating with a plan, one whose plan is overdue, and updates sent to schools.
#include <gtest/gtest.h>

#include "app/demo.h"
#include "app/monitoring_dashboard.h"
#include "app/weekly_rag.h"
#include "store/monitoring_store.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app {
namespace {

using store::sqlite::testing::TempDir;

TEST(DemoMonitoring, RatesFinishedWeeksAndTellsTheTwoDeteriorationStories) {
  const Date today = Date::from_ymd(2025, 11, 19);
  TempDir dir;
  auto opened = store::sqlite::open(dir.file("demo.db"));
  ASSERT_TRUE(opened.ok());
  Context context{**opened,
                  Clock{[] { return std::int64_t{1'763'500'000}; }, [=] { return today; }}, ""};
  ASSERT_TRUE(seed_demo(context, today).ok());
  auto& db = (*opened)->connection();
  auto record = db.user_by_email("head@balance.example");
  const Actor head{record->user.id, record->user.organisation_id, OrgKind::Provider,
                   record->user.roles, "head"};

  auto this_week = rags_to_confirm(context, head);
  ASSERT_TRUE(this_week.ok());
  EXPECT_GT(this_week->pupils, 0);
  EXPECT_EQ(this_week->unconfirmed, this_week->pupils) << "this week is left to confirm";
  auto last_week = rag_week(context, head, today.plus_days(-7));
  ASSERT_TRUE(last_week.ok());
  EXPECT_EQ(last_week->unconfirmed(), 0);

  auto alerts = deteriorating_pupils(context, head);
  ASSERT_TRUE(alerts.ok());
  ASSERT_EQ(alerts->size(), 2u);
  int with_plan = 0, overdue = 0;
  for (const AlertView& alert : *alerts) {
    with_plan += alert.plan ? 1 : 0;
    overdue += alert.plan_state == PlanState::MissingOverdue ? 1 : 0;
  }
  EXPECT_EQ(with_plan, 1);
  EXPECT_EQ(overdue, 1);
  EXPECT_FALSE(db.monitoring().weekly_updates_of_provider(head.organisation_id).empty());
}

}  // namespace
}  // namespace waymark::app
