// The demo dataset, seeded into a real SQLite store: its shape (organisations, cohort, flags,
// placements, calendar, groups), that every generated record passes core's validation, that every
// listed login works, that it refuses a database already in use, and that it is deterministic.
#include "app/demo.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "app/secrets.h"
#include "core/nc_year.h"
#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app {
namespace {

using store::sqlite::testing::TempDir;

constexpr std::int64_t kNow = 1'790'000'000;

// A new database seeded with the demo as of `today`.
class Seeded {
 public:
  explicit Seeded(Date today) : today_(today) {
    path_ = dir_.file("demo.db");
    auto opened = store::sqlite::open(path_);
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    store_ = std::move(opened).value();
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[] { return kNow; }, [today] { return today; }}});
    summary_ = seed_demo(*context_, today);
  }

  Context& context() { return *context_; }
  store::Connection& db() { return store_->connection(); }
  const Result<DemoSummary>& summary() const { return summary_; }
  const std::string& path() const { return path_; }
  Date today() const { return today_; }

  Organisation organisation(const std::string& name) {
    for (const Organisation& organisation : db().organisations())
      if (organisation.name == name) return organisation;
    throw std::runtime_error("no organisation " + name);
  }

  // Every pupil, found through the rolls of the schools (every demo pupil is on one).
  std::vector<Pupil> pupils() {
    std::map<Id, Pupil> by_id;
    for (const Organisation& organisation : db().organisations()) {
      if (organisation.kind != OrgKind::School) continue;
      store::PupilFilter filter;
      filter.limit = 1000;
      for (const Pupil& listed :
           db().pupils({OrgKind::School, organisation.id, false}, filter).pupils)
        by_id.emplace(listed.id, *db().pupil(listed.id));
    }
    std::vector<Pupil> all;
    for (auto& [id, pupil] : by_id) all.push_back(pupil);
    return all;
  }

  std::vector<Placement> placements() {
    std::vector<Placement> all;
    for (const Pupil& pupil : pupils())
      for (const Placement& placement : db().placements_of(pupil.id)) all.push_back(placement);
    return all;
  }

 private:
  TempDir dir_;
  std::string path_;
  Date today_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
  Result<DemoSummary> summary_ = Error::internal("not seeded");
};

// The real date the demo is most likely loaded on, a date inside 2025/26, and one in the summer
// holiday just before a new academic year.
const Date kToday = Date::from_ymd(2026, 11, 22);
const Date kDatesToTry[] = {kToday, Date::from_ymd(2025, 10, 1), Date::from_ymd(2026, 8, 30),
                            Date::from_ymd(2027, 2, 15)};

TEST(Demo, SeedsOneLocalAuthorityTwoProvidersAndSixSchools) {
  Seeded demo(kToday);
  ASSERT_TRUE(demo.summary().ok()) << demo.summary().error().message;
  std::map<OrgKind, int> kinds;
  for (const Organisation& organisation : demo.db().organisations()) {
    ++kinds[organisation.kind];
    EXPECT_TRUE(validate_organisation(organisation).ok()) << organisation.name;
  }
  EXPECT_EQ(kinds[OrgKind::LocalAuthority], 1);
  EXPECT_EQ(kinds[OrgKind::Provider], 2);
  EXPECT_EQ(kinds[OrgKind::School], 6);
  EXPECT_EQ(demo.summary()->organisations, 9);

  const Id la = demo.organisation("Northbrook Borough Council").id;
  Organisation balance = demo.organisation("Balance Alternative Provision");
  Organisation bridges = demo.organisation("Bridges Outreach Hub");
  EXPECT_TRUE(balance.registered);
  EXPECT_EQ(balance.dfe_number(), "886/6001");
  EXPECT_EQ(balance.urn, "150001");
  EXPECT_FALSE(bridges.registered);
  EXPECT_EQ(bridges.dfe_number(), "");
  for (const Organisation& organisation : demo.db().organisations()) {
    if (organisation.kind == OrgKind::LocalAuthority) continue;
    EXPECT_EQ(organisation.local_authority_id, la) << organisation.name;
  }
}

