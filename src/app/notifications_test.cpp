// notify_organisation and the inbox against a real SQLite store: who is notified (roles, active,
// organisation, who may see the pupil), what the email carries, and reading one's own
// notifications.
#include "app/notifications.h"

#include <gtest/gtest.h>

#include "store/notification_store.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app {
namespace {

constexpr std::int64_t kNow = 1'762'300'000;

class NotificationsTest : public store::sqlite::testing::SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    provider_ = add_organisation(OrgKind::Provider, "Provider");
    school_ = add_organisation(OrgKind::School, "School");
    other_school_ = add_organisation(OrgKind::School, "Other school");
    admin_ = add_user(provider_, "admin@p.example", Roles{Role::Admin});
    teacher_ = add_user(provider_, "teacher@p.example", Roles{Role::Teacher});
    head_ = add_user(provider_, "head@p.example", Roles{Role::Head, Role::Teacher});
    inactive_ = add_user(provider_, "gone@p.example", Roles{Role::Teacher}, false);
    school_admin_ = add_user(school_, "admin@s.example", Roles{Role::Admin});
    other_admin_ = add_user(other_school_, "admin@o.example", Roles{Role::Admin});
    pupil_ = add_pupil("Ada", "Lovelace", 1);
    place(pupil_, provider_, school_, PlacementStatus::Active);
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[] { return kNow; }, [] { return Date::from_ymd(2025, 11, 5); }}});
  }

  Id add_user(Id organisation_id, const std::string& email, Roles roles, bool active = true) {
    User user;
    user.organisation_id = organisation_id;
    user.email = email;
    user.display_name = email;
    user.roles = roles;
    user.active = active;
    auto id = db().insert_user(user, "hash");
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  }

  Actor actor(Id user_id) {
    auto user = db().user(user_id);
    auto organisation = db().organisation(user->organisation_id);
    return Actor{user->id, organisation->id, organisation->kind, user->roles, user->display_name};
  }

  std::vector<store::NotificationRecord> of(Id user_id) {
    return db().notifications().notifications_of(user_id, store::NotificationStore::Which::All, 100,
                                                 0);
  }

  Notice notice(std::optional<Id> pupil_id = std::nullopt) {
    return Notice{"attendance.unexplained_absence", "Ada Lovelace: unexplained absence (N)",
                  "Marked N this morning.", "/pupils/1/attendance", pupil_id};
  }

  std::unique_ptr<Context> context_;
  Id provider_ = 0, school_ = 0, other_school_ = 0;
  Id admin_ = 0, teacher_ = 0, head_ = 0, inactive_ = 0, school_admin_ = 0, other_admin_ = 0;
  Id pupil_ = 0;
};

TEST_F(NotificationsTest, NotifiesActiveUsersHoldingARole) {
  auto notified =
      notify_organisation(db(), kNow, provider_, Roles{Role::Head, Role::Admin}, notice());
  ASSERT_TRUE(notified.ok()) << notified.error().message;
  EXPECT_EQ(*notified, 2);
  EXPECT_EQ(of(admin_).size(), 1u);
  EXPECT_EQ(of(head_).size(), 1u);
  EXPECT_TRUE(of(teacher_).empty());
  EXPECT_TRUE(of(inactive_).empty());
  EXPECT_TRUE(of(school_admin_).empty());
  EXPECT_TRUE(of(other_admin_).empty());
  EXPECT_EQ(db().notifications().outbox_counts(provider_).queued, 2);
  EXPECT_EQ(db().notifications().outbox_counts(school_).queued, 0);
}

TEST_F(NotificationsTest, EmptyRolesNotifyEveryActiveUserButTheInactive) {
  auto notified = notify_organisation(db(), kNow, provider_, Roles{}, notice());
  ASSERT_TRUE(notified.ok());
  EXPECT_EQ(*notified, 3);
  EXPECT_TRUE(of(inactive_).empty());
}

TEST_F(NotificationsTest, TheEmailNamesNoPupilAndCarriesAStableMessageId) {
  ASSERT_TRUE(notify_organisation(db(), kNow, school_, Roles{}, notice(pupil_)).ok());
  auto queued = db().notifications().outbox_messages(school_, store::OutboxStatus::Queued, 10);
  ASSERT_EQ(queued.size(), 1u);
  const auto& message = queued.front();
  EXPECT_EQ(message.recipient, "admin@s.example");
  EXPECT_EQ(message.subject, kEmailSubject);
  EXPECT_EQ(message.body.find("Ada"), std::string::npos);
  EXPECT_EQ(message.subject.find("Ada"), std::string::npos);
  EXPECT_EQ(message.link, "/pupils/1/attendance");
  EXPECT_EQ(message.next_attempt_at, kNow);
  EXPECT_EQ(message.message_id.front(), '<');
  EXPECT_NE(message.message_id.find('@'), std::string::npos);
  // The in-app notification keeps the whole notice.
  auto records = of(school_admin_);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records.front().subject, "Ada Lovelace: unexplained absence (N)");
  EXPECT_EQ(records.front().pupil_id, pupil_);
  EXPECT_EQ(message.notification_id, records.front().id);
}

