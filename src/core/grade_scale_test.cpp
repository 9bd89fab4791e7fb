#include "core/grade_scale.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace waymark {
namespace {

const GradeScale& scale(std::string_view key) {
  const GradeScale* found = standard_scale(key);
  EXPECT_NE(found, nullptr) << key;
  return *found;
}

Grade grade(std::string_view key, std::string_view code) {
  std::optional<Grade> found = scale(key).find(code);
  EXPECT_TRUE(found.has_value()) << key << " " << code;
  return found.value_or(Grade{});
}

std::string codes(const GradeScale& grade_scale) {
  std::string joined;
  for (const Grade& each : grade_scale.grades()) joined += (joined.empty() ? "" : " ") + each.code;
  return joined;
}

TEST(GradeScaleStandard, SeedsEachScaleWorstFirst) {
  struct Case {
    std::string_view key;
    std::string_view codes;
    std::string_view best_label;
  };
  const Case cases[] = {
      {.key = "gcse", .codes = "U 1 2 3 4 5 6 7 8 9", .best_label = "9"},
      {.key = "gcse_fine",
       .codes = "U 1- 1 1+ 2- 2 2+ 3- 3 3+ 4- 4 4+ 5- 5 5+ 6- 6 6+ 7- 7 7+ 8- 8 8+ 9- 9 9+",
       .best_label = "9+"},
      {.key = "ks3", .codes = "F- F F+ S- S S+ E- E E+", .best_label = "Extending+"},
      {.key = "atl", .codes = "1 2 3 4", .best_label = "Exceptional"},
      {.key = "progress", .codes = "working_towards meeting exceeding", .best_label = "Exceeding"},
      {.key = "engagement",
       .codes = "resistant reluctant expected active independent",
       .best_label = "Independent"},
      {.key = "behaviour",
       .codes = "unacceptable requires_improvement good excellent",
       .best_label = "Excellent"},
      {.key = "rag", .codes = "red amber green", .best_label = "Green"},
  };
  ASSERT_EQ(standard_scales().size(), std::size(cases));
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.key);
    const GradeScale& grade_scale = scale(test_case.key);
    EXPECT_EQ(codes(grade_scale), test_case.codes);
    EXPECT_EQ(grade_scale.grades().back().label, test_case.best_label);
    for (std::size_t grade_idx = 0; grade_idx < grade_scale.grades().size(); ++grade_idx)
      EXPECT_EQ(grade_scale.grades()[grade_idx].rank, static_cast<int>(grade_idx));
  }
  EXPECT_EQ(standard_scale("no_such_scale"), nullptr);
}

TEST(GradeScaleParse, AcceptsCodesAndLabelsIgnoringCaseAndSpaces) {
  struct Case {
    std::string_view key;
    std::string_view text;
    std::string_view code;
  };
  const Case cases[] = {
      {.key = "gcse_fine", .text = "5+", .code = "5+"},
      {.key = "gcse_fine", .text = "  7- ", .code = "7-"},
      {.key = "gcse_fine", .text = "u", .code = "U"},
      {.key = "gcse", .text = "9", .code = "9"},
      {.key = "ks3", .text = "s-", .code = "S-"},
      {.key = "ks3", .text = "Secure+", .code = "S+"},
      {.key = "ks3", .text = "extending", .code = "E"},
      {.key = "atl", .text = "3", .code = "3"},
      {.key = "atl", .text = "requires improvement", .code = "2"},
      {.key = "progress", .text = "Working Towards", .code = "working_towards"},
      {.key = "engagement", .text = "Independent", .code = "independent"},
      {.key = "rag", .text = "AMBER", .code = "amber"},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(std::string(test_case.key) + " '" + std::string(test_case.text) + "'");
    auto parsed = scale(test_case.key).parse(test_case.text, "grade");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->code, test_case.code);
  }
}

