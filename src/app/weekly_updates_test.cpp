// Weekly updates on a real SQLite store: one per commissioner per week, sent once, only when every
// RAG is confirmed; commissioners see what was sent to them and nothing else.
#include "app/weekly_updates.h"

#include "app/monitoring_dashboard.h"
#include "app/monitoring_test_support.h"
#include "app/weekly_rag.h"
#include "store/monitoring_store.h"

namespace waymark::app::monitoring_testing {
namespace {

using WeeklyUpdateTest = MonitoringTest;

TEST_F(WeeklyUpdateTest, SendOncePerSchoolAndWeekOnlyWhenConfirmed) {
  auto drafts = weekly_updates(*context_, teacher_, kToday);
  ASSERT_TRUE(drafts.ok()) << drafts.error().message;
  ASSERT_EQ(drafts->size(), 2u) << "one per commissioning school";
  EXPECT_EQ(drafts->front().commissioner_name, "Ashfield Academy");
  EXPECT_FALSE(drafts->front().sent);
  EXPECT_EQ(drafts->front().unconfirmed(), 1);

  auto early = send_weekly_update(*context_, teacher_, school_id_, kToday);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().fields.front().field, "week");
  ASSERT_TRUE(confirm_weekly_rag(*context_, teacher_, pupil_, kToday,
                                 RagConfirmation{std::nullopt, "", "Good week in maths"})
                  .ok());
  auto sent = send_weekly_update(*context_, teacher_, school_id_, kToday);
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_TRUE(sent->sent);
  EXPECT_EQ(sent->sent_by, teacher_.user_id);
  ASSERT_EQ(sent->lines.size(), 1u);
  EXPECT_EQ(sent->lines.front().comment, "Good week in maths");
  EXPECT_EQ(send_weekly_update(*context_, teacher_, school_id_, kToday).error().kind,
            ErrorKind::Conflict);
  EXPECT_EQ(send_weekly_update(*context_, school_, school_id_, kToday).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(send_weekly_update(*context_, teacher_, 999999, kToday).error().kind,
            ErrorKind::NotFound);
  bool audited = false;
  for (const auto& entry : store_->connection().audit_of_organisation(provider_id_, 50))
    audited = audited || entry.entity == "weekly_update";
  EXPECT_TRUE(audited);
}

TEST_F(WeeklyUpdateTest, SchoolsSeeSentUpdatesToThemOnly) {
  EXPECT_TRUE(weekly_updates(*context_, school_, std::nullopt)->empty());
  EXPECT_EQ(weekly_update(*context_, school_, school_id_, kToday).error().kind, ErrorKind::NotFound)
      << "not sent yet";
  ASSERT_TRUE(confirm_weekly_rag(*context_, teacher_, pupil_, kToday, {}).ok());
  ASSERT_TRUE(send_weekly_update(*context_, teacher_, school_id_, kToday).ok());
  auto seen = weekly_updates(*context_, school_, std::nullopt);
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ(seen->front().lines.front().pupil_id, pupil_);
  EXPECT_TRUE(weekly_update(*context_, school_, school_id_, kToday).ok());
  EXPECT_TRUE(weekly_updates(*context_, other_school_, std::nullopt)->empty());
  EXPECT_EQ(weekly_update(*context_, other_school_, school_id_, kToday).error().kind,
            ErrorKind::NotFound);
  // The school's history now holds the sent week; the latest-RAG dashboard list too.
  EXPECT_EQ(pupil_rag_history(*context_, school_, pupil_)->size(), 1u);
  auto latest = latest_sent_rags(*context_, school_);
  ASSERT_EQ(latest->size(), 1u);
  EXPECT_EQ(latest->front().week_start, monday(11, 10));
  // The provider's dashboard count: one of two pupils still to confirm.
  auto to_confirm = rags_to_confirm(*context_, teacher_);
  ASSERT_TRUE(to_confirm.ok());
  EXPECT_EQ(to_confirm->pupils, 2);
  EXPECT_EQ(to_confirm->unconfirmed, 1);
}

}  // namespace
}  // namespace waymark::app::monitoring_testing
