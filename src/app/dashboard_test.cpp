// The dashboards over the demo dataset: provider staff get their work cards, a school gets its
// pupils' cards, an account with no role is refused; finish_card orders and trims.
#include "app/dashboard.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "app/demo.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app {
namespace {

using store::sqlite::testing::TempDir;

constexpr std::int64_t kNow = 1'790'000'000;

class DashboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::open(dir_.file("demo.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    const Date today = Date::from_ymd(2026, 11, 20);
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[] { return kNow; }, [today] { return today; }}});
    ASSERT_TRUE(seed_demo(*context_, today).ok());
  }

  // The first active user of the first organisation of `kind` holding `role`.
  Actor actor(OrgKind kind, Role role) {
    auto& db = store_->connection();
    for (const Organisation& organisation : db.organisations()) {
      if (organisation.kind != kind) continue;
      for (const User& user : db.users_in(organisation.id))
        if (user.active && user.roles.has(role))
          return Actor{user.id, organisation.id, kind, user.roles, user.display_name};
    }
    ADD_FAILURE() << "no such demo user";
    return {};
  }

  static const DashboardCard* card(const Dashboard& dashboard, const std::string& key) {
    auto found = std::find_if(dashboard.cards.begin(), dashboard.cards.end(),
                              [&](const DashboardCard& card) { return card.key == key; });
    return found == dashboard.cards.end() ? nullptr : &*found;
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
};

TEST_F(DashboardTest, ProviderStaffSeeTheirWorkNotASchoolsCards) {
  auto dashboard = dashboard_for(*context_, actor(OrgKind::Provider, Role::Teacher));
  ASSERT_TRUE(dashboard.ok()) << dashboard.error().message;
  EXPECT_EQ(dashboard->today, Date::from_ymd(2026, 11, 20));
  const DashboardCard* due = card(*dashboard, "feedback_forms_due");
  ASSERT_NE(due, nullptr);
  EXPECT_EQ(due->href, "/feedback-forms/due");
  EXPECT_LE(due->items.size(), kDashboardItems);
  EXPECT_EQ(card(*dashboard, "feedback_forms_received"), nullptr);
}

TEST_F(DashboardTest, SchoolsSeeWhatTheyReceivedNotAProvidersWork) {
  auto dashboard = dashboard_for(*context_, actor(OrgKind::School, Role::Commissioner));
  ASSERT_TRUE(dashboard.ok()) << dashboard.error().message;
  EXPECT_NE(card(*dashboard, "feedback_forms_received"), nullptr);
  EXPECT_EQ(card(*dashboard, "feedback_forms_due"), nullptr);
}

TEST_F(DashboardTest, AnAccountWithNoRoleIsRefused) {
  Actor nobody = actor(OrgKind::Provider, Role::Teacher);
  nobody.roles = Roles{};
  auto dashboard = dashboard_for(*context_, nobody);
  ASSERT_FALSE(dashboard.ok());
  EXPECT_EQ(dashboard.error().kind, ErrorKind::Forbidden);
}

TEST(DashboardCard, FinishCountsEverythingListsUrgentFirstAndTrims) {
  DashboardCard card;
  for (int item_idx = 0; item_idx < 8; ++item_idx)
    card.items.push_back({.text = std::to_string(item_idx),
                          .href = "/",
                          .detail = "",
                          .date = std::nullopt,
                          .urgent = item_idx == 6 || item_idx == 7});
  finish_card(card);
  EXPECT_EQ(card.count, 8);
  EXPECT_EQ(card.urgent, 2);
  ASSERT_EQ(card.items.size(), kDashboardItems);
  EXPECT_EQ(card.items[0].text, "6");
  EXPECT_EQ(card.items[1].text, "7");
  EXPECT_EQ(card.items[2].text, "0");
}

}  // namespace
}  // namespace waymark::app
