// Test support for the attendance tests (included only by *_test.cpp): a real SQLite store with a
// provider, the school that commissioned a placement there, another school and a second provider,
// their users, and pupils placed with timetables.
#pragma once

#include <gtest/gtest.h>

#include "app/context.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app::attendance_testing {

// Wednesday 5 November 2025.
inline const Date kToday = Date::from_ymd(2025, 11, 5);
inline constexpr std::int64_t kNow = 1'762'300'000;

class AttendanceFixture : public store::sqlite::testing::SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[] { return kNow; }, [] { return kToday; }}, ""});
    provider_id_ = add_org(OrgKind::Provider, "Balance AP", "100001");
    school_id_ = add_org(OrgKind::School, "Ashfield School", "100002");
    other_school_id_ = add_org(OrgKind::School, "Beech School", "100003");
    other_provider_id_ = add_org(OrgKind::Provider, "Bridges AP", "100004");
    teacher_ = add_actor(provider_id_, OrgKind::Provider, Role::Teacher, "teacher@balance.test");
    auditor_ = add_actor(provider_id_, OrgKind::Provider, Role::Auditor, "auditor@balance.test");
    school_ = add_actor(school_id_, OrgKind::School, Role::Commissioner, "senco@ashfield.test");
    other_school_ = add_actor(other_school_id_, OrgKind::School, Role::Admin, "admin@beech.test");
    other_provider_ =
        add_actor(other_provider_id_, OrgKind::Provider, Role::Admin, "admin@bridges.test");
    // Sam: every weekday AM and PM. Alex: Mondays and Wednesdays, AM only.
    sam_ = add_pupil(make_pupil("Sam", "Smith", 1));
    alex_ = add_pupil(make_pupil("Alex", "Jones", 2));
    sam_placement_ = place_active(sam_, provider_id_, school_id_, all_week());
    place_active(alex_, provider_id_, school_id_, {{1, Session::Am}, {3, Session::Am}});
  }

  static std::vector<TimetableSlot> all_week() {
    std::vector<TimetableSlot> slots;
    for (unsigned weekday = 1; weekday <= 5; ++weekday)
      for (Session session : {Session::Am, Session::Pm}) slots.push_back({weekday, session});
    return slots;
  }

  Id add_org(OrgKind kind, const std::string& name, const std::string& urn) {
    Organisation organisation;
    organisation.kind = kind;
    organisation.name = name;
    organisation.urn = urn;
    return db().insert_organisation(organisation);
  }

  Actor add_actor(Id organisation_id, OrgKind kind, Role role, const std::string& email) {
    User user;
    user.organisation_id = organisation_id;
    user.email = email;
    user.display_name = email.substr(0, email.find('@'));
    user.roles = Roles{role};
    auto id = db().insert_user(user, "not-a-real-hash");
    EXPECT_TRUE(id.ok());
    return Actor{id.ok() ? *id : 0, organisation_id, kind, Roles{role}, user.display_name};
  }

  Id place_active(Id pupil_id, Id provider_id, Id commissioner_id,
                  std::vector<TimetableSlot> timetable) {
    Placement placement;
    placement.pupil_id = pupil_id;
    placement.provider_id = provider_id;
    placement.commissioner_id = commissioner_id;
    placement.referral_date = Date::from_ymd(2023, 1, 2);
    placement.start_date = Date::from_ymd(2023, 1, 9);
    placement.status = PlacementStatus::Active;
    placement.hours_per_week = 25;
    placement.timetable = std::move(timetable);
    return db().insert_placement(placement, 2000);
  }

  std::unique_ptr<Context> context_;
  Id provider_id_ = 0, school_id_ = 0, other_school_id_ = 0, other_provider_id_ = 0;
  Id sam_ = 0, alex_ = 0, sam_placement_ = 0;
  Actor teacher_, auditor_, school_, other_school_, other_provider_;
};

}  // namespace waymark::app::attendance_testing