TEST(Demo, EveryPupilIsValidInYears7To11WithAValidUpnAndOnOneRoll) {
  for (Date today : kDatesToTry) {
    SCOPED_TRACE(today.iso());
    Seeded demo(today);
    ASSERT_TRUE(demo.summary().ok()) << demo.summary().error().message;
    std::vector<Pupil> pupils = demo.pupils();
    EXPECT_GE(pupils.size(), 55u);
    EXPECT_LE(pupils.size(), 65u);
    EXPECT_EQ(demo.summary()->pupils, static_cast<int>(pupils.size()));
    int without_upn = 0;
    std::set<std::string> upns;
    for (const Pupil& pupil : pupils) {
      SCOPED_TRACE(pupil.display_name());
      EXPECT_TRUE(validate_pupil(pupil, today).ok());
      if (pupil.upn) {
        EXPECT_TRUE(Upn::parse(pupil.upn->str()).ok()) << pupil.upn->str();
        EXPECT_EQ(pupil.upn->str().substr(1, 3), "886");
        EXPECT_TRUE(upns.insert(pupil.upn->str()).second);
      } else {
        ++without_upn;
      }
      auto year = pupil.nc_year(academic_year_start(today));
      ASSERT_TRUE(year.has_value());
      EXPECT_GE(*year, 7);
      EXPECT_LE(*year, 11);
      EXPECT_GE(pupil.barriers.size(), 1u);
      EXPECT_LE(pupil.barriers.size(), 3u);
      EXPECT_GE(pupil.contacts.size(), 1u);
      EXPECT_LE(pupil.contacts.size(), 2u);
      std::vector<Enrolment> enrolments = demo.db().enrolments_of(pupil.id);
      ASSERT_EQ(enrolments.size(), 1u);
      EXPECT_EQ(enrolments[0].registration, RegistrationType::Main);
      EXPECT_TRUE(enrolments[0].current_on(today));
      EXPECT_EQ(enrolments[0].admission_date.month(), 9u);
    }
    EXPECT_GE(without_upn, 3);
    EXPECT_LE(without_upn, 7);
  }
}

TEST(Demo, FlagsFollowATypicalAlternativeProvisionCohort) {
  Seeded demo(kToday);
  ASSERT_TRUE(demo.summary().ok());
  std::vector<Pupil> pupils = demo.pupils();
  const double total = static_cast<double>(pupils.size());
  auto share = [&](auto predicate) {
    int count = 0;
    for (const Pupil& pupil : pupils)
      if (predicate(pupil)) ++count;
    return count / total;
  };
  struct Expected {
    const char* name;
    double share;
    double low;
    double high;
  };
  const Expected expectations[] = {
      {"pupil premium", share([](const Pupil& p) { return p.flags.pupil_premium; }), 0.30, 0.42},
      {"FSM", share([](const Pupil& p) { return p.flags.fsm; }), 0.25, 0.35},
      {"SEN support", share([](const Pupil& p) { return p.sen == SenStatus::Support; }), 0.40,
       0.50},
      {"EHCP", share([](const Pupil& p) { return p.sen == SenStatus::Ehcp; }), 0.08, 0.16},
      {"looked after", share([](const Pupil& p) { return p.flags.looked_after; }), 0.05, 0.11},
      {"child in need", share([](const Pupil& p) { return p.flags.child_in_need; }), 0.07, 0.13},
      {"child protection", share([](const Pupil& p) { return p.flags.child_protection; }), 0.02,
       0.06},
      {"EAL", share([](const Pupil& p) { return p.flags.eal; }), 0.08, 0.16},
      {"young carer", share([](const Pupil& p) { return p.flags.young_carer; }), 0.03, 0.07},
      {"preferred name", share([](const Pupil& p) { return !p.preferred_forename.empty(); }), 0.02,
       0.5},
      {"medical needs", share([](const Pupil& p) { return !p.medical_needs.empty(); }), 0.05, 0.3},
  };
  for (const Expected& expected : expectations) {
    EXPECT_GE(expected.share, expected.low) << expected.name;
    EXPECT_LE(expected.share, expected.high) << expected.name;
  }
  for (const Pupil& pupil : pupils) {
    if (pupil.flags.fsm || pupil.flags.looked_after) {
      EXPECT_TRUE(pupil.flags.pupil_premium);
    }
    for (const Contact& contact : pupil.contacts) {
      EXPECT_EQ(contact.phone.rfind("07700 900", 0), 0u) << contact.phone;
      if (!contact.email.empty()) {
        EXPECT_NE(contact.email.find("@example.com"), std::string::npos);
      }
    }
  }
}

