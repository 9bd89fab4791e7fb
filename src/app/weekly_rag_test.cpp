// Weekly RAG use cases on a real SQLite store: proposals from exit tickets, confirm and override,
// the quick confirm, rules, and who may read and write.
#include "app/weekly_rag.h"

#include "app/monitoring_test_support.h"
#include "store/monitoring_store.h"

namespace waymark::app::monitoring_testing {
namespace {

using WeeklyRagUseCaseTest = MonitoringTest;

const RagWeekRow* row_of(const RagWeek& week, Id pupil_id) {
  for (const RagWeekRow& row : week.rows)
    if (row.pupil_id == pupil_id) return &row;
  return nullptr;
}

TEST_F(WeeklyRagUseCaseTest, ProposalComparesTheWeeksTicketsWithThePupilsOwnPreviousThreeWeeks) {
  // The three weeks before 10 November (20 October to 9 November): 80%.
  add_ticket(pupil_, Date::from_ymd(2025, 10, 20), 8, "Fractions");
  add_ticket(pupil_, Date::from_ymd(2025, 11, 4), 8, "Ratio");
  add_ticket(pupil_, Date::from_ymd(2025, 10, 13), 2, "Too old to count");
  // This week: 55%, 25 points down.
  add_ticket(pupil_, Date::from_ymd(2025, 11, 10), 5, "Algebra");
  add_ticket(pupil_, Date::from_ymd(2025, 11, 12), 6, "Equations");
  auto week = rag_week(*context_, teacher_, kToday);
  ASSERT_TRUE(week.ok()) << week.error().message;
  EXPECT_EQ(week->week_start, monday(11, 10));
  ASSERT_EQ(week->rows.size(), 2u);
  EXPECT_EQ(week->rows[0].pupil_name, "Jones, Kim") << "rows by sort name";
  const RagWeekRow* row = row_of(*week, pupil_);
  ASSERT_NE(row, nullptr);
  EXPECT_DOUBLE_EQ(*row->evidence.exit_ticket_mean_percent, 55);
  EXPECT_DOUBLE_EQ(*row->evidence.previous_mean_percent, 80);
  EXPECT_EQ(row->proposal.rag, Rag::Red);
  ASSERT_FALSE(row->proposal.reasons.empty());
  EXPECT_FALSE(row->confirmed);
  EXPECT_TRUE(week->can_confirm);
  EXPECT_EQ(week->unconfirmed(), 2);
  // With nothing recorded, the proposal asks staff to look.
  EXPECT_EQ(row_of(*week, other_pupil_)->proposal.rag, Rag::Amber);
}

TEST_F(WeeklyRagUseCaseTest, ConfirmStoresWhoAndWhyAndAnOverrideNeedsAReason) {
  add_ticket(pupil_, Date::from_ymd(2025, 11, 3), 8, "Ratio");
  add_ticket(pupil_, Date::from_ymd(2025, 11, 10), 8, "Algebra");
  auto confirmed =
      confirm_weekly_rag(*context_, teacher_, pupil_, kToday,
                         RagConfirmation{std::nullopt, "", "Settled and working well"});
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().message;
  EXPECT_EQ(confirmed->proposed, Rag::Green);
  EXPECT_EQ(confirmed->confirmed, Rag::Green);
  EXPECT_EQ(confirmed->week_start, monday(11, 10));
  EXPECT_EQ(confirmed->confirmed_by, teacher_.user_id);
  EXPECT_EQ(confirmed->commissioner_id, school_id_);

  auto no_reason =
      confirm_weekly_rag(*context_, teacher_, pupil_, kToday, RagConfirmation{Rag::Red, "", ""});
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(no_reason.error().fields.front().field, "override_reason");

  auto overridden = confirm_weekly_rag(
      *context_, teacher_, pupil_, kToday,
      RagConfirmation{Rag::Amber, "Incident on the bus not yet logged", "A difficult week"});
  ASSERT_TRUE(overridden.ok()) << overridden.error().message;
  EXPECT_EQ(overridden->id, confirmed->id) << "one record per pupil and week";
  EXPECT_EQ(overridden->confirmed, Rag::Amber);
  EXPECT_EQ(overridden->override_reason, "Incident on the bus not yet logged");
  const auto audit = store_->connection().audit_of_pupil(pupil_, 10);
  ASSERT_GE(audit.size(), 2u);
  EXPECT_EQ(audit.front().entity, "weekly_rag");
  EXPECT_EQ(audit.front().action, "update");
  EXPECT_NE(audit.front().before_json, "");
}

TEST_F(WeeklyRagUseCaseTest, BadCommentsAndFutureWeeksAreRefused) {
  auto long_comment = confirm_weekly_rag(*context_, teacher_, pupil_, kToday,
                                         RagConfirmation{std::nullopt, "", std::string(201, 'x')});
  EXPECT_EQ(long_comment.error().fields.front().field, "comment");
  auto two_lines = confirm_weekly_rag(*context_, teacher_, pupil_, kToday,
                                      RagConfirmation{std::nullopt, "", "one\ntwo"});
  EXPECT_EQ(two_lines.error().fields.front().field, "comment");
  auto future =
      confirm_weekly_rag(*context_, teacher_, pupil_, kToday.plus_days(3), RagConfirmation{});
  EXPECT_EQ(future.error().fields.front().field, "week");
  EXPECT_EQ(rag_week(*context_, teacher_, kToday.plus_days(7)).error().kind, ErrorKind::Invalid);
  // Before the placement began there is nothing to rate.
  EXPECT_EQ(confirm_weekly_rag(*context_, teacher_, pupil_, Date::from_ymd(2025, 8, 25),
                               RagConfirmation{})
                .error()
                .kind,
            ErrorKind::NotFound);
}

TEST_F(WeeklyRagUseCaseTest, QuickConfirmTakesEveryOpenProposalOnce) {
  ASSERT_TRUE(confirm_weekly_rag(*context_, teacher_, pupil_, kToday,
                                 RagConfirmation{Rag::Green, "Seen in person", ""})
                  .ok());
  auto count = confirm_unchanged_rags(*context_, teacher_, kToday);
  ASSERT_TRUE(count.ok()) << count.error().message;
  EXPECT_EQ(*count, 1) << "only the pupil not yet confirmed";
  EXPECT_EQ(*confirm_unchanged_rags(*context_, teacher_, kToday), 0);
  auto week = rag_week(*context_, auditor_, kToday);
  ASSERT_TRUE(week.ok());
  EXPECT_EQ(week->unconfirmed(), 0);
  EXPECT_FALSE(week->can_confirm) << "auditors read only";
  EXPECT_EQ(row_of(*week, pupil_)->confirmed->confirmed, Rag::Green);
}

TEST_F(WeeklyRagUseCaseTest, TheWeekPagesSaveIsAllOrNone) {
  const std::vector<PupilRagConfirmation> rows = {
      {other_pupil_, RagConfirmation{std::nullopt, "", "Fine"}},
      {pupil_, RagConfirmation{Rag::Red, "", ""}},  // an override with no reason
  };
  auto refused = confirm_weekly_rags(*context_, teacher_, kToday, rows);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.front().field,
            "pupils[" + std::to_string(pupil_) + "].override_reason");
  EXPECT_EQ(rag_week(*context_, teacher_, kToday)->unconfirmed(), 2) << "nothing was saved";
  auto stranger = confirm_weekly_rags(*context_, teacher_, kToday, {{999999, {}}});
  EXPECT_EQ(stranger.error().fields.front().field, "pupils[999999]");
  std::vector<PupilRagConfirmation> fixed = rows;
  fixed[1].confirmation.override_reason = "Seen in lessons";
  ASSERT_EQ(*confirm_weekly_rags(*context_, teacher_, kToday, fixed), 2);
  EXPECT_EQ(rag_week(*context_, teacher_, kToday)->unconfirmed(), 0);
  EXPECT_EQ(confirm_weekly_rags(*context_, auditor_, kToday, fixed).error().kind,
            ErrorKind::Forbidden);
}

TEST_F(WeeklyRagUseCaseTest, WhoMayConfirmAndRead) {
  EXPECT_EQ(confirm_weekly_rag(*context_, auditor_, pupil_, kToday, {}).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(confirm_weekly_rag(*context_, school_, pupil_, kToday, {}).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(confirm_weekly_rag(*context_, other_school_, pupil_, kToday, {}).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(pupil_rag_history(*context_, other_school_, pupil_).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(confirm_unchanged_rags(*context_, school_, kToday).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(rag_week(*context_, school_, kToday).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(confirm_weekly_rag(*context_, teacher_, 999999, kToday, {}).error().kind,
            ErrorKind::NotFound);
}

TEST_F(WeeklyRagUseCaseTest, SchoolsSeeOnlyWhatWasSentInTheirHistory) {
  ASSERT_TRUE(confirm_weekly_rag(*context_, teacher_, pupil_, kToday, {}).ok());
  auto provider_view = pupil_rag_history(*context_, teacher_, pupil_);
  ASSERT_TRUE(provider_view.ok());
  EXPECT_EQ(provider_view->size(), 1u);
  auto school_view = pupil_rag_history(*context_, school_, pupil_);
  ASSERT_TRUE(school_view.ok());
  EXPECT_TRUE(school_view->empty()) << "confirmed but not yet sent";
}

TEST_F(WeeklyRagUseCaseTest, RulesAreSetByHeadsAndValidated) {
  RagRules rules;
  rules.exit_ticket_drop_amber = 5;
  EXPECT_EQ(set_rag_rules(*context_, teacher_, rules).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(set_rag_rules(*context_, school_, rules).error().kind, ErrorKind::Forbidden);
  RagRules bad = rules;
  bad.attendance_red_below = 0.95;  // above the amber threshold
  EXPECT_EQ(set_rag_rules(*context_, head_, bad).error().kind, ErrorKind::Invalid);
  ASSERT_TRUE(set_rag_rules(*context_, head_, rules).ok());
  EXPECT_DOUBLE_EQ(get_rag_rules(*context_, teacher_)->exit_ticket_drop_amber, 5);
  // A 6-point drop is now Amber.
  add_ticket(pupil_, Date::from_ymd(2025, 11, 3), 8, "Ratio");
  add_ticket(pupil_, Date::from_ymd(2025, 11, 10), 7.4, "Algebra");
  auto week = rag_week(*context_, teacher_, kToday);
  EXPECT_EQ(row_of(*week, pupil_)->proposal.rag, Rag::Amber);
  EXPECT_EQ(get_rag_rules(*context_, school_).error().kind, ErrorKind::Forbidden);
}

}  // namespace
}  // namespace waymark::app::monitoring_testing
