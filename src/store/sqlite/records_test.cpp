// Enrolments, placements, the calendar, teaching groups and the audit trail through the SQLite
// store.
#include <algorithm>

#include <gtest/gtest.h>

#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::store::sqlite {
namespace {

using testing::SqliteStoreTest;

TEST_F(SqliteStoreTest, EnrolmentsRoundTripNewestFirst) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  Id pupil = add_pupil("Ada", "Lovelace");
  Id older = enrol(pupil, school, Date::from_ymd(2024, 7, 19));
  Enrolment dual;
  dual.pupil_id = pupil;
  dual.school_id = school;
  dual.admission_date = Date::from_ymd(2024, 9, 2);
  dual.registration = RegistrationType::Dual;
  dual.id = db().insert_enrolment(dual);

  auto enrolments = db().enrolments_of(pupil);
  ASSERT_EQ(enrolments.size(), 2u);
  EXPECT_EQ(enrolments[0].id, dual.id);
  EXPECT_EQ(enrolments[0].registration, RegistrationType::Dual);
  EXPECT_FALSE(enrolments[0].leaving_date.has_value());
  EXPECT_EQ(enrolments[1].id, older);
  EXPECT_EQ(enrolments[1].leaving_date, Date::from_ymd(2024, 7, 19));

  dual.leaving_date = Date::from_ymd(2025, 3, 31);
  db().update_enrolment(dual);
  EXPECT_EQ(db().enrolments_of(pupil)[0].leaving_date, Date::from_ymd(2025, 3, 31));
}

TEST_F(SqliteStoreTest, PlacementsRoundTripWithTheirTimetable) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  Id provider = add_organisation(OrgKind::Provider, "Harbour AP");
  Id pupil = add_pupil("Ada", "Lovelace");
  Placement placement;
  placement.pupil_id = pupil;
  placement.provider_id = provider;
  placement.commissioner_id = school;
  placement.referral_date = Date::from_ymd(2025, 9, 1);
  placement.start_date = Date::from_ymd(2025, 9, 8);
  placement.planned_end_date = Date::from_ymd(2026, 2, 13);
  placement.hours_per_week = 12.5;
  placement.timetable = {{1, Session::Am}, {2, Session::Pm}, {5, Session::Am}};
  placement.reason = "Persistent absence";
  placement.objectives = "Attend 90%";
  placement.reintegration_plan = "Phased return";
  placement.status = PlacementStatus::Active;
  placement.id = db().insert_placement(placement, 500);

  auto read = db().placement(placement.id);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->timetable, placement.timetable);
  EXPECT_EQ(read->start_date, placement.start_date);
  EXPECT_EQ(read->planned_end_date, placement.planned_end_date);
  EXPECT_FALSE(read->actual_end_date.has_value());
  EXPECT_DOUBLE_EQ(read->hours_per_week, 12.5);
  EXPECT_EQ(read->status, PlacementStatus::Active);
  EXPECT_FALSE(read->end_reason.has_value());
  EXPECT_EQ(read->reintegration_plan, "Phased return");
  EXPECT_EQ(read->updated_at, 500);
  Db raw(path_);
  Statement stored = raw.prepare("SELECT timetable FROM placements WHERE id = ?");
  stored.bind_all(placement.id);
  ASSERT_TRUE(stored.next_row());
  EXPECT_EQ(stored.text(0), "Mon AM,Tue PM,Fri AM");

  placement.status = PlacementStatus::Ended;
  placement.actual_end_date = Date::from_ymd(2026, 1, 30);
  placement.end_reason = EndReason::MovedOn;
  placement.timetable.clear();
  placement.la_notified = true;
  db().update_placement(placement, 600);
  read = db().placement(placement.id);
  EXPECT_EQ(read->status, PlacementStatus::Ended);
  EXPECT_EQ(read->end_reason, EndReason::MovedOn);
  EXPECT_TRUE(read->timetable.empty());
  EXPECT_TRUE(read->la_notified);
  EXPECT_EQ(read->updated_at, 600);
  EXPECT_FALSE(db().placement(placement.id + 1).has_value());
}

TEST_F(SqliteStoreTest, PlacementsAreListedPerPupilAndForManyPupils) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  Id provider = add_organisation(OrgKind::Provider, "Harbour AP");
  Id ada = add_pupil("Ada", "Lovelace");
  Id bea = add_pupil("Bea", "Other");
  Id cal = add_pupil("Cal", "Third");
  Id first = place(ada, provider, school);
  Id second = place(ada, provider, school, PlacementStatus::Active);
  Id beas = place(bea, provider, school);
  place(cal, provider, school);

  auto of_ada = db().placements_of(ada);
  ASSERT_EQ(of_ada.size(), 2u);
  EXPECT_EQ(of_ada[0].id, second);  // same referral date: the later one first
  EXPECT_EQ(of_ada[1].id, first);
  std::vector<Id> ids;
  for (const Placement& placement : db().placements_of_pupils({ada, bea, 12345}))
    ids.push_back(placement.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<Id>{first, second, beas}));
  EXPECT_TRUE(db().placements_of_pupils({}).empty());
}