TEST(Demo, EveryPlacementIsValidAndEveryStageIsRepresented) {
  for (Date today : kDatesToTry) {
    SCOPED_TRACE(today.iso());
    Seeded demo(today);
    ASSERT_TRUE(demo.summary().ok()) << demo.summary().error().message;
    const Id bridges = demo.organisation("Bridges Outreach Hub").id;
    const Id la = demo.organisation("Northbrook Borough Council").id;
    std::vector<Placement> placements = demo.placements();
    EXPECT_EQ(demo.summary()->placements, static_cast<int>(placements.size()));
    std::map<PlacementStatus, int> statuses;
    std::map<Id, int> current_per_pupil;
    std::set<EndReason> end_reasons;
    int by_la = 0, active = 0, notified = 0;
    for (const Placement& placement : placements) {
      EXPECT_TRUE(validate_placement(placement).ok())
          << validate_placement(placement).error().message;
      ++statuses[placement.status];
      if (placement.commissioner_id == la) ++by_la;
      if (placement.provider_id == bridges) {
        EXPECT_LE(placement.hours_per_week, 10.0);  // policy 003: at most 10 hours unregistered
      }
      if (placement.start_date) {
        EXPECT_LE(*placement.start_date, today);
        // Placements start on a school day (checked where the demo seeded that year's calendar).
        const int year = academic_year_start(*placement.start_date);
        if (year == 2025 || year == academic_year_start(today)) {
          EXPECT_TRUE(is_school_day(*placement.start_date,
                                    demo.db().terms_of(placement.provider_id),
                                    demo.db().closure_days_of(placement.provider_id)))
              << placement.start_date->iso();
        }
      }
      if (placement.status == PlacementStatus::Referred) {
        EXPECT_FALSE(placement.start_date.has_value());
      }
      if (placement.status == PlacementStatus::Ended) {
        end_reasons.insert(*placement.end_reason);
        EXPECT_LT(*placement.actual_end_date, today);
      }
      if (placement.status == PlacementStatus::Active) {
        ++active;
        if (placement.la_notified) ++notified;
        EXPECT_GE(placement.hours_per_week, 5.0);
        EXPECT_LE(placement.hours_per_week, 25.0);
        EXPECT_DOUBLE_EQ(placement.hours_per_week,
                         2.5 * static_cast<double>(placement.timetable.size()));
      }
      if (placement.current_on(today)) ++current_per_pupil[placement.pupil_id];
    }
    for (PlacementStatus status :
         {PlacementStatus::Referred, PlacementStatus::PlanningMeeting,
          PlacementStatus::InitialAssessment, PlacementStatus::Active, PlacementStatus::Ended})
      EXPECT_GE(statuses[status], 2) << to_string(status);
    EXPECT_GT(statuses[PlacementStatus::Active], static_cast<int>(placements.size()) / 2);
    EXPECT_EQ(end_reasons, (std::set<EndReason>{EndReason::Reintegrated, EndReason::MovedOn}));
    EXPECT_GT(by_la, 0);
    EXPECT_GT(notified * 4, active * 3);  // most active placements have been notified to the LA
    int with_two_current = 0;
    for (auto [pupil_id, count] : current_per_pupil)
      if (count == 2) ++with_two_current;
    EXPECT_GE(with_two_current, 3);
    EXPECT_LE(with_two_current, 4);
  }
}

TEST(Demo, EveryLoginWorksWithTheListedOrganisationAndRoles) {
  Seeded demo(kToday);
  ASSERT_TRUE(demo.summary().ok());
  EXPECT_EQ(demo.summary()->users, static_cast<int>(demo_logins().size()));
  std::set<Role> roles_seen;
  for (const DemoLogin& login : demo_logins()) {
    SCOPED_TRACE(login.email);
    EXPECT_TRUE(validate_password(login.password).ok());
    auto record = demo.db().user_by_email(login.email);
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->user.roles.joined(), login.roles);
    EXPECT_TRUE(record->user.active);
    EXPECT_TRUE(verify_password(login.password, record->password_hash));
    auto organisation = demo.db().organisation(record->user.organisation_id);
    ASSERT_TRUE(organisation.has_value());
    EXPECT_EQ(organisation->name, login.organisation);
    EXPECT_TRUE(validate_user(record->user, organisation->kind).ok());
    for (Role role : record->user.roles.list()) roles_seen.insert(role);
  }
  EXPECT_EQ(roles_seen, (std::set<Role>{Role::Admin, Role::Teacher, Role::Head, Role::Commissioner,
                                        Role::Auditor}));
}

