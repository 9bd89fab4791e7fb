#include "core/attendance_stats.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

const Date kDay = Date::from_ymd(2025, 9, 10);

AttendanceMark mark(const char* code, Date on = kDay, Session session = Session::Am) {
  AttendanceMark result;
  result.date = on;
  result.session = session;
  result.code = code;
  return result;
}

struct PerCodeCase {
  const char* code;
  int possible;
  int present;
  int approved;
  int authorised;
  int unauthorised;
};

// One session under each code: what it adds to the counts.
TEST(AttendanceStatsTest, EachCodeCountsInItsCategory) {
  const auto book = AttendanceCodeBook::standard();
  const PerCodeCase cases[] = {
      {"/", 1, 1, 0, 0, 0},  {"\\", 1, 1, 0, 0, 0}, {"L", 1, 1, 0, 0, 0},  {"K", 1, 0, 1, 0, 0},
      {"V", 1, 0, 1, 0, 0},  {"P", 1, 0, 1, 0, 0},  {"W", 1, 0, 1, 0, 0},  {"B", 1, 0, 1, 0, 0},
      {"D", 0, 0, 0, 0, 0},  {"C1", 1, 0, 0, 1, 0}, {"M", 1, 0, 0, 1, 0},  {"J1", 1, 0, 0, 1, 0},
      {"S", 1, 0, 0, 1, 0},  {"X", 0, 0, 0, 0, 0},  {"C2", 1, 0, 0, 1, 0}, {"C", 1, 0, 0, 1, 0},
      {"T", 1, 0, 0, 1, 0},  {"R", 1, 0, 0, 1, 0},  {"I", 1, 0, 0, 1, 0},  {"E", 1, 0, 0, 1, 0},
      {"Q", 0, 0, 0, 0, 0},  {"Y1", 0, 0, 0, 0, 0}, {"Y2", 0, 0, 0, 0, 0}, {"Y3", 0, 0, 0, 0, 0},
      {"Y4", 0, 0, 0, 0, 0}, {"Y5", 0, 0, 0, 0, 0}, {"Y6", 0, 0, 0, 0, 0}, {"Y7", 0, 0, 0, 0, 0},
      {"G", 1, 0, 0, 0, 1},  {"N", 1, 0, 0, 0, 1},  {"O", 1, 0, 0, 0, 1},  {"U", 1, 0, 0, 0, 1},
      {"Z", 0, 0, 0, 0, 0},  {"#", 0, 0, 0, 0, 0},
  };
  for (const auto& test : cases) {
    auto summary = summarise_marks({mark(test.code)}, book);
    ASSERT_TRUE(summary.ok()) << test.code << ": " << summary.error().message;
    EXPECT_EQ(summary->possible, test.possible) << test.code;
    EXPECT_EQ(summary->present, test.present) << test.code;
    EXPECT_EQ(summary->approved, test.approved) << test.code;
    EXPECT_EQ(summary->authorised, test.authorised) << test.code;
    EXPECT_EQ(summary->unauthorised, test.unauthorised) << test.code;
    EXPECT_EQ(summary->rate.has_value(), test.possible > 0) << test.code;
  }
}

struct ThresholdCase {
  const char* name;
  int present;
  int approved;
  int authorised;
  int unauthorised;
  std::optional<double> rate;
  bool persistent;
  bool severe;
};

TEST(AttendanceStatsTest, PersistentAndSevereThresholds) {
  const ThresholdCase cases[] = {
      {"full attendance", 10, 0, 0, 0, 1.0, false, false},
      {"approved activity counts as attending", 0, 10, 0, 0, 1.0, false, false},
      {"just under 10%", 91, 0, 9, 0, 0.91, false, false},
      {"exactly 10%", 9, 0, 0, 1, 0.9, true, false},
      {"exactly 10% of 380", 342, 0, 20, 18, 0.9, true, false},
      {"just under 50%", 51, 0, 25, 24, 0.51, true, false},
      {"exactly 50%", 3, 2, 4, 1, 0.5, true, true},
      {"never attended", 0, 0, 0, 4, 0.0, true, true},
      {"no possible sessions", 0, 0, 0, 0, std::nullopt, false, false},
  };
  for (const auto& test : cases) {
    const AttendanceSummary summary =
        make_summary(test.present, test.approved, test.authorised, test.unauthorised);
    EXPECT_EQ(summary.possible, test.present + test.approved + test.authorised + test.unauthorised)
        << test.name;
    ASSERT_EQ(summary.rate.has_value(), test.rate.has_value()) << test.name;
    if (test.rate) {
      EXPECT_DOUBLE_EQ(*summary.rate, *test.rate) << test.name;
    }
    EXPECT_EQ(summary.persistent, test.persistent) << test.name;
    EXPECT_EQ(summary.severe, test.severe) << test.name;
  }
}

