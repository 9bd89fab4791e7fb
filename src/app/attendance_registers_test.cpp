// Taking registers against a real SQLite store: who is expected, saving a register whole, every
// rejection (bad code, code not valid on the date, duplicates, minutes late, change without a
// reason, future and non-school days, another provider's mark, roles), versions and N alerts.
#include "app/attendance_registers.h"

#include <gtest/gtest.h>

#include "app/attendance_test_support.h"

namespace waymark::app {
namespace {

using attendance_testing::kToday;

class RegisterTest : public attendance_testing::AttendanceFixture {
 protected:
  Result<SavedRegister> save(const Actor& actor, Date date, Session session,
                             std::vector<MarkEntry> entries) {
    return save_register(*context_, actor, date, session, entries);
  }
  MarkEntry entry(Id pupil_id, std::string code, std::optional<int> minutes = std::nullopt,
                  std::string reason = "") {
    return MarkEntry{pupil_id, std::move(code), minutes, std::move(reason)};
  }
  static std::string first_field(const Result<SavedRegister>& result) {
    return result.ok() || result.error().fields.empty() ? "" : result.error().fields.front().field;
  }
};

TEST_F(RegisterTest, ListsThePupilsTimetabledForTheSession) {
  auto wednesday_am = get_register(*context_, teacher_, kToday, Session::Am);
  ASSERT_TRUE(wednesday_am.ok()) << wednesday_am.error().message;
  ASSERT_EQ(wednesday_am->rows.size(), 2u);
  EXPECT_EQ(wednesday_am->rows[0].name, "Jones, Alex");
  EXPECT_TRUE(wednesday_am->can_write);
  auto wednesday_pm = get_register(*context_, teacher_, kToday, Session::Pm);
  ASSERT_EQ(wednesday_pm->rows.size(), 1u);
  EXPECT_EQ(wednesday_pm->rows[0].pupil_id, sam_);
  EXPECT_TRUE(expected_pupils(db(), provider_id_, Date::from_ymd(2025, 11, 8), Session::Am).empty())
      << "Saturday";
  auto auditor = get_register(*context_, auditor_, kToday, Session::Am);
  ASSERT_TRUE(auditor.ok());
  EXPECT_FALSE(auditor->can_write);
}

TEST_F(RegisterTest, SavesTheWholeRegisterAndNormalisesPresentMarks) {
  auto saved = save(teacher_, kToday, Session::Pm, {entry(sam_, " / ")});
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->created, 1);
  auto mark = db().attendance().mark(sam_, kToday, Session::Pm);
  ASSERT_TRUE(mark);
  EXPECT_EQ(mark->code, "\\") << "a PM present mark is written as a backslash";
  EXPECT_EQ(mark->commissioner_id, school_id_);
  EXPECT_EQ(mark->placement_id, sam_placement_);
  EXPECT_EQ(mark->recorded_by, teacher_.user_id);
  EXPECT_TRUE(db().attendance().register_taken(provider_id_, kToday, Session::Pm));

  auto both = save(teacher_, kToday, Session::Am, {entry(sam_, "l", 12), entry(alex_, "i")});
  ASSERT_TRUE(both.ok()) << both.error().message;
  EXPECT_EQ(both->created, 2);
  EXPECT_EQ(both->attendance_register.marked(), 2);
  EXPECT_EQ(db().attendance().mark(sam_, kToday, Session::Am)->minutes_late, 12);
  EXPECT_EQ(db().attendance().mark(sam_, kToday, Session::Am)->code, "L");
  const auto audit = db().audit_of_pupil(sam_, 10);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front().entity, "attendance_mark");
}