TEST(Demo, ACommissionerOnlySchoolUserSeesOnlyThePupilsTheirSchoolPlaced) {
  Seeded demo(kToday);
  ASSERT_TRUE(demo.summary().ok());
  auto senco = demo.db().user_by_email("senco@ashfield.example");
  ASSERT_TRUE(senco.has_value());
  const Id school = senco->user.organisation_id;
  Actor actor;
  actor.organisation_kind = OrgKind::School;
  actor.roles = senco->user.roles;
  ASSERT_TRUE(actor.commissioner_only());

  std::set<Id> placed_by_school, on_roll;
  for (const Pupil& pupil : demo.pupils()) {
    for (const Placement& placement : demo.db().placements_of(pupil.id))
      if (placement.commissioner_id == school) placed_by_school.insert(pupil.id);
    for (const Enrolment& enrolment : demo.db().enrolments_of(pupil.id))
      if (enrolment.school_id == school) on_roll.insert(pupil.id);
  }
  store::PupilFilter filter;
  filter.limit = 1000;
  std::set<Id> seen;
  for (const Pupil& pupil :
       demo.db().pupils(store::Visibility{OrgKind::School, school, true}, filter).pupils)
    seen.insert(pupil.id);
  EXPECT_FALSE(seen.empty());
  EXPECT_EQ(seen, placed_by_school);
  // The school's roll holds pupils the LA placed, which the commissioner does not see.
  EXPECT_GT(on_roll.size(), seen.size());
}

TEST(Demo, RefusesADatabaseThatAlreadyHoldsData) {
  Seeded demo(kToday);
  ASSERT_TRUE(demo.summary().ok());
  auto again = seed_demo(demo.context(), kToday);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::Invalid);
  ASSERT_EQ(again.error().fields.size(), 1u);
  EXPECT_EQ(again.error().fields[0].field, "database");
  EXPECT_EQ(again.error().fields[0].reason,
            "already holds data; the demo loads only into a new, empty database");
  EXPECT_EQ(demo.db().organisations().size(), 9u);
}

TEST(Demo, WritesOneAuditEntryForTheWholeLoad) {
  Seeded demo(kToday);
  ASSERT_TRUE(demo.summary().ok());
  store::sqlite::Db db(demo.path());
  store::sqlite::Statement rows =
      db.prepare("SELECT action, entity, entity_id, user_id FROM audit_log");
  ASSERT_TRUE(rows.next_row());
  EXPECT_EQ(rows.text(0), "seed");
  EXPECT_EQ(rows.text(1), "demo");
  EXPECT_EQ(rows.int64(2), 0);
  EXPECT_EQ(rows.int64(3), 0);  // NULL: the system, not a user
  EXPECT_FALSE(rows.next_row());
}

