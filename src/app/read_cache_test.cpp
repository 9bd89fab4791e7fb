// The per-thread read caches (pupil profiles, API tokens) must never serve what another thread,
// connection or process has since changed.
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/demo.h"
#include "app/pupils.h"
#include "store/sqlite/sqlite_store.h"

namespace waymark::app {
namespace {

class ReadCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "waymark-cache-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    directory_ = pattern;
    store_ = std::move(store::sqlite::open((directory_ / "cache.db").string())).value();
    context_ = std::make_unique<Context>(Context{*store_});
    ASSERT_TRUE(seed_demo(*context_, Date::from_ymd(2025, 11, 20)).ok());
    auto record = store_->connection().user_by_email("head@balance.example");
    ASSERT_TRUE(record.has_value());
    head_ = actor_for_user(store_->connection(), record->user.id).value();
    PupilQuery query;
    query.limit = 1;
    pupil_id_ = list_pupils(*context_, head_, query).value().items.at(0).pupil.id;
  }
  void TearDown() override {
    context_.reset();
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }

  std::filesystem::path directory_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
  Actor head_;
  Id pupil_id_ = 0;
};

TEST_F(ReadCacheTest, ProfileReflectsAChangeMadeOnAnotherThread) {
  const bool before = pupil_profile(*context_, head_, pupil_id_).value().pupil.flags.looked_after;
  // Read twice so the second read comes from the cache.
  EXPECT_EQ(pupil_profile(*context_, head_, pupil_id_).value().pupil.flags.looked_after, before);
  std::thread writer([&] {
    auto changed = update_pupil(*context_, head_, pupil_id_, [&](Pupil& pupil, ErrorList&) {
      pupil.flags.looked_after = !before;
    });
    ASSERT_TRUE(changed.ok());
  });
  writer.join();
  EXPECT_EQ(pupil_profile(*context_, head_, pupil_id_).value().pupil.flags.looked_after, !before);
}

TEST_F(ReadCacheTest, ProfileReflectsAChangeMadeOnThisThread) {
  const std::string before = pupil_profile(*context_, head_, pupil_id_).value().pupil.medical_needs;
  ASSERT_TRUE(update_pupil(*context_, head_, pupil_id_, [](Pupil& pupil, ErrorList&) {
                pupil.medical_needs = "Hay fever";
              }).ok());
  EXPECT_EQ(pupil_profile(*context_, head_, pupil_id_).value().pupil.medical_needs, "Hay fever");
  EXPECT_NE(before, "Hay fever");
}

TEST_F(ReadCacheTest, CachedProfileStillChecksWhoIsAsking) {
  ASSERT_TRUE(pupil_profile(*context_, head_, pupil_id_).ok());
  auto record = store_->connection().user_by_email("admin@bridges.example");
  Actor other = actor_for_user(store_->connection(), record->user.id).value();
  if (!store_->connection().pupil_visible(
          pupil_id_, store::Visibility{OrgKind::Provider, other.organisation_id, false})) {
    EXPECT_EQ(pupil_profile(*context_, other, pupil_id_).error().kind, ErrorKind::NotFound);
  }
}

TEST_F(ReadCacheTest, RevokedTokenStopsWorkingAtOnceOnEveryThread) {
  auto created = create_api_token(*context_, head_, "cache test");
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(token_actor(*context_, created->token).ok());
  ASSERT_TRUE(token_actor(*context_, created->token).ok());  // now cached on this thread
  std::thread revoker(
      [&] { ASSERT_TRUE(revoke_api_token(*context_, head_, created->record.id).ok()); });
  revoker.join();
  auto after = token_actor(*context_, created->token);
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().kind, ErrorKind::Unauthenticated);
}

}  // namespace
}  // namespace waymark::app
