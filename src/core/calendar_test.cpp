#include "core/calendar.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

TEST(CalendarTest, TermsMustFallInTheirYearAndHalfTermsInTheirTerm) {
  Term autumn{1, 1, 2025, "Autumn", Date::from_ymd(2025, 9, 3), Date::from_ymd(2025, 12, 19), 0};
  EXPECT_TRUE(validate_term(autumn, nullptr).ok());
  Term wrong_year = autumn;
  wrong_year.academic_year = 2024;
  EXPECT_FALSE(validate_term(wrong_year, nullptr).ok());
  Term half{2, 1, 2025, "Autumn 1", Date::from_ymd(2025, 9, 3), Date::from_ymd(2025, 10, 24), 1};
  EXPECT_TRUE(validate_term(half, &autumn).ok());
  half.end_date = Date::from_ymd(2026, 1, 10);
  EXPECT_FALSE(validate_term(half, &autumn).ok());
  Term backwards = autumn;
  backwards.end_date = Date::from_ymd(2025, 9, 1);
  EXPECT_FALSE(validate_term(backwards, nullptr).ok());
}

TEST(CalendarTest, SchoolDaysSkipWeekendsHolidaysAndClosures) {
  std::vector<Term> terms = {
      {1, 1, 2025, "Autumn", Date::from_ymd(2025, 9, 3), Date::from_ymd(2025, 12, 19), 0},
      {2, 1, 2025, "Autumn 1", Date::from_ymd(2025, 9, 3), Date::from_ymd(2025, 10, 24), 1},
      {3, 1, 2025, "Autumn 2", Date::from_ymd(2025, 11, 3), Date::from_ymd(2025, 12, 19), 1},
  };
  std::vector<ClosureDay> closures = {{1, 1, Date::from_ymd(2025, 11, 14), "INSET"}};
  struct Case {
    Date date;
    bool school_day;
  };
  const Case cases[] = {
      {Date::from_ymd(2025, 9, 3), true},     // first day
      {Date::from_ymd(2025, 9, 6), false},    // Saturday
      {Date::from_ymd(2025, 10, 28), false},  // half-term holiday
      {Date::from_ymd(2025, 11, 14), false},  // closure day
      {Date::from_ymd(2025, 11, 13), true},  {Date::from_ymd(2025, 12, 22), false},  // after term
  };
  for (const auto& test : cases)
    EXPECT_EQ(is_school_day(test.date, terms, closures), test.school_day) << test.date.iso();
}

TEST(CalendarTest, SubjectsAndGroupsNeedNames) {
  EXPECT_FALSE(validate_subject(Subject{0, 1, "", "MA"}).ok());
  EXPECT_FALSE(validate_subject(Subject{0, 1, "Maths", "TOOLONGCODE1"}).ok());
  EXPECT_TRUE(validate_subject(Subject{0, 1, "Mathematics", "MA"}).ok());
  TeachingGroup group;
  EXPECT_FALSE(validate_teaching_group(group).ok());
  group.name = "KS4 Maths";
  EXPECT_TRUE(validate_teaching_group(group).ok());
}

}  // namespace
}  // namespace waymark
