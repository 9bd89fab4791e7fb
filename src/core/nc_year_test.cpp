#include "core/nc_year.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace waymark {
namespace {

struct AcademicYearCase {
  Date on;
  int start;
};

TEST(AcademicYearStart, ChangesOnTheFirstOfSeptember) {
  const AcademicYearCase cases[] = {
      {.on = Date::from_ymd(2025, 8, 31), .start = 2024},
      {.on = Date::from_ymd(2025, 9, 1), .start = 2025},
      {.on = Date::from_ymd(2025, 12, 31), .start = 2025},
      {.on = Date::from_ymd(2026, 1, 1), .start = 2025},
      {.on = Date::from_ymd(2026, 8, 31), .start = 2025},
      {.on = Date::from_ymd(2026, 9, 1), .start = 2026},
      {.on = Date::from_ymd(2000, 2, 29), .start = 1999},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.on.iso());
    EXPECT_EQ(academic_year_start(test_case.on), test_case.start);
  }
}

struct NcYearCase {
  Date dob;
  int academic_year_start;
  int year;
};

TEST(NcYearFor, PutsEachBirthYearInItsYearGroup) {
  const NcYearCase cases[] = {
      // The worked example: born 1 Sep 2012 to 31 Aug 2013 means Year 8 in 2025/26.
      {.dob = Date::from_ymd(2012, 9, 1), .academic_year_start = 2025, .year = 8},
      {.dob = Date::from_ymd(2013, 8, 31), .academic_year_start = 2025, .year = 8},
      {.dob = Date::from_ymd(2012, 8, 31), .academic_year_start = 2025, .year = 9},
      {.dob = Date::from_ymd(2013, 9, 1), .academic_year_start = 2025, .year = 7},
      {.dob = Date::from_ymd(2012, 12, 25), .academic_year_start = 2024, .year = 7},
      {.dob = Date::from_ymd(2012, 2, 29), .academic_year_start = 2025, .year = 9},
      // The ends of the range.
      {.dob = Date::from_ymd(2020, 9, 1), .academic_year_start = 2025, .year = 0},
      {.dob = Date::from_ymd(2021, 8, 31), .academic_year_start = 2025, .year = 0},
      {.dob = Date::from_ymd(2007, 9, 1), .academic_year_start = 2025, .year = 13},
      {.dob = Date::from_ymd(2008, 8, 31), .academic_year_start = 2025, .year = 13},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.dob.iso());
    auto year = nc_year_for(test_case.dob, test_case.academic_year_start);
    ASSERT_TRUE(year.ok()) << year.error().message;
    EXPECT_EQ(*year, test_case.year);
  }
}

struct OutsideSchoolAgeCase {
  Date dob;
  int academic_year_start;
  std::string_view reason;
};

TEST(NcYearFor, RejectsPupilsOutsideReceptionToYear13) {
  const OutsideSchoolAgeCase cases[] = {
      {.dob = Date::from_ymd(2021, 9, 1),
       .academic_year_start = 2025,
       .reason = "date of birth puts the pupil outside school age (below Reception in 2025/26; "
                 "would start Reception in 2026/27)"},
      {.dob = Date::from_ymd(2030, 1, 1),
       .academic_year_start = 2025,
       .reason = "date of birth puts the pupil outside school age (below Reception in 2025/26; "
                 "would start Reception in 2034/35)"},
      {.dob = Date::from_ymd(2007, 8, 31),
       .academic_year_start = 2025,
       .reason = "date of birth puts the pupil outside school age (Year 14 in 2025/26; Waymark "
                 "covers Reception to Year 13)"},
      {.dob = Date::from_ymd(1980, 5, 1),
       .academic_year_start = 2025,
       .reason = "date of birth puts the pupil outside school age (Year 41 in 2025/26; Waymark "
                 "covers Reception to Year 13)"},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.dob.iso());
    auto year = nc_year_for(test_case.dob, test_case.academic_year_start, "pupil.dob");
    ASSERT_FALSE(year.ok());
    EXPECT_EQ(year.error().kind, ErrorKind::Invalid);
    ASSERT_EQ(year.error().fields.size(), 1u);
    EXPECT_EQ(year.error().fields[0].field, "pupil.dob");
    EXPECT_EQ(year.error().fields[0].reason, test_case.reason);
  }
}

TEST(NcYearFor, NamesTheDefaultField) {
  auto year = nc_year_for(Date::from_ymd(2024, 1, 1), 2025);
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.error().fields.at(0).field, "dob");
}

struct LabelCase {
  int value;
  std::string_view label;
};

TEST(NcYearLabel, NamesReceptionAndNumberedYears) {
  const LabelCase cases[] = {
      {.value = 0, .label = "Reception"},
      {.value = 1, .label = "Year 1"},
      {.value = 7, .label = "Year 7"},
      {.value = 13, .label = "Year 13"},
  };
  for (const auto& test_case : cases) EXPECT_EQ(nc_year_label(test_case.value), test_case.label);
}

TEST(AcademicYearLabel, ShowsTheSecondYearAsTwoDigits) {
  const LabelCase cases[] = {
      {.value = 2025, .label = "2025/26"}, {.value = 2009, .label = "2009/10"},
      {.value = 1999, .label = "1999/00"}, {.value = 2099, .label = "2099/00"},
      {.value = 2000, .label = "2000/01"},
  };
  for (const auto& test_case : cases) {
    EXPECT_EQ(academic_year_label(test_case.value), test_case.label);
  }
}

}  // namespace
}  // namespace waymark