struct RateTextCase {
  std::optional<double> rate;
  const char* text;
};

TEST(AttendanceStatsTest, RatesPrintToOneDecimalPlace) {
  const RateTextCase cases[] = {
      {1.0, "100.0%"},          {0.0, "0.0%"},    {2.0 / 3.0, "66.7%"}, {1.0 / 3.0, "33.3%"},
      {379.0 / 380.0, "99.7%"}, {0.125, "12.5%"}, {std::nullopt, "-"},
  };
  for (const auto& test : cases) EXPECT_EQ(format_rate(test.rate), test.text);
}

TEST(AttendanceStatsTest, NotCountedAndAdministrativeCodesLeavePossibleSessionsAlone) {
  const auto book = AttendanceCodeBook::standard();
  std::vector<AttendanceMark> marks;
  const char* codes[] = {"/", "\\", "X", "Y1", "Y7", "Q", "D", "Z", "#", "N"};
  for (int day_idx = 0; day_idx < 10; ++day_idx)
    marks.push_back(mark(codes[day_idx], kDay.plus_days(day_idx)));
  auto summary = summarise_marks(marks, book);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->possible, 3);
  EXPECT_EQ(summary->present, 2);
  EXPECT_EQ(summary->unauthorised, 1);
  EXPECT_TRUE(summary->persistent);
  EXPECT_FALSE(summary->severe);
}

TEST(AttendanceStatsTest, HistoricRegistersUseTheCodesOfTheirDay) {
  const auto book = AttendanceCodeBook::standard();
  const Date old_day = Date::from_ymd(2024, 3, 4);
  auto summary = summarise_marks(
      {mark("J", old_day), mark("H", old_day, Session::Pm), mark("Y", old_day.plus_days(1))}, book);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->approved, 1);
  EXPECT_EQ(summary->authorised, 1);
  EXPECT_EQ(summary->possible, 2);
}

TEST(AttendanceStatsTest, MinutesLateGoWithLOrU) {
  const auto book = AttendanceCodeBook::standard();
  AttendanceMark late = mark("L");
  late.minutes_late = 12;
  AttendanceMark very_late = mark("U", kDay, Session::Pm);
  very_late.minutes_late = 45;
  auto summary = summarise_marks({late, very_late}, book);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->present, 1);
  EXPECT_EQ(summary->unauthorised, 1);
}

TEST(AttendanceStatsTest, RejectsBadMarksAllAtOnce) {
  const auto book = AttendanceCodeBook::standard();
  AttendanceMark present_but_late = mark("/");
  present_but_late.minutes_late = 5;
  AttendanceMark no_minutes = mark("L", kDay.plus_days(1));
  no_minutes.minutes_late = 0;
  AttendanceMark all_day = mark("L", kDay.plus_days(2));
  all_day.minutes_late = 241;
  const std::vector<AttendanceMark> marks = {
      present_but_late,              // 0
      no_minutes,                    // 1
      all_day,                       // 2
      mark("J", kDay.plus_days(3)),  // 3: withdrawn
      mark("N", kDay.plus_days(4)),  // 4
      mark("I", kDay.plus_days(4)),  // 5: a second AM mark that day
  };
  auto summary = summarise_marks(marks, book);
  ASSERT_FALSE(summary.ok());
  const std::vector<FieldError> expected = {
      {"marks[0].minutes_late", "is only recorded with L or U"},
      {"marks[1].minutes_late", "must be between 1 and 240"},
      {"marks[2].minutes_late", "must be between 1 and 240"},
      {"marks[3].code",
       "'J' is not a valid attendance code on 2025-09-13 (withdrawn on 2024-08-18; use J1)"},
      {"marks[5]", "is a second mark for 2025-09-14 AM"},
  };
  EXPECT_EQ(summary.error().fields, expected);
}

TEST(AttendanceStatsTest, NoMarksMeansNoRate) {
  auto summary = summarise_marks({}, AttendanceCodeBook::standard());
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(*summary, make_summary(0, 0, 0, 0));
  EXPECT_FALSE(summary->rate.has_value());
}

