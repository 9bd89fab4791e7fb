// Test support for the assessment loop's use-case tests (included only by *_test.cpp): the demo
// seeded into a real SQLite store in a temporary directory, its users as Actors, and a pupil whose
// only placement is a current one at Balance, commissioned by a school, so that Bridges and every
// other school cannot see them (the NotFound cases).
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "app/context.h"
#include "app/demo.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app::assessment_testing {

class AssessmentLoopTest : public ::testing::Test {
 protected:
  static constexpr std::int64_t kNow = 1'762'300'000;
  static Date today() { return Date::from_ymd(2025, 11, 5); }

  void SetUp() override {
    auto opened = store::sqlite::open(dir_.file("demo.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[] { return kNow; }, [] { return today(); }}, ""});
    ASSERT_TRUE(seed_demo(*context_, today()).ok());
    teacher_ = actor("teacher@balance.example");
    admin_ = actor("admin@balance.example");
    head_ = actor("head@balance.example");
    auditor_ = actor("auditor@balance.example");
    bridges_ = actor("admin@bridges.example");
    auto& db = connection();
    const store::Visibility balance{OrgKind::Provider, teacher_.organisation_id, false};
    store::PupilFilter filter;
    filter.limit = 1000;
    for (const Pupil& pupil : db.pupils(balance, filter).pupils) {
      const std::vector<Placement> placements = db.placements_of(pupil.id);
      if (placements.size() != 1) continue;
      const Placement& only = placements.front();
      auto commissioner = db.organisation(only.commissioner_id);
      if (only.provider_id == teacher_.organisation_id && only.current_on(today()) &&
          commissioner && commissioner->kind == OrgKind::School) {
        pupil_ = pupil.id;
        placement_ = only;
        break;
      }
    }
    ASSERT_NE(pupil_, 0) << "the demo has a pupil placed at Balance by a school and nowhere else";
    school_ = Actor{0, placement_.commissioner_id, OrgKind::School, Roles{Role::Admin}, "School"};
    for (const Organisation& organisation : db.organisations())
      if (organisation.kind == OrgKind::School &&
          !db.pupil_visible(pupil_, {OrgKind::School, organisation.id, false}))
        other_school_ = Actor{0, organisation.id, OrgKind::School, Roles{Role::Admin}, "Other"};
    ASSERT_NE(other_school_.organisation_id, 0);
    for (const Subject& subject : db.subjects_of(teacher_.organisation_id))
      if (subject.name == "Mathematics") maths_ = subject.id;
    for (const Subject& subject : db.subjects_of(bridges_.organisation_id))
      if (bridges_subject_ == 0) bridges_subject_ = subject.id;
    ASSERT_NE(maths_, 0);
    ASSERT_NE(bridges_subject_, 0);
  }

  store::Connection& connection() { return store_->connection(); }

  Actor actor(const std::string& email) {
    auto record = connection().user_by_email(email);
    EXPECT_TRUE(record) << email;
    if (!record) return {};
    auto organisation = connection().organisation(record->user.organisation_id);
    return Actor{record->user.id, organisation->id, organisation->kind, record->user.roles, email};
  }

  // The newest audit entry about the pupil.
  store::AuditEntry last_audit(Id pupil_id) {
    auto entries = connection().audit_of_pupil(pupil_id, 1);
    return entries.empty() ? store::AuditEntry{} : entries.front();
  }

  store::sqlite::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
  Actor teacher_, admin_, head_, auditor_, bridges_, school_, other_school_;
  Id pupil_ = 0, maths_ = 0, bridges_subject_ = 0;
  Placement placement_;
};

}  // namespace waymark::app::assessment_testing
