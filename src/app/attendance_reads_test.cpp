// Reading attendance against a real SQLite store: statistics per code through the registers, the
// persistent and severe flags, who may read a pupil's attendance (another school's pupil is 404),
// the daily summary for schools, the week for dashboards, the export and its errors, and that
// marks cannot be deleted.
#include <gtest/gtest.h>

#include "app/attendance_daily.h"
#include "app/attendance_export.h"
#include "app/attendance_pupil.h"
#include "app/attendance_queries.h"
#include "app/attendance_registers.h"
#include "app/attendance_test_support.h"
#include "store/sqlite/sqlite_connection.h"

namespace waymark::app {
namespace {

using attendance_testing::kToday;

class AttendanceReadTest : public attendance_testing::AttendanceFixture {
 protected:
  void mark(Date date, Session session, const std::string& code,
            std::optional<int> minutes = std::nullopt) {
    std::vector<MarkEntry> entries{{sam_, code, minutes, ""}};
    auto saved = save_register(*context_, teacher_, date, session, entries);
    ASSERT_TRUE(saved.ok()) << code << ": " << saved.error().message;
  }
};

// How one mark of each kind counts, through the register and the stored marks.
TEST_F(AttendanceReadTest, EachCodeCountsInItsCategory) {
  struct Case {
    const char* code;
    std::optional<int> minutes;
    int possible, present, approved, authorised, unauthorised;
  };
  const Case cases[] = {
      {"/", {}, 1, 1, 0, 0, 0},  {"L", 5, 1, 1, 0, 0, 0},  {"B", {}, 1, 0, 1, 0, 0},
      {"K", {}, 1, 0, 1, 0, 0},  {"I", {}, 1, 0, 0, 1, 0}, {"M", {}, 1, 0, 0, 1, 0},
      {"C2", {}, 1, 0, 0, 1, 0}, {"N", {}, 1, 0, 0, 0, 1}, {"O", {}, 1, 0, 0, 0, 1},
      {"U", 40, 1, 0, 0, 0, 1},  {"G", {}, 1, 0, 0, 0, 1}, {"D", {}, 0, 0, 0, 0, 0},
      {"Y2", {}, 0, 0, 0, 0, 0}, {"#", {}, 0, 0, 0, 0, 0}, {"X", {}, 0, 0, 0, 0, 0},
  };
  Date date = Date::from_ymd(2025, 9, 1);  // a Monday
  for (const Case& one : cases) {
    SCOPED_TRACE(one.code);
    mark(date, Session::Am, one.code, one.minutes);
    auto summary = pupil_attendance_summary(db(), sam_, date, date);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->possible, one.possible);
    EXPECT_EQ(summary->present, one.present);
    EXPECT_EQ(summary->approved, one.approved);
    EXPECT_EQ(summary->authorised, one.authorised);
    EXPECT_EQ(summary->unauthorised, one.unauthorised);
    date = date.plus_days(date.weekday() == 5 ? 3 : 1);
  }
  EXPECT_EQ(pupil_attendance_summary(db(), sam_, kToday, kToday.plus_days(-1))
                .error()
                .fields.front()
                .field,
            "to");
}

TEST_F(AttendanceReadTest, PersistentAndSevereAbsenceFlags) {
  // Monday 3 to Wednesday 5 November: 6 sessions.
  const Date monday = Date::from_ymd(2025, 11, 3);
  mark(monday, Session::Am, "/");
  mark(monday, Session::Pm, "/");
  mark(monday.plus_days(1), Session::Am, "/");
  mark(monday.plus_days(1), Session::Pm, "/");
  mark(monday.plus_days(2), Session::Am, "/");
  mark(monday.plus_days(2), Session::Pm, "I");
  auto view = pupil_attendance(*context_, teacher_, sam_, monday, kToday);
  ASSERT_TRUE(view.ok()) << view.error().message;
  EXPECT_EQ(view->summary.possible, 6);
  EXPECT_TRUE(view->summary.persistent) << "1 of 6 is 16.7%";
  EXPECT_FALSE(view->summary.severe);
  EXPECT_EQ(format_rate(view->summary.rate), "83.3%");
  EXPECT_EQ(view->marks.size(), 6u);
  ASSERT_FALSE(view->periods.empty());
  EXPECT_EQ(view->periods.front().from, monday) << "this week";
}

TEST_F(AttendanceReadTest, SevereAbsenceAtHalf) {
  const Date monday = Date::from_ymd(2025, 11, 3);
  mark(monday, Session::Am, "/");
  std::vector<MarkEntry> absent{{sam_, "N", std::nullopt, ""}};
  ASSERT_TRUE(save_register(*context_, teacher_, monday, Session::Pm, absent).ok());
  auto view = pupil_attendance(*context_, school_, sam_, monday, monday);
  ASSERT_TRUE(view.ok());
  EXPECT_TRUE(view->summary.severe);
  EXPECT_TRUE(view->summary.persistent);
  EXPECT_EQ(view->history.size(), 2u);
}

TEST_F(AttendanceReadTest, TheCommissioningSchoolSeesMarksTheSameDayAndOthersDoNot) {
  mark(kToday, Session::Am, "N");
  auto school = pupil_attendance(*context_, school_, sam_, kToday, kToday);
  ASSERT_TRUE(school.ok());
  ASSERT_EQ(school->marks.size(), 1u);
  EXPECT_EQ(school->marks[0].code, "N");
  auto other = pupil_attendance(*context_, other_school_, sam_, kToday, kToday);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, ErrorKind::NotFound);
  EXPECT_EQ(pupil_attendance(*context_, other_provider_, sam_, {}, {}).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(pupil_attendance(*context_, teacher_, sam_, kToday, kToday.plus_days(-1))
                .error()
                .fields.front()
                .field,
            "to");
  EXPECT_EQ(pupil_attendance(*context_, teacher_, sam_, Date::from_ymd(2020, 1, 1), kToday)
                .error()
                .fields.front()
                .field,
            "from");
}

TEST_F(AttendanceReadTest, DailySummaryForTheCommissioningSchool) {
  mark(kToday, Session::Am, "L", 7);
  auto summary = daily_attendance(*context_, school_, kToday);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  ASSERT_EQ(summary->rows.size(), 2u);
  const DailyRow& alex = summary->rows[0];
  const DailyRow& sam = summary->rows[1];
  EXPECT_EQ(sam.name, "Smith, Sam");
  EXPECT_EQ(sam.am.code, "L");
  EXPECT_EQ(sam.am.minutes_late, 7);
  EXPECT_EQ(sam.provider_urn, "100001");
  EXPECT_EQ(sam.pm.meaning, "Not yet taken");
  EXPECT_EQ(alex.pm.meaning, "Not timetabled");
  EXPECT_TRUE(daily_attendance(*context_, other_school_, kToday)->rows.empty());
  EXPECT_EQ(daily_attendance(*context_, teacher_, kToday).error().kind, ErrorKind::Forbidden);

  auto week = commissioned_week_attendance(*context_, school_, kToday);
  ASSERT_TRUE(week.ok());
  ASSERT_EQ(week->size(), 1u);
  EXPECT_EQ(week->front().summary.present, 1);
  EXPECT_EQ(commissioned_week_attendance(*context_, teacher_, kToday).error().kind,
            ErrorKind::Forbidden);
}

TEST_F(AttendanceReadTest, ExportFiltersBySchoolAndRejectsBadArguments) {
  mark(kToday, Session::Am, "/");
  mark(kToday, Session::Pm, "N");
  auto all = export_attendance(db(), "2025-11-01", "2025-11-30", std::nullopt);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].mark.session, Session::Am);
  EXPECT_EQ((*all)[1].mark.code, "N");
  EXPECT_EQ((*all)[1].meaning, "reason not yet established");
  EXPECT_EQ((*all)[0].mark.commissioner_urn, "100002");
  EXPECT_EQ(export_attendance(db(), "2025-11-01", "2025-11-30", "100002")->size(), 2u);
  EXPECT_TRUE(export_attendance(db(), "2025-11-01", "2025-11-30", "100003")->empty());

  auto bad = export_attendance(db(), "2025-13-01", "soon", "999999");
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().fields.size(), 3u);
  EXPECT_EQ(bad.error().fields[0].field, "--from");
  EXPECT_EQ(bad.error().fields[1].field, "--to");
  EXPECT_EQ(bad.error().fields[2].field, "--school");
  EXPECT_EQ(export_attendance(db(), "2025-11-30", "2025-11-01", std::nullopt)
                .error()
                .fields.front()
                .field,
            "--to");
  EXPECT_EQ(
      export_attendance(db(), "2025-11-01", "2025-11-30", "100001").error().fields.front().field,
      "--school")
      << "a provider's URN is not a school's";
}

