#include "core/feedback_period.h"

#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace waymark {

// Lets GoogleTest show a period as "#2 2025-11-03..2025-11-24" in failure messages.
void PrintTo(const FeedbackPeriod& period, std::ostream* out) {
  *out << "#" << period.number << " " << period.start.iso() << ".." << period.end.iso();
}

namespace {

Date ymd(int year, unsigned month, unsigned day) {
  return Date::from_ymd(year, month, day);
}

// Autumn 2025 split by the half-term holiday (27-31 Oct) with an INSET day on Friday 14 Nov.
const std::vector<Term> kAutumn = {
    {.id = 1,
     .organisation_id = 1,
     .academic_year = 2025,
     .name = "Autumn",
     .start_date = ymd(2025, 9, 3),
     .end_date = ymd(2025, 12, 19),
     .parent_term_id = 0},
    {.id = 2,
     .organisation_id = 1,
     .academic_year = 2025,
     .name = "Autumn 1",
     .start_date = ymd(2025, 9, 3),
     .end_date = ymd(2025, 10, 24),
     .parent_term_id = 1},
    {.id = 3,
     .organisation_id = 1,
     .academic_year = 2025,
     .name = "Autumn 2",
     .start_date = ymd(2025, 11, 3),
     .end_date = ymd(2025, 12, 19),
     .parent_term_id = 1},
};

std::vector<Term> autumn_and_spring() {
  std::vector<Term> terms = kAutumn;
  terms.push_back({.id = 4,
                   .organisation_id = 1,
                   .academic_year = 2025,
                   .name = "Spring",
                   .start_date = ymd(2026, 1, 5),
                   .end_date = ymd(2026, 3, 27),
                   .parent_term_id = 0});
  return terms;
}

const std::vector<ClosureDay> kInsetDay = {
    {.id = 1, .organisation_id = 1, .date = ymd(2025, 11, 14), .reason = "INSET day"}};

FeedbackCycle cycle_of(int school_days) {
  return FeedbackCycle::every(school_days).value();
}

TEST(FeedbackPeriods, CountSchoolDaysSoHolidaysDoNotCount) {
  struct Case {
    std::string_view name;
    Date placement_start;
    Date until;
    std::vector<Term> terms;
    FeedbackCycle cycle;
    std::vector<FeedbackPeriod> periods;
  };
  const Case cases[] = {
      {.name = "three weeks each; half term and the INSET day skipped; the calendar ends",
       .placement_start = ymd(2025, 10, 6),
       .until = ymd(2025, 12, 31),
       .terms = kAutumn,
       .cycle = FeedbackCycle(),
       .periods = {{.start = ymd(2025, 10, 6), .end = ymd(2025, 10, 24), .number = 1},
                   {.start = ymd(2025, 11, 3), .end = ymd(2025, 11, 24), .number = 2},
                   {.start = ymd(2025, 11, 25), .end = ymd(2025, 12, 15), .number = 3},
                   {.start = ymd(2025, 12, 16), .end = ymd(2025, 12, 19), .number = 4}}},
      {.name = "the fourth period runs on into the spring term once it is entered",
       .placement_start = ymd(2025, 10, 6),
       .until = ymd(2025, 12, 31),
       .terms = autumn_and_spring(),
       .cycle = FeedbackCycle(),
       .periods = {{.start = ymd(2025, 10, 6), .end = ymd(2025, 10, 24), .number = 1},
                   {.start = ymd(2025, 11, 3), .end = ymd(2025, 11, 24), .number = 2},
                   {.start = ymd(2025, 11, 25), .end = ymd(2025, 12, 15), .number = 3},
                   {.start = ymd(2025, 12, 16), .end = ymd(2026, 1, 19), .number = 4}}},
      {.name = "a period spanning half term",
       .placement_start = ymd(2025, 10, 15),
       .until = ymd(2025, 11, 11),
       .terms = kAutumn,
       .cycle = FeedbackCycle(),
       .periods = {{.start = ymd(2025, 10, 15), .end = ymd(2025, 11, 11), .number = 1}}},
      {.name = "a placement starting in the holiday starts on the first school day",
       .placement_start = ymd(2025, 10, 27),
       .until = ymd(2025, 11, 3),
       .terms = kAutumn,
       .cycle = FeedbackCycle(),
       .periods = {{.start = ymd(2025, 11, 3), .end = ymd(2025, 11, 24), .number = 1}}},
      {.name = "only periods started by `until`",
       .placement_start = ymd(2025, 10, 6),
       .until = ymd(2025, 11, 2),
       .terms = kAutumn,
       .cycle = FeedbackCycle(),
       .periods = {{.start = ymd(2025, 10, 6), .end = ymd(2025, 10, 24), .number = 1}}},
      {.name = "a two-week cycle across half term",
       .placement_start = ymd(2025, 10, 20),
       .until = ymd(2025, 11, 7),
       .terms = kAutumn,
       .cycle = cycle_of(10),
       .periods = {{.start = ymd(2025, 10, 20), .end = ymd(2025, 11, 7), .number = 1}}},
      {.name = "a one-week cycle loses the INSET day",
       .placement_start = ymd(2025, 11, 10),
       .until = ymd(2025, 11, 18),
       .terms = kAutumn,
       .cycle = cycle_of(5),
       .periods = {{.start = ymd(2025, 11, 10), .end = ymd(2025, 11, 17), .number = 1},
                   {.start = ymd(2025, 11, 18), .end = ymd(2025, 11, 24), .number = 2}}},
      {.name = "nothing before the first school day",
       .placement_start = ymd(2025, 10, 25),
       .until = ymd(2025, 10, 31),
       .terms = kAutumn,
       .cycle = FeedbackCycle(),
       .periods = {}},
      {.name = "no calendar",
       .placement_start = ymd(2025, 10, 6),
       .until = ymd(2025, 12, 31),
       .terms = {},
       .cycle = FeedbackCycle(),
       .periods = {}},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    EXPECT_EQ(feedback_periods(test_case.placement_start, test_case.until, test_case.terms,
                               kInsetDay, test_case.cycle),
              test_case.periods);
  }
}

TEST(FeedbackPeriods, PeriodContainingADay) {
  struct Case {
    std::string_view name;
    Date placement_start;
    Date on;
    std::optional<int> number;
  };
  const Case cases[] = {
      {.name = "first day",
       .placement_start = ymd(2025, 10, 6),
       .on = ymd(2025, 10, 6),
       .number = 1},
      {.name = "due date",
       .placement_start = ymd(2025, 10, 6),
       .on = ymd(2025, 10, 24),
       .number = 1},
      {.name = "half term between periods",
       .placement_start = ymd(2025, 10, 6),
       .on = ymd(2025, 10, 28),
       .number = std::nullopt},
      {.name = "half term inside a period",
       .placement_start = ymd(2025, 10, 15),
       .on = ymd(2025, 10, 28),
       .number = 1},
      {.name = "INSET day inside a period",
       .placement_start = ymd(2025, 10, 6),
       .on = ymd(2025, 11, 14),
       .number = 2},
      {.name = "first day after half term",
       .placement_start = ymd(2025, 10, 6),
       .on = ymd(2025, 11, 3),
       .number = 2},
      {.name = "before the placement",
       .placement_start = ymd(2025, 10, 6),
       .on = ymd(2025, 10, 3),
       .number = std::nullopt},
      {.name = "after the calendar ends",
       .placement_start = ymd(2025, 10, 6),
       .on = ymd(2025, 12, 22),
       .number = std::nullopt},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    const std::optional<FeedbackPeriod> period =
        period_containing(test_case.on, test_case.placement_start, kAutumn, kInsetDay);
    ASSERT_EQ(period.has_value(), test_case.number.has_value());
    if (period) {
      EXPECT_EQ(period->number, *test_case.number);
      EXPECT_LE(period->start, test_case.on);
      EXPECT_GE(due_date(*period), test_case.on);
    }
  }
}

TEST(FeedbackPeriods, DueOnTheLastSchoolDay) {
  const auto periods = feedback_periods(ymd(2025, 10, 15), ymd(2025, 10, 15), kAutumn, kInsetDay);
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(due_date(periods[0]), ymd(2025, 11, 11));
  EXPECT_TRUE(is_school_day(due_date(periods[0]), kAutumn, kInsetDay));
}

TEST(FeedbackCycle, LengthMustBeOneToSixtySchoolDays) {
  EXPECT_EQ(FeedbackCycle().school_days(), 15);
  struct Case {
    int school_days;
    bool ok;
  };
  const Case cases[] = {{0, false}, {-3, false}, {1, true}, {15, true}, {60, true}, {61, false}};
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.school_days);
    auto cycle = FeedbackCycle::every(test_case.school_days);
    ASSERT_EQ(cycle.ok(), test_case.ok);
    if (cycle.ok()) {
      EXPECT_EQ(cycle->school_days(), test_case.school_days);
    } else {
      EXPECT_EQ(cycle.error().fields,
                (std::vector<FieldError>{
                    {"school_days_per_period", "use 1 to 60 school days (15 is three weeks)"}}));
    }
  }
}

}  // namespace
}  // namespace waymark