TEST_F(NotificationsTest, OnlyUsersWhoMaySeeThePupilAreNotified) {
  auto notified = notify_organisation(db(), kNow, other_school_, Roles{}, notice(pupil_));
  ASSERT_TRUE(notified.ok());
  EXPECT_EQ(*notified, 0);
  EXPECT_TRUE(of(other_admin_).empty());
}

TEST_F(NotificationsTest, RefusesABadNoticeOrOrganisation) {
  Notice bad = notice();
  bad.topic.clear();
  bad.subject.clear();
  bad.link = "https://elsewhere.example/";
  auto refused = notify_organisation(db(), kNow, provider_, Roles{}, bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(refused.error().fields.size(), 3u);
  bad = notice();
  bad.link = "//elsewhere.example/";
  EXPECT_FALSE(notify_organisation(db(), kNow, provider_, Roles{}, bad).ok());
  bad.link = "/\\elsewhere.example/";
  EXPECT_FALSE(notify_organisation(db(), kNow, provider_, Roles{}, bad).ok());
  auto missing = notify_organisation(db(), kNow, 9999, Roles{}, notice());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
  EXPECT_EQ(notify_user(db(), kNow, 9999, notice()).error().kind, ErrorKind::NotFound);
}

TEST_F(NotificationsTest, InsideARolledBackTransactionNothingIsNotified) {
  db().begin();
  ASSERT_TRUE(notify_organisation(db(), kNow, provider_, Roles{}, notice()).ok());
  db().rollback();
  EXPECT_TRUE(of(admin_).empty());
  EXPECT_EQ(db().notifications().outbox_counts(provider_).queued, 0);
}

TEST_F(NotificationsTest, UsersListAndMarkOnlyTheirOwn) {
  ASSERT_TRUE(notify_organisation(db(), kNow, provider_, Roles{}, notice()).ok());
  ASSERT_TRUE(notify_organisation(db(), kNow + 1, provider_, Roles{}, notice()).ok());
  const Actor teacher = actor(teacher_);
  auto list = list_notifications(*context_, teacher, UnreadOnly::No, 10, 0);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 2u);
  EXPECT_EQ(list->unread, 2);
  EXPECT_GT(list->items[0].id, list->items[1].id);  // newest first
  EXPECT_EQ(unread_notification_count(*context_, teacher), 2);

  // Another user's notification answers NotFound, like one that does not exist.
  const Id admins = of(admin_).front().id;
  EXPECT_EQ(mark_notification_read(*context_, teacher, admins).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(mark_notification_read(*context_, teacher, 99999).error().kind, ErrorKind::NotFound);

  auto read = mark_notification_read(*context_, teacher, list->items[0].id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->read_at, kNow);
  EXPECT_EQ(unread_notification_count(*context_, teacher), 1);
  auto unread = list_notifications(*context_, teacher, UnreadOnly::Yes, 10, 0);
  ASSERT_EQ(unread->items.size(), 1u);
  EXPECT_EQ(unread->items[0].id, list->items[1].id);

  auto all = mark_all_notifications_read(*context_, teacher);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, 1);
  EXPECT_EQ(unread_notification_count(*context_, teacher), 0);
  EXPECT_EQ(unread_notification_count(*context_, actor(admin_)), 2);
}

TEST_F(NotificationsTest, ListRefusesABadWindow) {
  const Actor teacher = actor(teacher_);
  auto refused = list_notifications(*context_, teacher, UnreadOnly::No, 0, -1);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.size(), 2u);
  EXPECT_FALSE(list_notifications(*context_, teacher, UnreadOnly::No, 201, 0).ok());
}

TEST_F(NotificationsTest, ANoticeAboutAPupilNoLongerVisibleIsHidden) {
  ASSERT_TRUE(notify_user(db(), kNow, other_admin_, notice(pupil_)).ok());
  const Actor other = actor(other_admin_);
  auto list = list_notifications(*context_, other, UnreadOnly::No, 10, 0);
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->items.empty());
  EXPECT_EQ(mark_notification_read(*context_, other, of(other_admin_).front().id).error().kind,
            ErrorKind::NotFound);
}

TEST_F(NotificationsTest, OnlyAdminsSendATestNotice) {
  EXPECT_EQ(send_test_notice(*context_, actor(teacher_)).error().kind, ErrorKind::Forbidden);
  auto queued = send_test_notice(*context_, actor(admin_));
  ASSERT_TRUE(queued.ok());
  auto message = db().notifications().outbox_message(*queued);
  ASSERT_TRUE(message);
  EXPECT_EQ(message->recipient, "admin@p.example");
  EXPECT_EQ(of(admin_).size(), 1u);
  EXPECT_TRUE(of(head_).empty());
  auto audit = db().audit_of_organisation(provider_, 10);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front().entity, "test_notice");
}

}  // namespace
}  // namespace waymark::app
