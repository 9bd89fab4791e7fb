// The dashboards over the demo dataset: provider staff get their work cards, a school gets its
// pupils' cards, an account with no role is refused; finish_card orders and trims.
#include "app/dashboard.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "app/demo.h"
#include "app/notifications.h"
#include "app/visibility.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app {
namespace {

using store::sqlite::testing::TempDir;

constexpr std::int64_t kNow = 1'790'000'000;  // 14:13 UTC: both of today's sessions have begun

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

  // Keys of the cards, for messages.
  static std::string keys(const Dashboard& dashboard) {
    std::string keys;
    for (const DashboardCard& card : dashboard.cards) keys += card.key + " ";
    return keys;
  }

  // Every card of `dashboard` is present with at least one item, for the demo's worked examples.
  static void expect_counted(const Dashboard& dashboard, const std::vector<std::string>& keys_) {
    for (const std::string& key : keys_) {
      const DashboardCard* found = card(dashboard, key);
      ASSERT_NE(found, nullptr) << key << " not in " << keys(dashboard);
      EXPECT_GT(found->count, 0) << key;
      EXPECT_FALSE(found->items.empty()) << key;
      EXPECT_LE(found->urgent, found->count) << key;
    }
  }

  // Each pupil named by an item's link is one the actor may see.
  void expect_only_visible_pupils(const Dashboard& dashboard, const Actor& actor) {
    static const std::regex pupil_link("^/pupils/([0-9]+)/");
    for (const DashboardCard& card : dashboard.cards)
      for (const DashboardItem& item : card.items) {
        std::smatch match;
        if (!std::regex_search(item.href, match, pupil_link)) continue;
        EXPECT_TRUE(
            require_visible_pupil(store_->connection(), actor, std::stoll(match[1].str())).ok())
            << card.key << ": " << item.href;
      }
  }