TEST(Demo, CalendarHasThe2025To26TermsAndTheCurrentYear) {
  Seeded demo(kToday);
  ASSERT_TRUE(demo.summary().ok());
  for (const Organisation& organisation : demo.db().organisations()) {
    if (organisation.kind == OrgKind::LocalAuthority) continue;
    SCOPED_TRACE(organisation.name);
    std::map<std::string, std::pair<std::string, std::string>> terms_2025;
    std::map<int, int> terms_per_year;
    for (const Term& term : demo.db().terms_of(organisation.id)) {
      ++terms_per_year[term.academic_year];
      if (term.academic_year == 2025)
        terms_2025[term.name] = {term.start_date.iso(), term.end_date.iso()};
    }
    EXPECT_EQ(terms_per_year, (std::map<int, int>{{2025, 9}, {2026, 9}}));
    const std::map<std::string, std::pair<std::string, std::string>> expected = {
        {"Autumn", {"2025-09-03", "2025-12-19"}},   {"Autumn 1", {"2025-09-03", "2025-10-24"}},
        {"Autumn 2", {"2025-11-03", "2025-12-19"}}, {"Spring", {"2026-01-05", "2026-03-27"}},
        {"Spring 1", {"2026-01-05", "2026-02-13"}}, {"Spring 2", {"2026-02-23", "2026-03-27"}},
        {"Summer", {"2026-04-13", "2026-07-22"}},   {"Summer 1", {"2026-04-13", "2026-05-22"}},
        {"Summer 2", {"2026-06-01", "2026-07-22"}},
    };
    EXPECT_EQ(terms_2025, expected);
    std::map<std::string, std::string> closures;
    for (const ClosureDay& closure : demo.db().closure_days_of(organisation.id))
      closures[closure.date.iso()] = closure.reason;
    EXPECT_EQ(closures["2025-09-01"], "INSET day");
    EXPECT_EQ(closures["2025-09-02"], "INSET day");
    EXPECT_EQ(closures["2026-01-05"], "INSET day");
    EXPECT_EQ(closures["2026-05-04"], "Bank holiday");
    EXPECT_EQ(closures["2027-05-03"], "Bank holiday");
  }
}

TEST(Demo, ProvidersHaveSubjectsAndTeachingGroupsOfTheirOwnPupils) {
  Seeded demo(kToday);
  ASSERT_TRUE(demo.summary().ok());
  const Id balance = demo.organisation("Balance Alternative Provision").id;
  const Id bridges = demo.organisation("Bridges Outreach Hub").id;
  for (Id provider : {balance, bridges}) {
    std::set<std::string> codes;
    for (const Subject& subject : demo.db().subjects_of(provider)) codes.insert(subject.code);
    EXPECT_EQ(codes, (std::set<std::string>{"MA", "EN", "SC", "PS", "AR", "VO"}));
  }
  std::set<Id> staff_at_balance;
  for (const User& user : demo.db().users_in(balance)) staff_at_balance.insert(user.id);
  std::set<std::string> names;
  for (const TeachingGroup& group : demo.db().teaching_groups_of(balance)) {
    SCOPED_TRACE(group.name);
    names.insert(group.name);
    EXPECT_EQ(group.academic_year, 2026);
    EXPECT_GE(group.pupil_ids.size(), 8u);
    EXPECT_LE(group.pupil_ids.size(), 15u);
    EXPECT_FALSE(group.staff_ids.empty());
    for (Id staff : group.staff_ids) EXPECT_TRUE(staff_at_balance.count(staff));
    for (Id pupil : group.pupil_ids) {
      bool attends = false;
      for (const Placement& placement : demo.db().placements_of(pupil))
        if (placement.provider_id == balance && placement.current_on(kToday)) attends = true;
      EXPECT_TRUE(attends) << pupil;
    }
  }
  EXPECT_EQ(names, (std::set<std::string>{"KS4 Maths", "KS4 English", "KS3 Core", "Science"}));
  EXPECT_EQ(demo.db().teaching_groups_of(bridges).size(), 2u);
}

TEST(Demo, IsTheSameEveryTimeForTheSameDay) {
  Seeded first(kToday);
  Seeded second(kToday);
  ASSERT_TRUE(first.summary().ok());
  ASSERT_TRUE(second.summary().ok());
  auto describe = [](Seeded& demo) {
    std::vector<std::string> lines;
    for (const Pupil& pupil : demo.pupils()) {
      std::string line = pupil.sort_name() + " " + pupil.dob.iso() + " " +
                         (pupil.upn ? pupil.upn->str() : "-") + " " + to_string(pupil.sen) + " " +
                         pupil.medical_needs;
      for (const Contact& contact : pupil.contacts)
        line += " " + contact.name + " " + contact.phone;
      for (const Placement& placement : demo.db().placements_of(pupil.id))
        line += " " + std::string(to_string(placement.status)) + placement.referral_date.iso() +
                std::to_string(placement.hours_per_week);
      lines.push_back(line);
    }
    return lines;
  };
  EXPECT_EQ(describe(first), describe(second));
}

}  // namespace
}  // namespace waymark::app