TEST_F(RegisterTest, RejectsBadCodesAndCodesNotValidOnTheDate) {
  auto unknown = save(teacher_, kToday, Session::Am, {entry(sam_, "QQ"), entry(alex_, "")});
  ASSERT_FALSE(unknown.ok());
  ASSERT_EQ(unknown.error().fields.size(), 2u) << "every problem is reported at once";
  EXPECT_EQ(unknown.error().fields[0].field, "marks[0].code");
  EXPECT_EQ(unknown.error().fields[1].field, "marks[1].code");
  auto withdrawn = save(teacher_, kToday, Session::Am, {entry(sam_, "J")});
  ASSERT_FALSE(withdrawn.ok());
  EXPECT_NE(withdrawn.error().fields.front().reason.find("withdrawn"), std::string::npos);
  auto too_early = save(teacher_, Date::from_ymd(2023, 9, 11), Session::Am, {entry(sam_, "K")});
  ASSERT_FALSE(too_early.ok());
  EXPECT_NE(too_early.error().fields.front().reason.find("in use from"), std::string::npos);
  EXPECT_TRUE(save(teacher_, Date::from_ymd(2023, 9, 11), Session::Am, {entry(sam_, "H")}).ok())
      << "the withdrawn H was valid then";
  EXPECT_FALSE(db().attendance().mark(sam_, kToday, Session::Am)) << "nothing was written";
}

TEST_F(RegisterTest, RejectsDuplicatesAndPupilsNotOnTheRegister) {
  auto twice = save(teacher_, kToday, Session::Am, {entry(sam_, "/"), entry(sam_, "N")});
  EXPECT_EQ(first_field(twice), "marks[1].pupil_id");
  auto not_on = save(teacher_, kToday, Session::Pm, {entry(alex_, "/")});
  EXPECT_EQ(first_field(not_on), "marks[0].pupil_id") << "Alex has no PM sessions";
  auto unknown = save(teacher_, kToday, Session::Pm, {entry(99999, "/")});
  EXPECT_EQ(first_field(unknown), "marks[0].pupil_id");
}

TEST_F(RegisterTest, MinutesLateGoWithLAndUOnly) {
  EXPECT_EQ(first_field(save(teacher_, kToday, Session::Pm, {entry(sam_, "L")})),
            "marks[0].minutes_late");
  EXPECT_EQ(first_field(save(teacher_, kToday, Session::Pm, {entry(sam_, "/", 5)})),
            "marks[0].minutes_late");
  EXPECT_EQ(first_field(save(teacher_, kToday, Session::Pm, {entry(sam_, "L", 0)})),
            "marks[0].minutes_late");
  EXPECT_EQ(first_field(save(teacher_, kToday, Session::Pm, {entry(sam_, "U", 241)})),
            "marks[0].minutes_late");
  EXPECT_TRUE(save(teacher_, kToday, Session::Pm, {entry(sam_, "U", 240)}).ok());
}

TEST_F(RegisterTest, AChangeNeedsAReasonAndKeepsEveryVersion) {
  ASSERT_TRUE(save(teacher_, kToday, Session::Pm, {entry(sam_, "N")}).ok());
  auto no_reason = save(teacher_, kToday, Session::Pm, {entry(sam_, "M")});
  EXPECT_EQ(first_field(no_reason), "marks[0].reason");
  auto same = save(teacher_, kToday, Session::Pm, {entry(sam_, "n")});
  ASSERT_TRUE(same.ok()) << "re-saving the same mark needs no reason";
  EXPECT_EQ(same->unchanged, 1);
  auto changed =
      save(teacher_, kToday, Session::Pm, {entry(sam_, "M", std::nullopt, "Dentist letter")});
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_EQ(changed->changed, 1);
  auto mark = db().attendance().mark(sam_, kToday, Session::Pm);
  EXPECT_EQ(mark->version, 2);
  EXPECT_EQ(mark->code, "M");
  const auto history = db().attendance().history_of(sam_, kToday, kToday);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version, 2);
  EXPECT_EQ(history[0].reason, "Dentist letter");
  EXPECT_EQ(history[0].changed_by_name, "teacher");
  EXPECT_EQ(history[1].code, "N");
}