  // Every active user of every organisation of `kind`, with any role.
  std::vector<Actor> actors(OrgKind kind) {
    std::vector<Actor> found;
    auto& db = store_->connection();
    for (const Organisation& organisation : db.organisations()) {
      if (organisation.kind != kind) continue;
      for (const User& user : db.users_in(organisation.id))
        if (user.active && !user.roles.empty())
          found.push_back(Actor{user.id, organisation.id, kind, user.roles, user.display_name});
    }
    return found;
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

TEST_F(DashboardTest, ATeacherSeesRegistersCallsRagsAndDeterioratingPupils) {
  const Actor teacher = actor(OrgKind::Provider, Role::Teacher);
  auto dashboard = dashboard_for(*context_, teacher);
  ASSERT_TRUE(dashboard.ok()) << dashboard.error().message;
  expect_counted(*dashboard,
                 {"registers_not_taken", "calls_due", "rags_to_confirm", "deteriorating_pupils",
                  "action_plans_overdue", "incidents_this_week"});
  EXPECT_NE(card(*dashboard, "notifications"), nullptr);
  const DashboardCard* registers = card(*dashboard, "registers_not_taken");
  EXPECT_EQ(registers->urgent, registers->count);  // after 13:30 both sessions have begun
  EXPECT_TRUE(registers->items.front().href.starts_with("/registers/2026-11-20/"))
      << registers->items.front().href;
  EXPECT_EQ(card(*dashboard, "calls_unassigned"), nullptr);  // heads and admins only
  EXPECT_EQ(card(*dashboard, "latest_rag"), nullptr);
  EXPECT_TRUE(dashboard->series.empty());
  expect_only_visible_pupils(*dashboard, teacher);
}

TEST_F(DashboardTest, AHeadAlsoSeesTheCallsNoKeyWorkerOwnsAndEveryUnreadNotification) {
  const Actor head = actor(OrgKind::Provider, Role::Head);
  auto dashboard = dashboard_for(*context_, head);
  ASSERT_TRUE(dashboard.ok()) << dashboard.error().message;
  const DashboardCard* notices = card(*dashboard, "notifications");
  ASSERT_NE(notices, nullptr);
  EXPECT_EQ(notices->count, unread_notification_count(*context_, head));
  EXPECT_LE(notices->items.size(), kDashboardItems);
  EXPECT_EQ(notices->items.size(), std::min<std::size_t>(notices->count, kDashboardItems));
  ASSERT_NE(card(*dashboard, "calls_unassigned"), nullptr) << keys(*dashboard);
  for (const DashboardItem& item : card(*dashboard, "calls_unassigned")->items)
    EXPECT_TRUE(item.href.ends_with("/contact-log")) << item.href;
}

TEST_F(DashboardTest, RegistersAreNotUrgentBeforeTheirSessionBegins) {
  const Date today = context_->clock.today();
  context_->clock.now_seconds = [] { return (kNow / 86'400) * 86'400 + 8 * 3600; };  // 08:00
  auto dashboard = dashboard_for(*context_, actor(OrgKind::Provider, Role::Teacher));
  ASSERT_TRUE(dashboard.ok());
  const DashboardCard* registers = card(*dashboard, "registers_not_taken");
  ASSERT_NE(registers, nullptr);
  EXPECT_GT(registers->count, 0);
  EXPECT_EQ(registers->urgent, 0);
  EXPECT_EQ(context_->clock.today(), today);
}

TEST_F(DashboardTest, AProviderAuditorReadsButHasNoWorkCards) {
  const Actor auditor = actor(OrgKind::Provider, Role::Auditor);
  auto dashboard = dashboard_for(*context_, auditor);
  ASSERT_TRUE(dashboard.ok()) << dashboard.error().message;
  for (const char* key : {"registers_not_taken", "calls_due", "calls_unassigned", "rags_to_confirm",
                          "feedback_forms_due"})
    EXPECT_EQ(card(*dashboard, key), nullptr) << key;
  EXPECT_NE(card(*dashboard, "notifications"), nullptr);
  expect_only_visible_pupils(*dashboard, auditor);
}

TEST_F(DashboardTest, ASchoolSeesItsPupilsAttendanceRagsAndAChart) {
  const Actor school = actor(OrgKind::School, Role::Commissioner);
  auto dashboard = dashboard_for(*context_, school);
  ASSERT_TRUE(dashboard.ok()) << dashboard.error().message;
  expect_counted(*dashboard, {"attendance_this_week", "latest_rag"});
  for (const char* key : {"deteriorating_pupils", "notifications"})
    EXPECT_NE(card(*dashboard, key), nullptr) << key;
  for (const char* key :
       {"registers_not_taken", "calls_due", "rags_to_confirm", "incidents_this_week"})
    EXPECT_EQ(card(*dashboard, key), nullptr) << key;
  ASSERT_EQ(dashboard->series.size(), 1u);
  const DashboardSeries& chart = dashboard->series.front();
  EXPECT_EQ(chart.key, "attendance_by_day");
  ASSERT_FALSE(chart.points.empty());
  std::set<Date> days;
  for (const DashboardPoint& point : chart.points) {
    EXPECT_GE(point.value, 0);
    EXPECT_LE(point.value, 100);
    EXPECT_GE(point.date, Date::from_ymd(2026, 10, 26));  // the Monday four weeks back
    EXPECT_LE(point.date, Date::from_ymd(2026, 11, 20));
    EXPECT_TRUE(days.insert(point.date).second);
  }
  expect_only_visible_pupils(*dashboard, school);
}

TEST_F(DashboardTest, NoSchoolOrAuthorityIsShownAnotherOrganisationsPupils) {
  int checked = 0;
  for (OrgKind kind : {OrgKind::School, OrgKind::LocalAuthority, OrgKind::Provider})
    for (const Actor& someone : actors(kind)) {
      auto dashboard = dashboard_for(*context_, someone);
      ASSERT_TRUE(dashboard.ok()) << someone.display_name << ": " << dashboard.error().message;
      expect_only_visible_pupils(*dashboard, someone);
      ++checked;
    }
  EXPECT_GT(checked, 5);
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