TEST(GradeScaleParse, RejectsGradesNotOnTheScaleWithTheChoices) {
  struct Case {
    std::string_view key;
    std::string_view text;
    std::string_view reason;
  };
  const Case cases[] = {
      {.key = "gcse_fine",
       .text = "7++",
       .reason = "'7++' is not a grade on the GCSE 9-1 (fine grades) scale (use one of: U, 1-, "
                 "1, 1+, ... 9+)"},
      {.key = "gcse",
       .text = "5+",
       .reason = "'5+' is not a grade on the GCSE 9-1 scale (use one of: U, 1, 2, 3, 4, 5, 6, "
                 "7, 8, 9)"},
      {.key = "gcse",
       .text = "A*",
       .reason = "'A*' is not a grade on the GCSE 9-1 scale (use one of: U, 1, 2, 3, 4, 5, 6, "
                 "7, 8, 9)"},
      {.key = "ks3",
       .text = "S++",
       .reason = "'S++' is not a grade on the KS3 Foundation/Secure/Extending scale (use one of: "
                 "F-, F, F+, S-, S, S+, E-, E, E+)"},
      {.key = "atl",
       .text = "5",
       .reason = "'5' is not a grade on the Attitude to learning scale (use one of: 1, 2, 3, 4)"},
      {.key = "rag",
       .text = "  ",
       .reason = "enter a grade on the RAG scale (use one of: red, amber, green)"},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(std::string(test_case.key) + " '" + std::string(test_case.text) + "'");
    auto parsed = scale(test_case.key).parse(test_case.text, "working_at");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().kind, ErrorKind::Invalid);
    ASSERT_EQ(parsed.error().fields.size(), 1u);
    EXPECT_EQ(parsed.error().fields[0].field, "working_at");
    EXPECT_EQ(parsed.error().fields[0].reason, test_case.reason);
  }
}

TEST(GradeScaleCompare, OrdersByRank) {
  struct Case {
    std::string_view key;
    std::string_view a;
    std::string_view b;
    int sign;
  };
  const Case cases[] = {
      {.key = "gcse_fine", .a = "5-", .b = "5", .sign = -1},
      {.key = "gcse_fine", .a = "5+", .b = "6-", .sign = -1},
      {.key = "gcse_fine", .a = "U", .b = "1-", .sign = -1},
      {.key = "gcse", .a = "7", .b = "7", .sign = 0},
      {.key = "ks3", .a = "E-", .b = "S+", .sign = 1},
      {.key = "engagement", .a = "independent", .b = "resistant", .sign = 1},
      {.key = "behaviour", .a = "requires_improvement", .b = "good", .sign = -1},
      {.key = "rag", .a = "green", .b = "red", .sign = 1},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(std::string(test_case.a) + " vs " + std::string(test_case.b));
    EXPECT_EQ(
        GradeScale::compare(grade(test_case.key, test_case.a), grade(test_case.key, test_case.b)),
        test_case.sign);
  }
}

TEST(GradeScalePoints, GcseScalesHavePointsOthersDoNot) {
  struct Case {
    std::string_view key;
    std::string_view code;
    std::optional<double> points;
    std::optional<int> whole;
  };
  const Case cases[] = {
      {.key = "gcse", .code = "U", .points = 0.0, .whole = 0},
      {.key = "gcse", .code = "5", .points = 5.0, .whole = 5},
      {.key = "gcse_fine", .code = "U", .points = 0.0, .whole = 0},
      {.key = "gcse_fine", .code = "1-", .points = 0.67, .whole = 1},
      {.key = "gcse_fine", .code = "5-", .points = 4.67, .whole = 5},
      {.key = "gcse_fine", .code = "5", .points = 5.0, .whole = 5},
      {.key = "gcse_fine", .code = "5+", .points = 5.33, .whole = 5},
      {.key = "gcse_fine", .code = "9+", .points = 9.33, .whole = 9},
      {.key = "ks3", .code = "S", .points = std::nullopt, .whole = std::nullopt},
      {.key = "atl", .code = "3", .points = std::nullopt, .whole = std::nullopt},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(std::string(test_case.key) + " " + std::string(test_case.code));
    const Grade graded = grade(test_case.key, test_case.code);
    EXPECT_EQ(scale(test_case.key).points(graded), test_case.points);
    EXPECT_EQ(scale(test_case.key).whole_grade(graded), test_case.whole);
  }
}

TEST(GradeScaleCompareAcross, ComparesGcseScalesByPointsOnly) {
  struct Case {
    std::string_view key_a;
    std::string_view code_a;
    std::string_view key_b;
    std::string_view code_b;
    std::optional<int> sign;
  };
  const Case cases[] = {
      {.key_a = "gcse", .code_a = "5", .key_b = "gcse_fine", .code_b = "5", .sign = 0},
      {.key_a = "gcse", .code_a = "5", .key_b = "gcse_fine", .code_b = "5-", .sign = 1},
      {.key_a = "gcse_fine", .code_a = "5+", .key_b = "gcse", .code_b = "6", .sign = -1},
      {.key_a = "gcse_fine", .code_a = "U", .key_b = "gcse", .code_b = "U", .sign = 0},
      {.key_a = "ks3", .code_a = "S", .key_b = "ks3", .code_b = "S-", .sign = 1},
      {.key_a = "ks3", .code_a = "S", .key_b = "gcse", .code_b = "4", .sign = std::nullopt},
      {.key_a = "atl", .code_a = "3", .key_b = "rag", .code_b = "green", .sign = std::nullopt},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(std::string(test_case.key_a) + " " + std::string(test_case.code_a) + " vs " +
                 std::string(test_case.key_b) + " " + std::string(test_case.code_b));
    EXPECT_EQ(compare_across(scale(test_case.key_a), grade(test_case.key_a, test_case.code_a),
                             scale(test_case.key_b), grade(test_case.key_b, test_case.code_b)),
              test_case.sign);
  }
}

