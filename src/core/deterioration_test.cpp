#include "core/deterioration.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

using Trigger = DeteriorationRule::Trigger;

// Autumn 2025 in two half terms (October half term 27-31 October), then Spring 2026 from 5
// January (Christmas holiday 22 December - 2 January).
std::vector<Term> calendar() {
  auto term = [](Id id, const char* name, Date start, Date end, Id parent) {
    Term result;
    result.id = id;
    result.name = name;
    result.start_date = start;
    result.end_date = end;
    result.parent_term_id = parent;
    return result;
  };
  return {
      term(1, "Autumn", Date::from_ymd(2025, 9, 3), Date::from_ymd(2025, 12, 19), 0),
      term(2, "Autumn 1", Date::from_ymd(2025, 9, 3), Date::from_ymd(2025, 10, 24), 1),
      term(3, "Autumn 2", Date::from_ymd(2025, 11, 3), Date::from_ymd(2025, 12, 19), 1),
      term(4, "Spring", Date::from_ymd(2026, 1, 5), Date::from_ymd(2026, 3, 27), 0),
  };
}

// Every weekday of the week of 15 December closed (say, for building work).
std::vector<ClosureDay> closed_week_of_15_december() {
  std::vector<ClosureDay> closures;
  for (int day_idx = 0; day_idx < 5; ++day_idx) {
    ClosureDay closure;
    closure.date = Date::from_ymd(2025, 12, 15).plus_days(day_idx);
    closure.reason = "building work";
    closures.push_back(closure);
  }
  return closures;
}

WeekRag week(int year, unsigned month, unsigned day, Rag rag) {
  return WeekRag{Date::from_ymd(year, month, day), rag};
}

constexpr Rag R = Rag::Red;
constexpr Rag A = Rag::Amber;
constexpr Rag G = Rag::Green;

struct RunCase {
  const char* name;
  Trigger trigger;
  std::vector<WeekRag> history;
  int consecutive_weeks;
  bool deteriorating;
  std::optional<Date> run_started;
  std::vector<ClosureDay> closures = {};
};

TEST(DeteriorationTest, CountsConsecutiveTeachingWeeks) {
  const RunCase cases[] = {
      {"three Amber weeks: not yet",
       Trigger::RedOrAmber,
       {week(2025, 10, 6, A), week(2025, 10, 13, A), week(2025, 10, 20, A)},
       3,
       false,
       Date::from_ymd(2025, 10, 6)},
      {"four Amber weeks: more than three",
       Trigger::RedOrAmber,
       {week(2025, 9, 22, G), week(2025, 9, 29, A), week(2025, 10, 6, R), week(2025, 10, 13, A),
        week(2025, 10, 20, A)},
       4,
       true,
       Date::from_ymd(2025, 9, 29)},
      {"the October half term neither breaks nor extends a run",
       Trigger::RedOrAmber,
       {week(2025, 10, 13, A), week(2025, 10, 20, A), week(2025, 11, 3, A), week(2025, 11, 10, A)},
       4,
       true,
       Date::from_ymd(2025, 10, 13)},
      {"over Christmas",
       Trigger::RedOrAmber,
       {week(2025, 12, 8, R), week(2025, 12, 15, R), week(2026, 1, 5, A), week(2026, 1, 12, A)},
       4,
       true,
       Date::from_ymd(2025, 12, 8)},
      {"a Green week resets the run",
       Trigger::RedOrAmber,
       {week(2025, 9, 29, A), week(2025, 10, 6, A), week(2025, 10, 13, A), week(2025, 10, 20, G),
        week(2025, 11, 3, A), week(2025, 11, 10, A)},
       2,
       false,
       Date::from_ymd(2025, 11, 3)},
      {"the latest week Green: no run",
       Trigger::RedOrAmber,
       {week(2025, 9, 29, A), week(2025, 10, 6, A), week(2025, 10, 13, A), week(2025, 10, 20, A),
        week(2025, 11, 3, G)},
       0,
       false,
       std::nullopt},
      {"a teaching week with no RAG breaks the run",
       Trigger::RedOrAmber,
       {week(2025, 9, 22, A), week(2025, 9, 29, A), week(2025, 10, 13, A), week(2025, 10, 20, A)},
       2,
       false,
       Date::from_ymd(2025, 10, 13)},
      {"a week closed throughout is not a teaching week",
       Trigger::RedOrAmber,
       {week(2025, 12, 1, A), week(2025, 12, 8, A), week(2026, 1, 5, A), week(2026, 1, 12, A)},
       4,
       true,
       Date::from_ymd(2025, 12, 1),
       closed_week_of_15_december()},
      {"without the closure that week was missed",
       Trigger::RedOrAmber,
       {week(2025, 12, 1, A), week(2025, 12, 8, A), week(2026, 1, 5, A), week(2026, 1, 12, A)},
       2,
       false,
       Date::from_ymd(2026, 1, 5)},
      {"Red only: Amber breaks the run",
       Trigger::Red,
       {week(2025, 9, 22, R), week(2025, 9, 29, R), week(2025, 10, 6, A), week(2025, 10, 13, R),
        week(2025, 10, 20, R), week(2025, 11, 3, R)},
       3,
       false,
       Date::from_ymd(2025, 10, 13)},
      {"Red only: four Red weeks",
       Trigger::Red,
       {week(2025, 10, 6, R), week(2025, 10, 13, R), week(2025, 10, 20, R), week(2025, 11, 3, R)},
       4,
       true,
       Date::from_ymd(2025, 10, 6)},
      {"worse: a drop held for four weeks",
       Trigger::WorseThanPreviousWeek,
       {week(2025, 9, 22, G), week(2025, 9, 29, A), week(2025, 10, 6, A), week(2025, 10, 13, R),
        week(2025, 10, 20, R)},
       4,
       true,
       Date::from_ymd(2025, 9, 29)},
      {"worse: across half term",
       Trigger::WorseThanPreviousWeek,
       {week(2025, 10, 13, G), week(2025, 10, 20, A), week(2025, 11, 3, A), week(2025, 11, 10, R),
        week(2025, 11, 17, R)},
       4,
       true,
       Date::from_ymd(2025, 10, 20)},
      {"worse: steadily Amber is not a drop",
       Trigger::WorseThanPreviousWeek,
       {week(2025, 9, 22, A), week(2025, 9, 29, A), week(2025, 10, 6, A), week(2025, 10, 13, A),
        week(2025, 10, 20, A)},
       0,
       false,
       std::nullopt},
      {"worse: an improvement ends the run",
       Trigger::WorseThanPreviousWeek,
       {week(2025, 9, 22, G), week(2025, 9, 29, A), week(2025, 10, 6, R), week(2025, 10, 13, A),
        week(2025, 10, 20, A)},
       0,
       false,
       std::nullopt},
      {"worse: a new drop after an improvement starts a new run",
       Trigger::WorseThanPreviousWeek,
       {week(2025, 9, 22, G), week(2025, 9, 29, R), week(2025, 10, 6, A), week(2025, 10, 13, R),
        week(2025, 10, 20, R)},
       2,
       false,
       Date::from_ymd(2025, 10, 13)},
      {"worse: no comparison across a missing teaching week",
       Trigger::WorseThanPreviousWeek,
       {week(2025, 9, 22, G), week(2025, 9, 29, A), week(2025, 10, 13, R)},
       0,
       false,
       std::nullopt},
  };
  const std::vector<Term> terms = calendar();
  for (const auto& test : cases) {
    const DeteriorationRule rule{test.trigger, 3};
    auto result = evaluate_deterioration(test.history, rule, terms, test.closures);
    ASSERT_TRUE(result.ok()) << test.name << ": " << result.error().message;
    EXPECT_EQ(result->consecutive_weeks, test.consecutive_weeks) << test.name;
    EXPECT_EQ(result->deteriorating, test.deteriorating) << test.name;
    EXPECT_EQ(result->run_started, test.run_started) << test.name;
    EXPECT_EQ(result->last_week, week_monday(test.history.back().week_start)) << test.name;
  }
}

