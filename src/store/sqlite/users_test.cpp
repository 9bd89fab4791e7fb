// Organisations, users, sessions, API tokens and the sign-in throttle through the SQLite store.
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_test_support.h"

namespace waymark::store::sqlite {
namespace {

using testing::SqliteStoreTest;

User make_user(Id organisation_id, const std::string& email, const std::string& name) {
  User user;
  user.organisation_id = organisation_id;
  user.email = email;
  user.display_name = name;
  user.roles = {Role::Teacher, Role::Commissioner};
  return user;
}

TEST_F(SqliteStoreTest, OrganisationsRoundTrip) {
  Id la = add_organisation(OrgKind::LocalAuthority, "Bristol");
  Organisation school;
  school.kind = OrgKind::School;
  school.name = "Brook School";
  school.urn = "123456";
  school.la_code = 801;
  school.establishment_number = 4001;
  school.local_authority_id = la;
  school.id = db().insert_organisation(school);

  auto read = db().organisation(school.id);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->kind, OrgKind::School);
  EXPECT_EQ(read->urn, "123456");
  EXPECT_EQ(read->dfe_number(), "801/4001");
  EXPECT_EQ(read->local_authority_id, la);
  EXPECT_FALSE(read->registered);
  EXPECT_EQ(db().organisation_by_urn("123456")->id, school.id);
  EXPECT_FALSE(db().organisation_by_urn("654321").has_value());
  EXPECT_FALSE(db().organisation(999).has_value());
  EXPECT_EQ(db().organisation(la)->local_authority_id, 0);

  school.name = "Brook Academy";
  school.urn.reset();
  db().update_organisation(school);
  EXPECT_EQ(db().organisation(school.id)->name, "Brook Academy");
  EXPECT_FALSE(db().organisation(school.id)->urn.has_value());
  auto all = db().organisations();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "Bristol");  // by name
}

TEST_F(SqliteStoreTest, UsersAreFoundByEmailInAnyCaseAndEmailsAreUnique) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  auto id = db().insert_user(make_user(school, " Ann.Teacher@Example.org ", "Ann"), "hash-1");
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto record = db().user_by_email("ANN.teacher@example.org");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->user.id, *id);
  EXPECT_EQ(record->user.email, "ann.teacher@example.org");
  EXPECT_EQ(record->user.roles, (Roles{Role::Teacher, Role::Commissioner}));
  EXPECT_TRUE(record->user.active);
  EXPECT_EQ(record->password_hash, "hash-1");

  auto taken = db().insert_user(make_user(school, "ann.teacher@example.org", "Other Ann"), "x");
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(taken.error().fields.at(0).field, "email");
  EXPECT_EQ(taken.error().fields.at(0).reason, "another user already has this email");

  auto bob = db().insert_user(make_user(school, "bob@example.org", "Bob"), "hash-2");
  ASSERT_TRUE(bob.ok());
  User changed = *db().user(*bob);
  changed.email = "ANN.TEACHER@example.org";
  auto clash = db().update_user(changed);
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().fields.at(0).field, "email");

  changed.email = "robert@example.org";
  changed.display_name = "Robert";
  changed.roles = {Role::Admin};
  changed.active = false;
  ASSERT_TRUE(db().update_user(changed).ok());
  User read = *db().user(*bob);
  EXPECT_EQ(read.email, "robert@example.org");
  EXPECT_EQ(read.roles, Roles{Role::Admin});
  EXPECT_FALSE(read.active);
  db().set_password_hash(*bob, "hash-3");
  EXPECT_EQ(db().user_by_email("robert@example.org")->password_hash, "hash-3");

  auto users = db().users_in(school);
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0].display_name, "Ann");
  EXPECT_EQ(users[1].display_name, "Robert");

  changed.id = 999;
  changed.email = "ghost@example.org";
  auto missing = db().update_user(changed);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
  EXPECT_FALSE(db().user(999).has_value());
}

TEST_F(SqliteStoreTest, SessionsAreStoredByHashAndExpire) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  Id user = *db().insert_user(make_user(school, "ann@example.org", "Ann"), "hash");
  db().insert_session("hash-a", SessionRecord{user, "csrf-a", 100}, 10);
  db().insert_session("hash-b", SessionRecord{user, "csrf-b", 200}, 10);
  auto session = db().session("hash-a");
  ASSERT_TRUE(session.has_value());
  EXPECT_EQ(session->user_id, user);
  EXPECT_EQ(session->csrf_token, "csrf-a");
  EXPECT_EQ(session->expires_at, 100);

  db().delete_expired_sessions(100);
  EXPECT_FALSE(db().session("hash-a").has_value());
  EXPECT_TRUE(db().session("hash-b").has_value());
  db().delete_session("hash-b");
  EXPECT_FALSE(db().session("hash-b").has_value());
  db().insert_session("hash-c", SessionRecord{user, "csrf-c", 300}, 10);
  db().delete_sessions_of(user);
  EXPECT_FALSE(db().session("hash-c").has_value());
}

TEST_F(SqliteStoreTest, ApiTokensAreListedNewestFirstAndRevokedOnlyByTheirOwner) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  Id ann = *db().insert_user(make_user(school, "ann@example.org", "Ann"), "hash");
  Id bob = *db().insert_user(make_user(school, "bob@example.org", "Bob"), "hash");
  ApiTokenRecord token{.id = 0,
                       .user_id = ann,
                       .name = "MIS sync",
                       .prefix = "wm_abc",
                       .created_at = 50,
                       .last_used_at = std::nullopt,
                       .revoked_at = std::nullopt};
  Id older = db().insert_api_token(token, "token-hash-1");
  token.name = "Reports";
  token.created_at = 60;
  Id newer = db().insert_api_token(token, "token-hash-2");

  auto found = db().api_token_by_hash("token-hash-1");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, older);
  EXPECT_EQ(found->name, "MIS sync");
  EXPECT_FALSE(found->last_used_at.has_value());
  auto listed = db().api_tokens_of(ann);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, newer);

  db().touch_api_token(older, 70);
  EXPECT_EQ(db().api_token_by_hash("token-hash-1")->last_used_at, 70);
  EXPECT_FALSE(db().revoke_api_token(older, bob, 80));
  EXPECT_TRUE(db().revoke_api_token(older, ann, 80));
  EXPECT_FALSE(db().revoke_api_token(older, ann, 90));  // already revoked
  EXPECT_EQ(db().api_token_by_hash("token-hash-1")->revoked_at, 80);
  EXPECT_FALSE(db().api_token_by_hash("unknown").has_value());
}

TEST_F(SqliteStoreTest, TheThrottleIsWrittenOverAndCleared) {
  EXPECT_FALSE(db().throttle("account:ann@example.org").has_value());
  db().put_throttle("account:ann@example.org", ThrottleRecord{1, 100, 0});
  db().put_throttle("account:ann@example.org", ThrottleRecord{5, 160, 1060});
  auto record = db().throttle("account:ann@example.org");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->failures, 5);
  EXPECT_EQ(record->last_failure_at, 160);
  EXPECT_EQ(record->locked_until, 1060);
  db().clear_throttle("account:ann@example.org");
  EXPECT_FALSE(db().throttle("account:ann@example.org").has_value());
}

}  // namespace
}  // namespace waymark::store::sqlite