TEST_F(SqliteStoreTest, TermsClosuresAndSubjects) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  Term autumn{.id = 0,
              .organisation_id = school,
              .academic_year = 2025,
              .name = "Autumn",
              .start_date = Date::from_ymd(2025, 9, 3),
              .end_date = Date::from_ymd(2025, 12, 19),
              .parent_term_id = 0};
  autumn.id = db().insert_term(autumn);
  Term spring = autumn;
  spring.name = "Spring";
  spring.start_date = Date::from_ymd(2026, 1, 5);
  spring.end_date = Date::from_ymd(2026, 3, 27);
  db().insert_term(spring);
  Term half = autumn;
  half.name = "Autumn 1";
  half.end_date = Date::from_ymd(2025, 10, 24);
  half.parent_term_id = autumn.id;
  db().insert_term(half);
  auto terms = db().terms_of(school);
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(terms[0].name, "Autumn");
  EXPECT_EQ(terms[0].parent_term_id, 0);
  EXPECT_EQ(terms[1].parent_term_id, autumn.id);
  EXPECT_EQ(terms[2].name, "Spring");

  ClosureDay inset{.id = 0,
                   .organisation_id = school,
                   .date = Date::from_ymd(2025, 9, 3),
                   .reason = "INSET day"};
  ASSERT_TRUE(db().insert_closure_day(inset).ok());
  auto repeated = db().insert_closure_day(inset);
  ASSERT_FALSE(repeated.ok());
  EXPECT_EQ(repeated.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(repeated.error().fields.at(0).field, "date");
  ASSERT_EQ(db().closure_days_of(school).size(), 1u);
  EXPECT_EQ(db().closure_days_of(school)[0].reason, "INSET day");

  Subject maths{.id = 0, .organisation_id = school, .name = "Mathematics", .code = "MA"};
  ASSERT_TRUE(db().insert_subject(maths).ok());
  auto twice = db().insert_subject(maths);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(twice.error().fields.at(0).field, "name");
  // The same name at another organisation is fine.
  maths.organisation_id = add_organisation(OrgKind::Provider, "Harbour AP");
  EXPECT_TRUE(db().insert_subject(maths).ok());
  ASSERT_EQ(db().subjects_of(school).size(), 1u);
  EXPECT_EQ(db().subjects_of(school)[0].code, "MA");
}

TEST_F(SqliteStoreTest, TeachingGroupsRoundTripAndUpdatesReplaceTheirMembers) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  User teacher;
  teacher.organisation_id = school;
  teacher.email = "teacher@example.org";
  teacher.display_name = "Teacher";
  teacher.roles = {Role::Teacher};
  Id teacher_id = *db().insert_user(teacher, "hash");
  Id subject = *db().insert_subject(
      Subject{.id = 0, .organisation_id = school, .name = "English", .code = "EN"});
  Id ada = add_pupil("Ada", "Lovelace");
  Id bea = add_pupil("Bea", "Other");

  TeachingGroup group{.id = 0,
                      .organisation_id = school,
                      .name = "10EN1",
                      .subject_id = subject,
                      .academic_year = 2025,
                      .staff_ids = {teacher_id},
                      .pupil_ids = {ada, bea}};
  group.id = db().insert_teaching_group(group);
  TeachingGroup tutor{.id = 0,
                      .organisation_id = school,
                      .name = "Tutor 10",
                      .subject_id = 0,
                      .academic_year = 2025,
                      .staff_ids = {},
                      .pupil_ids = {bea, bea}};
  tutor.id = db().insert_teaching_group(tutor);

  auto read = db().teaching_group(group.id);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->subject_id, subject);
  EXPECT_EQ(read->staff_ids, std::vector<Id>{teacher_id});
  EXPECT_EQ(read->pupil_ids, (std::vector<Id>{ada, bea}));

  group.pupil_ids = {bea};
  group.name = "10EN2";
  db().update_teaching_group(group);
  auto all = db().teaching_groups_of(school);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "10EN2");
  EXPECT_EQ(all[0].pupil_ids, std::vector<Id>{bea});
  EXPECT_EQ(all[0].staff_ids, std::vector<Id>{teacher_id});
  EXPECT_EQ(all[1].subject_id, 0);
  EXPECT_EQ(all[1].pupil_ids, std::vector<Id>{bea});
  EXPECT_FALSE(db().teaching_group(9999).has_value());

  // A member who does not exist is refused, and the group is left as it was.
  group.pupil_ids = {ada, 424242};
  EXPECT_THROW(db().update_teaching_group(group), StoreFault);
  EXPECT_EQ(db().teaching_group(group.id)->pupil_ids, std::vector<Id>{bea});
}

TEST_F(SqliteStoreTest, TheAuditTrailReadsNewestFirstWithWhoDidIt) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  User head;
  head.organisation_id = school;
  head.email = "head@example.org";
  head.display_name = "The Head";
  head.roles = {Role::Head};
  Id head_id = *db().insert_user(head, "hash");
  Id pupil = add_pupil("Ada", "Lovelace");
  for (int entry_idx = 0; entry_idx < 3; ++entry_idx) {
    AuditEntry entry;
    entry.at = 100 + entry_idx;
    entry.user_id = entry_idx == 0 ? 0 : head_id;
    entry.organisation_id = school;
    entry.action = entry_idx == 0 ? "create" : "update";
    entry.entity = "pupil";
    entry.entity_id = pupil;
    entry.pupil_id = pupil;
    entry.before_json = entry_idx == 0 ? "" : R"({"n":1})";
    entry.after_json = R"({"n":2})";
    db().append_audit(entry);
  }
  auto entries = db().audit_of_pupil(pupil, 2);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].at, 102);
  EXPECT_EQ(entries[0].user_display_name, "The Head");
  EXPECT_EQ(entries[0].before_json, R"({"n":1})");
  auto everything = db().audit_of_organisation(school, 10);
  ASSERT_EQ(everything.size(), 3u);
  const AuditEntry& first = everything.back();
  EXPECT_EQ(first.action, "create");
  EXPECT_EQ(first.user_id, 0);
  EXPECT_EQ(first.user_display_name, "");
  EXPECT_EQ(first.before_json, "");
  EXPECT_TRUE(db().audit_of_pupil(pupil + 1, 10).empty());
}

}  // namespace
}  // namespace waymark::store::sqlite