AttendanceMatrix sample_matrix(std::size_t pupils, std::size_t sessions) {
  AttendanceMatrix matrix(pupils, sessions);
  for (std::size_t pupil_idx = 0; pupil_idx < pupils; ++pupil_idx)
    for (std::size_t session_idx = 0; session_idx < sessions; ++session_idx) {
      // Pupil p is absent on every session divisible by (p % 7 + 1); some cells stay unmarked.
      const std::size_t step = pupil_idx % 7 + 1;
      if ((session_idx + pupil_idx) % 11 == 0) continue;
      AttendanceCategory category = AttendanceCategory::Present;
      if (session_idx % step == 0) category = AttendanceCategory::Unauthorised;
      if (session_idx % 13 == 0) category = AttendanceCategory::Authorised;
      if (session_idx % 17 == 0) category = AttendanceCategory::ApprovedActivity;
      if (session_idx % 19 == 0) category = AttendanceCategory::NotCounted;
      if (session_idx % 23 == 0) category = AttendanceCategory::Administrative;
      matrix.set(pupil_idx, session_idx, category);
    }
  return matrix;
}

AttendanceSummary count_slowly(const AttendanceMatrix& matrix, std::size_t pupil_idx) {
  int counts[4] = {0, 0, 0, 0};
  for (std::size_t session_idx = 0; session_idx < matrix.sessions(); ++session_idx) {
    const std::uint8_t cell = matrix.at(pupil_idx, session_idx);
    if (cell < 4) ++counts[cell];
  }
  return make_summary(counts[0], counts[1], counts[2], counts[3]);
}

TEST(AttendanceStatsTest, MatrixSummaryMatchesAPlainCountForAnyThreadCount) {
  const AttendanceMatrix matrix = sample_matrix(101, 380);
  for (unsigned threads : {0u, 1u, 2u, 3u, 8u, 500u}) {
    const auto summaries = summarise(matrix, ThreadCount{threads});
    ASSERT_EQ(summaries.size(), matrix.pupils()) << threads;
    for (std::size_t pupil_idx = 0; pupil_idx < matrix.pupils(); ++pupil_idx)
      EXPECT_EQ(summaries[pupil_idx], count_slowly(matrix, pupil_idx))
          << "pupil " << pupil_idx << ", threads " << threads;
  }
}

TEST(AttendanceStatsTest, LongRowsDoNotOverflowTheLaneCounters) {
  // More than 127 blocks of 16 cells in a row, all in one category, plus a ragged tail.
  const std::size_t sessions = 16 * 300 + 5;
  AttendanceMatrix matrix(3, sessions);
  for (std::size_t session_idx = 0; session_idx < sessions; ++session_idx) {
    matrix.set(0, session_idx, AttendanceCategory::Present);
    matrix.set(1, session_idx, AttendanceCategory::Unauthorised);
    matrix.set(2, session_idx,
               session_idx % 3 == 0 ? AttendanceCategory::Authorised : AttendanceCategory::Present);
  }
  const auto summaries = summarise(matrix, ThreadCount{2});
  EXPECT_EQ(summaries[0], make_summary(4805, 0, 0, 0));
  EXPECT_EQ(summaries[1], make_summary(0, 0, 0, 4805));
  EXPECT_EQ(summaries[2], count_slowly(matrix, 2));
  EXPECT_EQ(summaries[2].authorised, 1602);
}

TEST(AttendanceStatsTest, MatrixTreatsUnknownCellValuesAsNoMark) {
  AttendanceMatrix matrix(1, 4);
  matrix.set(0, 0, AttendanceCategory::Present);
  matrix.row(0)[1] = 6;
  matrix.row(0)[2] = 200;
  matrix.set(0, 3, AttendanceCategory::Unauthorised);
  const auto summaries = summarise(matrix, ThreadCount{2});
  EXPECT_EQ(summaries[0], make_summary(1, 0, 0, 1));
  matrix.clear(0, 3);
  EXPECT_EQ(matrix.at(0, 3), AttendanceMatrix::kNoMark);
}

TEST(AttendanceStatsTest, EmptyMatrices) {
  EXPECT_TRUE(summarise(AttendanceMatrix(0, 380), ThreadCount{2}).empty());
  const auto no_sessions = summarise(AttendanceMatrix(3, 0), ThreadCount{2});
  ASSERT_EQ(no_sessions.size(), 3u);
  EXPECT_FALSE(no_sessions[2].rate.has_value());
}

}  // namespace
}  // namespace waymark