TEST(GradeScaleEquivalent, FindsTheGradeWithTheSamePoints) {
  const auto on_fine = equivalent_grade(scale("gcse"), grade("gcse", "6"), scale("gcse_fine"));
  ASSERT_TRUE(on_fine.has_value());
  EXPECT_EQ(on_fine->code, "6");
  EXPECT_EQ(equivalent_grade(scale("gcse_fine"), grade("gcse_fine", "6+"), scale("gcse")),
            std::nullopt);
  EXPECT_EQ(equivalent_grade(scale("ks3"), grade("ks3", "S"), scale("gcse")), std::nullopt);
}

TEST(GradeScaleDefine, AnAdminScaleGetsRanksInTheOrderGiven) {
  auto defined = GradeScale::define(" btec_l2 ", "BTEC Level 2", {{"P", "Pass"}, {"M", "Merit"}});
  ASSERT_FALSE(defined.ok());  // the key is checked as given, spaces and all
  defined = GradeScale::define("btec_l2", " BTEC Level 2 ",
                               {{"P", "Pass"}, {"M", "Merit"}, {"D", "Distinction"}});
  ASSERT_TRUE(defined.ok()) << defined.error().message;
  EXPECT_EQ(defined->name(), "BTEC Level 2");
  EXPECT_EQ(defined->grades().back(), (Grade{.code = "D", .label = "Distinction", .rank = 2}));
  EXPECT_EQ(defined->points(defined->grades().front()), std::nullopt);
  auto merit = defined->parse("merit", "grade");
  ASSERT_TRUE(merit.ok());
  EXPECT_EQ(merit->code, "M");
}

TEST(GradeScaleDefine, RejectsEveryProblemAtOnce) {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  struct Case {
    std::string_view name;
    std::string key;
    std::string scale_name;
    Pairs grades;
    PointsScheme points;
    std::vector<FieldError> errors;
  };
  const Case cases[] = {
      {.name = "bad key, blank name, no grades",
       .key = "GCSE-Fine",
       .scale_name = " ",
       .grades = {},
       .points = PointsScheme::None,
       .errors = {{"key", "use 1 to 40 lower-case letters, digits or underscores (e.g. gcse_fine)"},
                  {"name", "a scale needs a name"},
                  {"grades", "a scale needs at least one grade"}}},
      {.name = "empty key",
       .key = "",
       .scale_name = "Scale",
       .grades = {{"a", "A"}},
       .points = PointsScheme::None,
       .errors = {{"key",
                   "use 1 to 40 lower-case letters, digits or underscores (e.g. gcse_fine)"}}},
      {.name = "duplicate code ignoring case, blank code and label",
       .key = "house",
       .scale_name = "House points",
       .grades = {{"a", "Low"}, {"A", "High"}, {"", ""}},
       .points = PointsScheme::None,
       .errors = {{"grades[2]",
                   "the code 'A' is already on this scale (codes are compared "
                   "ignoring case)"},
                  {"grades[3]", "a grade needs a code"},
                  {"grades[3]", "a grade needs a label"}}},
      {.name = "GCSE points need GCSE codes in ascending order",
       .key = "gcse_core",
       .scale_name = "GCSE core",
       .grades = {{"U", "U"}, {"4", "4"}, {"3", "3"}, {"A*", "A*"}},
       .points = PointsScheme::Gcse,
       .errors = {{"grades[3]", "list grades worst first: '3' must come before '4'"},
                  {"grades[4]",
                   "'A*' is not a GCSE grade (use U or 1 to 9, optionally with - or +)"}}},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    auto defined =
        GradeScale::define(test_case.key, test_case.scale_name, test_case.grades, test_case.points);
    ASSERT_FALSE(defined.ok());
    EXPECT_EQ(defined.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(defined.error().fields, test_case.errors);
  }
}

}  // namespace
}  // namespace waymark
