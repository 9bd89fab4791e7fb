// The pupil timeline over the demo dataset: the provider sees one chronological list with charts;
// another organisation's pupil is NotFound.
#include "app/timeline.h"

#include <optional>

#include <gtest/gtest.h>

#include <set>

#include "app/demo.h"
#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app {
namespace {

using store::sqlite::testing::TempDir;

constexpr std::int64_t kNow = 1'790'000'000;

class TimelineTest : public ::testing::Test {
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

  static Actor actor_of(const Organisation& organisation) {
    return Actor{0, organisation.id, organisation.kind, Roles{Role::Admin}, "T"};
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
};

TEST_F(TimelineTest, ProviderSeesOneChronologicalListAndCharts) {
  auto& db = store_->connection();
  for (const Organisation& provider : db.organisations()) {
    if (provider.kind != OrgKind::Provider) continue;
    store::PupilFilter filter;
    filter.limit = 8;
    // The demo gives every placed pupil a half term of data; some pupils are only referred, so
    // each provider must have pupils with every kind of entry, not every pupil.
    std::set<TimelineKind> kinds;
    int with_entries = 0;
    for (const Pupil& pupil : db.pupils({OrgKind::Provider, provider.id, false}, filter).pupils) {
      Result<Timeline> timeline = pupil_timeline(*context_, actor_of(provider), pupil.id);
      ASSERT_TRUE(timeline.ok()) << timeline.error().message;
      for (std::size_t entry_idx = 1; entry_idx < timeline->entries.size(); ++entry_idx)
        EXPECT_LE(timeline->entries[entry_idx - 1].date, timeline->entries[entry_idx].date);
      for (const TimelineEntry& entry : timeline->entries) kinds.insert(entry.kind);
      if (!timeline->entries.empty()) ++with_entries;
      for (const SubjectProgress& subject : timeline->subjects) {
        EXPECT_FALSE(subject.subject.empty());
        EXPECT_FALSE(subject.ticks.empty()) << subject.subject;
      }
    }
    EXPECT_GE(with_entries, 3) << provider.name;
    EXPECT_EQ(kinds.size(), 4u) << provider.name << ": baselines, targets, exit tickets, forms";
  }
}

TEST_F(TimelineTest, AnotherOrganisationsPupilIsNotFound) {
  auto& db = store_->connection();
  int refused = 0;
  for (const Organisation& provider : db.organisations()) {
    if (provider.kind != OrgKind::Provider) continue;
    // A pupil whose only placement is at this provider: no other provider can see them.
    std::optional<Id> only_here;
    for (const Pupil& pupil : db.pupils({OrgKind::Provider, provider.id, false}, {}).pupils) {
      const std::vector<Placement> placements = db.placements_of(pupil.id);
      if (placements.size() == 1 && placements.front().provider_id == provider.id) {
        only_here = pupil.id;
        break;
      }
    }
    ASSERT_TRUE(only_here) << provider.name << " has a pupil placed nowhere else";
    ASSERT_TRUE(pupil_timeline(*context_, actor_of(provider), *only_here).ok());
    for (const Organisation& other : db.organisations()) {
      if (other.kind != OrgKind::Provider || other.id == provider.id) continue;
      Result<Timeline> timeline = pupil_timeline(*context_, actor_of(other), *only_here);
      ASSERT_FALSE(timeline.ok());
      EXPECT_EQ(timeline.error().kind, ErrorKind::NotFound);
      ++refused;
    }
  }
  EXPECT_GT(refused, 0);
  EXPECT_EQ(pupil_timeline(*context_, actor_of(db.organisations().front()), 999'999).error().kind,
            ErrorKind::NotFound);
}

TEST(TimelineKindLabel, NamesEveryKind) {
  EXPECT_STREQ(label(TimelineKind::Baseline), "Baseline");
  EXPECT_STREQ(label(TimelineKind::ExitTicket), "Exit ticket");
  EXPECT_STREQ(label(TimelineKind::FeedbackForm), "Feedback form");
  EXPECT_STREQ(label(TimelineKind::Target), "Target");
}

}  // namespace
}  // namespace waymark::app