TEST_F(RegisterTest, AnUnexplainedAbsenceAlertsTheSchoolOnce) {
  auto saved = save(teacher_, kToday, Session::Am, {entry(sam_, "N"), entry(alex_, "/")});
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved->alerts, 1);
  EXPECT_TRUE(db().attendance().alert_recorded(sam_, kToday, Session::Am));
  EXPECT_FALSE(db().attendance().alert_recorded(alex_, kToday, Session::Am));
  EXPECT_EQ(save(teacher_, kToday, Session::Am, {entry(sam_, "N")})->alerts, 0);
  ASSERT_TRUE(
      save(teacher_, kToday, Session::Am, {entry(sam_, "/", std::nullopt, "Arrived")}).ok());
  auto again = save(teacher_, kToday, Session::Am, {entry(sam_, "N", std::nullopt, "Left site")});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->alerts, 0) << "once per pupil, date and session";
  EXPECT_EQ(save(teacher_, kToday, Session::Pm, {entry(sam_, "N")})->alerts, 1);
}

TEST_F(RegisterTest, RefusesFutureDatesAndDaysThatAreNotSchoolDays) {
  EXPECT_EQ(first_field(save(teacher_, kToday.plus_days(1), Session::Am, {entry(sam_, "/")})),
            "date");
  EXPECT_EQ(first_field(save(teacher_, Date::from_ymd(2025, 11, 1), Session::Am, {})), "date");
  Term autumn;
  autumn.organisation_id = provider_id_;
  autumn.name = "Autumn";
  autumn.start_date = Date::from_ymd(2025, 9, 3);
  autumn.end_date = Date::from_ymd(2025, 12, 19);
  db().insert_term(autumn);
  ClosureDay inset;
  inset.organisation_id = provider_id_;
  inset.date = Date::from_ymd(2025, 11, 3);
  inset.reason = "INSET day";
  ASSERT_TRUE(db().insert_closure_day(inset).ok());
  EXPECT_EQ(first_field(save(teacher_, inset.date, Session::Am, {entry(sam_, "/")})), "date");
  EXPECT_TRUE(save(teacher_, kToday, Session::Am, {entry(sam_, "/")}).ok());
}

TEST_F(RegisterTest, OnlyTheProvidersEditorsTakeRegisters) {
  auto auditor = save(auditor_, kToday, Session::Am, {entry(sam_, "/")});
  ASSERT_FALSE(auditor.ok());
  EXPECT_EQ(auditor.error().kind, ErrorKind::Forbidden);
  auto school = save(school_, kToday, Session::Am, {entry(sam_, "/")});
  ASSERT_FALSE(school.ok());
  EXPECT_EQ(school.error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(get_register(*context_, school_, kToday, Session::Am).error().kind,
            ErrorKind::Forbidden);
  auto elsewhere = save(other_provider_, kToday, Session::Am, {entry(sam_, "/")});
  EXPECT_EQ(first_field(elsewhere), "marks[0].pupil_id")
      << "another provider's register does not hold the pupil";
}

TEST_F(RegisterTest, ASessionMarkedByAnotherProviderIsAConflict) {
  place_active(sam_, other_provider_id_, other_school_id_, all_week());
  ASSERT_TRUE(save(teacher_, kToday, Session::Am, {entry(sam_, "/")}).ok());
  auto clash = save(other_provider_, kToday, Session::Am, {entry(sam_, "/")});
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().kind, ErrorKind::Conflict);
}

TEST_F(RegisterTest, RegistersNotTakenForDashboards) {
  auto missing = registers_not_taken(db(), provider_id_, kToday);
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[0].expected, 2);
  ASSERT_TRUE(save(teacher_, kToday, Session::Am, {entry(sam_, "/"), entry(alex_, "/")}).ok());
  missing = registers_not_taken(db(), provider_id_, kToday);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].session, Session::Pm);
  auto day = registers_for_day(*context_, teacher_, kToday);
  ASSERT_TRUE(day.ok());
  EXPECT_TRUE((*day)[0].taken);
  EXPECT_EQ((*day)[0].marked, 2);
  EXPECT_FALSE((*day)[1].taken);
  EXPECT_EQ(registers_for_day(*context_, school_, kToday).error().kind, ErrorKind::Forbidden);
}

}  // namespace
}  // namespace waymark::app
