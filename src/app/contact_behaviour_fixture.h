// Test support for the contact and behaviour use case tests (included only by *_test.cpp): a real
// SQLite store seeded with the demo, the demo's actors, and pupils placed at Balance now.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "app/demo.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app::contact_testing {

inline const Date kToday = Date::from_ymd(2025, 11, 5);
inline constexpr std::int64_t kNow = 1'762'300'000;

class ContactBehaviourTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::open(dir_.file("demo.db"));
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[] { return kNow; }, [] { return kToday; }}, ""});
    ASSERT_TRUE(seed_demo(*context_, kToday).ok());
    teacher_ = actor("teacher@balance.example");
    maths_ = actor("maths@balance.example");
    admin_ = actor("admin@balance.example");
    head_ = actor("head@balance.example");
    auditor_ = actor("auditor@balance.example");
    bridges_ = actor("admin@bridges.example");
    auto& db = store_->connection();
    const store::Visibility at_balance{OrgKind::Provider, admin_.organisation_id, false};
    for (const Pupil& pupil : db.pupils(at_balance, {}).pupils)
      for (const Placement& placement : db.placements_of(pupil.id))
        if (placement.provider_id == admin_.organisation_id && placement.current_on(kToday) &&
            placement.start_date && !db.pupil(pupil.id)->contacts.empty() &&
            db.placements_of(pupil.id).size() == 1)  // so one agreement decides what is shared
          placements_.push_back(placement);
    ASSERT_GE(placements_.size(), 3u);
    // School-commissioned placements first: school_ below is the first one's commissioner.
    std::stable_partition(placements_.begin(), placements_.end(), [&](const Placement& placement) {
      return db.organisation(placement.commissioner_id)->kind == OrgKind::School;
    });
    ASSERT_EQ(db.organisation(placements_[0].commissioner_id)->kind, OrgKind::School);
    for (const Organisation& organisation : db.organisations())
      if (organisation.kind == OrgKind::School &&
          organisation.id != placements_[0].commissioner_id && other_school_.organisation_id == 0)
        other_school_ = Actor{0, organisation.id, OrgKind::School, Roles{Role::Admin}, "x"};
    school_ =
        Actor{0, placements_[0].commissioner_id, OrgKind::School, Roles{Role::Commissioner}, "s"};
  }

  Actor actor(const std::string& email) {
    auto record = store_->connection().user_by_email(email);
    auto organisation = store_->connection().organisation(record->user.organisation_id);
    return Actor{record->user.id, organisation->id, organisation->kind, record->user.roles, email};
  }

  // A pupil placed at Balance now, with contacts; index into the found placements.
  Id pupil(std::size_t index = 0) const { return placements_.at(index).pupil_id; }
  // A pupil placed at Bridges and not at Balance.
  Id bridges_pupil() {
    auto& db = store_->connection();
    const store::Visibility at_bridges{OrgKind::Provider, bridges_.organisation_id, false};
    const store::Visibility at_balance{OrgKind::Provider, admin_.organisation_id, false};
    for (const Pupil& pupil : db.pupils(at_bridges, {}).pupils)
      if (!db.pupil_visible(pupil.id, at_balance)) return pupil.id;
    return 0;
  }

  store::sqlite::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
  Actor teacher_, maths_, admin_, head_, auditor_, bridges_, school_, other_school_;
  std::vector<Placement> placements_;
};

}  // namespace waymark::app::contact_testing