TEST(DeteriorationTest, HistoryMayComeInAnyOrderAndOnAnyWeekday) {
  const std::vector<WeekRag> shuffled = {
      week(2025, 11, 5, A),                          // a Wednesday: the week of 3 November
      week(2025, 10, 13, A), week(2025, 11, 14, A),  // a Friday: the week of 10 November
      week(2025, 9, 29, G),  week(2025, 10, 21, A),  // a Tuesday: the week of 20 October
  };
  auto result = evaluate_deterioration(shuffled, DeteriorationRule{}, calendar(), {});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->consecutive_weeks, 4);
  EXPECT_TRUE(result->deteriorating);
  EXPECT_EQ(result->run_started, Date::from_ymd(2025, 10, 13));
  EXPECT_EQ(result->last_week, Date::from_ymd(2025, 11, 10));
}

TEST(DeteriorationTest, WeeksMoreThanIsConfigurable) {
  const std::vector<WeekRag> history = {week(2025, 10, 6, A), week(2025, 10, 13, A),
                                        week(2025, 10, 20, A)};
  const DeteriorationRule two_weeks{Trigger::RedOrAmber, 2};
  EXPECT_TRUE(evaluate_deterioration(history, two_weeks, calendar(), {}).value().deteriorating);
  const DeteriorationRule three_weeks{Trigger::RedOrAmber, 3};
  EXPECT_FALSE(evaluate_deterioration(history, three_weeks, calendar(), {}).value().deteriorating);
}

TEST(DeteriorationTest, NoHistoryNoRun) {
  auto result = evaluate_deterioration({}, DeteriorationRule{}, calendar(), {});
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->deteriorating);
  EXPECT_EQ(result->consecutive_weeks, 0);
  EXPECT_FALSE(result->last_week.has_value());
}

TEST(DeteriorationTest, RejectsTwoRagsInOneWeek) {
  auto result =
      evaluate_deterioration({week(2025, 10, 6, A), week(2025, 10, 13, A), week(2025, 10, 8, R)},
                             DeteriorationRule{}, calendar(), {});
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.error().fields.size(), 1u);
  EXPECT_EQ(result.error().fields[0].field, "history[2].week_start");
  EXPECT_EQ(result.error().fields[0].reason,
            "is in the same week as history[0] (the week of 2025-10-06)");
}

TEST(DeteriorationTest, RejectsAnUnreasonableRule) {
  for (int weeks : {0, -1, 13}) {
    auto result = evaluate_deterioration({}, DeteriorationRule{Trigger::Red, weeks}, {}, {});
    ASSERT_FALSE(result.ok()) << weeks;
    EXPECT_EQ(result.error().fields[0].field, "weeks_more_than");
  }
}

TEST(DeteriorationTest, TriggersParseAndPrint) {
  for (Trigger trigger : {Trigger::RedOrAmber, Trigger::Red, Trigger::WorseThanPreviousWeek})
    EXPECT_EQ(parse_deterioration_trigger(to_string(trigger)).value(), trigger);
  EXPECT_FALSE(parse_deterioration_trigger("amber").ok());
  EXPECT_EQ(week_monday(Date::from_ymd(2025, 11, 9)), Date::from_ymd(2025, 11, 3));  // Sunday
  EXPECT_EQ(week_monday(Date::from_ymd(2025, 11, 3)), Date::from_ymd(2025, 11, 3));
}

}  // namespace
}  // namespace waymark