TEST_F(AttendanceReadTest, MarksAndTheirHistoryCannotBeDeleted) {
  mark(kToday, Session::Am, "/");
  auto& sqlite = dynamic_cast<store::sqlite::SqliteConnection&>(db());
  EXPECT_THROW(sqlite.db().execute_script("DELETE FROM attendance_marks"), store::StoreFault);
  EXPECT_THROW(sqlite.db().execute_script("DELETE FROM attendance_mark_history"),
               store::StoreFault);
  EXPECT_THROW(sqlite.db().execute_script("UPDATE attendance_mark_history SET code = 'N'"),
               store::StoreFault);
  EXPECT_TRUE(db().attendance().mark(sam_, kToday, Session::Am));
}

// The dashboard chart's points: per day, the mean of the rates of the commissioner's pupils.
TEST_F(AttendanceReadTest, DailyRatesAverageTheCommissionersPupilsPerDay) {
  const Date monday = Date::from_ymd(2025, 9, 1);
  std::vector<MarkEntry> am{{sam_, "/", std::nullopt, ""}, {alex_, "O", std::nullopt, ""}};
  ASSERT_TRUE(save_register(*context_, teacher_, monday, Session::Am, am).ok());
  mark(monday, Session::Pm, "N");
  mark(monday.plus_days(1), Session::Am, "X");  // nothing possible: no point that day
  mark(monday.plus_days(2), Session::Am, "/");
  mark(monday.plus_days(2), Session::Pm, "L", 5);

  auto days = commissioned_daily_rates(db(), school_id_, monday, monday.plus_days(4));
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].date, monday);
  EXPECT_EQ(days[0].pupils, 2);
  EXPECT_DOUBLE_EQ(days[0].mean_rate, 0.25);  // Sam 1 of 2, Alex 0 of 1
  EXPECT_EQ(days[1].date, monday.plus_days(2));
  EXPECT_EQ(days[1].pupils, 1);
  EXPECT_DOUBLE_EQ(days[1].mean_rate, 1.0);

  EXPECT_TRUE(
      commissioned_daily_rates(db(), other_school_id_, monday, monday.plus_days(4)).empty());
  EXPECT_TRUE(
      commissioned_daily_rates(db(), school_id_, monday.plus_days(3), monday.plus_days(4)).empty());
}

}  // namespace
}  // namespace waymark::app
