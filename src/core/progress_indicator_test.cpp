#include "core/progress_indicator.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace waymark {
namespace {

const GradeScale& btec_scale() {
  static const GradeScale scale =
      GradeScale::define("btec", "BTEC", {{"P", "Pass"}, {"M", "Merit"}, {"D", "Distinction"}})
          .value();
  return scale;
}

const GradeScale& scale(std::string_view key) {
  if (key == "btec") return btec_scale();
  return *standard_scale(key);
}

GradeOnScale on(std::string_view key, std::string_view code) {
  const GradeScale& grade_scale = scale(key);
  std::optional<Grade> grade = grade_scale.find(code);
  EXPECT_TRUE(grade.has_value()) << key << " " << code;
  return GradeOnScale{.scale = &grade_scale, .grade = grade.value_or(Grade{})};
}

// A table where each KS3 year and term expects exactly one grade, as some schools set it up.
std::vector<Ks3Expectation> single_grade_table() {
  return {
      {.nc_year = 8, .term = SchoolTerm::Spring, .meeting_from = "S", .meeting_to = "S"},
  };
}

struct ProposalCase {
  std::string_view name;
  ProposalInput input;
  std::vector<Ks3Expectation> expectations = default_ks3_expectations();
  std::optional<ProgressIndicator> indicator;
  std::string_view reason;
};

void check(const ProposalCase& test_case) {
  SCOPED_TRACE(test_case.name);
  const ProgressProposal proposal = propose_indicator(test_case.input, test_case.expectations);
  EXPECT_EQ(proposal.indicator, test_case.indicator);
  EXPECT_EQ(proposal.reason, test_case.reason);
}

TEST(ProgressIndicatorProposal, Ks3ComparesWithTheExpectationForYearAndTerm) {
  using enum ProgressIndicator;
  const ProposalCase cases[] = {
      {.name = "below Secure",
       .input = {.nc_year = 7, .term = SchoolTerm::Autumn, .working_at = on("ks3", "F+")},
       .indicator = WorkingTowards,
       .reason = "Working at Foundation+ against the Year 7 Autumn expectation of Secure- to "
                 "Secure+: Working Towards"},
      {.name = "bottom of Secure",
       .input = {.nc_year = 8, .term = SchoolTerm::Spring, .working_at = on("ks3", "S-")},
       .indicator = Meeting,
       .reason = "Working at Secure- against the Year 8 Spring expectation of Secure- to Secure+: "
                 "Meeting"},
      {.name = "top of Secure",
       .input = {.nc_year = 9, .term = SchoolTerm::Summer, .working_at = on("ks3", "S+")},
       .indicator = Meeting,
       .reason = "Working at Secure+ against the Year 9 Summer expectation of Secure- to Secure+: "
                 "Meeting"},
      {.name = "above Secure",
       .input = {.nc_year = 9, .term = SchoolTerm::Summer, .working_at = on("ks3", "E-")},
       .indicator = Exceeding,
       .reason = "Working at Extending- against the Year 9 Summer expectation of Secure- to "
                 "Secure+: Exceeding"},
      {.name = "single expected grade: just below",
       .input = {.nc_year = 8, .term = SchoolTerm::Spring, .working_at = on("ks3", "S-")},
       .expectations = single_grade_table(),
       .indicator = WorkingTowards,
       .reason = "Working at Secure- against the Year 8 Spring expectation of Secure: Working "
                 "Towards"},
      {.name = "single expected grade: equal",
       .input = {.nc_year = 8, .term = SchoolTerm::Spring, .working_at = on("ks3", "S")},
       .expectations = single_grade_table(),
       .indicator = Meeting,
       .reason = "Working at Secure against the Year 8 Spring expectation of Secure: Meeting"},
      {.name = "single expected grade: just above",
       .input = {.nc_year = 8, .term = SchoolTerm::Spring, .working_at = on("ks3", "S+")},
       .expectations = single_grade_table(),
       .indicator = Exceeding,
       .reason = "Working at Secure+ against the Year 8 Spring expectation of Secure: Exceeding"},
      {.name = "a KS4 target plays no part at KS3",
       .input = {.nc_year = 9,
                 .term = SchoolTerm::Autumn,
                 .working_at = on("ks3", "S"),
                 .ks4_target = on("gcse", "9")},
       .indicator = Meeting,
       .reason = "Working at Secure against the Year 9 Autumn expectation of Secure- to Secure+: "
                 "Meeting"},
  };
  for (const auto& test_case : cases) check(test_case);
}

TEST(ProgressIndicatorProposal, Ks4ComparesWholeGradesWithTheTarget) {
  using enum ProgressIndicator;
  const ProposalCase cases[] = {
      {.name = "whole grade below",
       .input = {.nc_year = 10, .working_at = on("gcse", "5"), .ks4_target = on("gcse", "6")},
       .indicator = WorkingTowards,
       .reason = "Working at 5 against a KS4 target of 6: Working Towards"},
      {.name = "whole grade equal",
       .input = {.nc_year = 11, .working_at = on("gcse", "6"), .ks4_target = on("gcse", "6")},
       .indicator = Meeting,
       .reason = "Working at 6 against a KS4 target of 6: Meeting"},
      {.name = "whole grade above",
       .input = {.nc_year = 11, .working_at = on("gcse", "7"), .ks4_target = on("gcse", "6")},
       .indicator = Exceeding,
       .reason = "Working at 7 against a KS4 target of 6: Exceeding"},
      {.name = "fine minus within the target grade",
       .input = {.nc_year = 10, .working_at = on("gcse_fine", "6-"), .ks4_target = on("gcse", "6")},
       .indicator = Meeting,
       .reason = "Working at 6- against a KS4 target of 6: Meeting (same whole grade)"},
      {.name = "fine plus within the target grade",
       .input = {.nc_year = 10, .working_at = on("gcse_fine", "6+"), .ks4_target = on("gcse", "6")},
       .indicator = Meeting,
       .reason = "Working at 6+ against a KS4 target of 6: Meeting (same whole grade)"},
      {.name = "fine grade on both scales, same code",
       .input = {.nc_year = 10, .working_at = on("gcse_fine", "6"), .ks4_target = on("gcse", "6")},
       .indicator = Meeting,
       .reason = "Working at 6 against a KS4 target of 6: Meeting"},
      {.name = "top of the grade below",
       .input = {.nc_year = 11, .working_at = on("gcse_fine", "5+"), .ks4_target = on("gcse", "6")},
       .indicator = WorkingTowards,
       .reason = "Working at 5+ against a KS4 target of 6: Working Towards"},
      {.name = "bottom of the grade above",
       .input = {.nc_year = 11, .working_at = on("gcse_fine", "7-"), .ks4_target = on("gcse", "6")},
       .indicator = Exceeding,
       .reason = "Working at 7- against a KS4 target of 6: Exceeding"},
      {.name = "fine target",
       .input = {.nc_year = 11,
                 .working_at = on("gcse_fine", "6-"),
                 .ks4_target = on("gcse_fine", "6+")},
       .indicator = Meeting,
       .reason = "Working at 6- against a KS4 target of 6+: Meeting (same whole grade)"},
      {.name = "U against a target of 1",
       .input = {.nc_year = 11, .working_at = on("gcse_fine", "U"), .ks4_target = on("gcse", "1")},
       .indicator = WorkingTowards,
       .reason = "Working at U against a KS4 target of 1: Working Towards"},
      {.name = "same scale without points compares by order",
       .input = {.nc_year = 11, .working_at = on("btec", "D"), .ks4_target = on("btec", "M")},
       .indicator = Exceeding,
       .reason = "Working at Distinction against a KS4 target of Merit: Exceeding"},
  };
  for (const auto& test_case : cases) check(test_case);
}

TEST(ProgressIndicatorProposal, NoProposalWithoutTheData) {
  const ProposalCase cases[] = {
      {.name = "no KS4 target",
       .input = {.nc_year = 10, .working_at = on("gcse", "5")},
       .indicator = std::nullopt,
       .reason = "No KS4 target recorded"},
      {.name = "no working-at grade at KS4",
       .input = {.nc_year = 11, .ks4_target = on("gcse", "5")},
       .indicator = std::nullopt,
       .reason = "No working-at grade recorded"},
      {.name = "no working-at grade at KS3",
       .input = {.nc_year = 7, .term = SchoolTerm::Spring},
       .indicator = std::nullopt,
       .reason = "No working-at grade recorded"},
      {.name = "KS3 and GCSE scales cannot be compared",
       .input = {.nc_year = 10, .working_at = on("ks3", "S"), .ks4_target = on("gcse", "5")},
       .indicator = std::nullopt,
       .reason = "The working-at grade (KS3 Foundation/Secure/Extending) cannot be compared with "
                 "the KS4 target (GCSE 9-1)"},
      {.name = "no expectation for the year and term",
       .input = {.nc_year = 9, .term = SchoolTerm::Summer, .working_at = on("ks3", "S")},
       .expectations = single_grade_table(),
       .indicator = std::nullopt,
       .reason = "No Year 9 Summer expectation set"},
      {.name = "KS3 pupil graded on GCSE",
       .input = {.nc_year = 9, .term = SchoolTerm::Autumn, .working_at = on("gcse", "4")},
       .indicator = std::nullopt,
       .reason = "The Year 9 Autumn expectation is not on the GCSE 9-1 scale that the working-at "
                 "grade uses"},
      {.name = "Year 12",
       .input = {.nc_year = 12, .working_at = on("gcse", "5"), .ks4_target = on("gcse", "4")},
       .indicator = std::nullopt,
       .reason = "No proposal for Year 12: the progress indicator covers Years 7 to 11"},
      {.name = "Year 13",
       .input = {.nc_year = 13, .working_at = on("gcse", "5"), .ks4_target = on("gcse", "4")},
       .indicator = std::nullopt,
       .reason = "No proposal for Year 13: the progress indicator covers Years 7 to 11"},
      {.name = "Year 6",
       .input = {.nc_year = 6, .working_at = on("ks3", "S")},
       .indicator = std::nullopt,
       .reason = "No proposal for Year 6: the progress indicator covers Years 7 to 11"},
  };
  for (const auto& test_case : cases) check(test_case);
}

TEST(ProgressIndicatorChoice, AnOverrideNeedsAReason) {
  using enum ProgressIndicator;
  struct Case {
    std::string_view name;
    ProgressProposal proposal;
    ProgressIndicator chosen;
    std::string_view override_reason;
    std::optional<std::string_view> error;
  };
  const Case cases[] = {
      {.name = "confirming",
       .proposal = {.indicator = Meeting, .reason = ""},
       .chosen = Meeting,
       .override_reason = "",
       .error = std::nullopt},
      {.name = "overriding with a reason",
       .proposal = {.indicator = WorkingTowards, .reason = ""},
       .chosen = Meeting,
       .override_reason = "Strong exit tickets since the target was set",
       .error = std::nullopt},
      {.name = "overriding without a reason",
       .proposal = {.indicator = WorkingTowards, .reason = ""},
       .chosen = Meeting,
       .override_reason = "   ",
       .error = "give a reason for choosing Meeting rather than the proposed Working Towards"},
      {.name = "no proposal to override",
       .proposal = {.indicator = std::nullopt, .reason = "No KS4 target recorded"},
       .chosen = Exceeding,
       .override_reason = "",
       .error = std::nullopt},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    auto status =
        check_indicator_choice(test_case.proposal, test_case.chosen, test_case.override_reason);
    ASSERT_EQ(status.ok(), !test_case.error.has_value());
    if (test_case.error) {
      ASSERT_EQ(status.error().fields.size(), 1u);
      EXPECT_EQ(status.error().fields[0].field, "override_reason");
      EXPECT_EQ(status.error().fields[0].reason, *test_case.error);
    }
  }
}

TEST(ProgressIndicatorText, ParsesStoredFormsAndLabels) {
  struct Case {
    std::string_view text;
    std::optional<ProgressIndicator> indicator;
  };
  const Case cases[] = {
      {"working_towards", ProgressIndicator::WorkingTowards},
      {" Working Towards ", ProgressIndicator::WorkingTowards},
      {"MEETING", ProgressIndicator::Meeting},
      {"exceeding", ProgressIndicator::Exceeding},
      {"exceeded", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.text);
    auto parsed = parse_progress_indicator(test_case.text);
    ASSERT_EQ(parsed.ok(), test_case.indicator.has_value());
    if (parsed.ok()) {
      EXPECT_EQ(*parsed, *test_case.indicator);
    } else {
      EXPECT_EQ(parsed.error().fields[0].field, "progress_indicator");
    }
  }
  EXPECT_EQ(parse_progress_indicator("exceeded").error().fields[0].reason,
            "'exceeded' is not a progress indicator (Working Towards, Meeting, Exceeding)");
  // The stored forms are the codes of the standard progress scale.
  for (const Grade& grade : standard_scale("progress")->grades()) {
    auto parsed = parse_progress_indicator(grade.code);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(label(*parsed), grade.label);
  }
}

TEST(ProgressIndicatorKs3Expectations, DefaultTableIsValidAndEditsAreChecked) {
  const GradeScale& ks3 = *standard_scale("ks3");
  EXPECT_TRUE(validate_ks3_expectations(default_ks3_expectations(), ks3).ok());
  EXPECT_EQ(default_ks3_expectations().size(), 9u);

  const std::vector<Ks3Expectation> edited = {
      {.nc_year = 7, .term = SchoolTerm::Autumn, .meeting_from = "F+", .meeting_to = "F+"},
      {.nc_year = 10, .term = SchoolTerm::Autumn, .meeting_from = "S", .meeting_to = "S"},
      {.nc_year = 7, .term = SchoolTerm::Autumn, .meeting_from = "S-", .meeting_to = "S"},
      {.nc_year = 8, .term = SchoolTerm::Summer, .meeting_from = "S+", .meeting_to = "S"},
      {.nc_year = 9, .term = SchoolTerm::Summer, .meeting_from = "Secure", .meeting_to = "5"},
  };
  auto status = validate_ks3_expectations(edited, ks3);
  ASSERT_FALSE(status.ok());
  const std::vector<FieldError> expected = {
      {"expectations[2].nc_year", "KS3 expectations are for Years 7, 8 and 9"},
      {"expectations[3].term", "Year 7 Autumn already has an expectation"},
      {"expectations[4].meeting_to", "'S' is below 'S+'; list the lower grade first"},
      {"expectations[5].meeting_from",
       "'Secure' is not a grade on the KS3 Foundation/Secure/Extending scale"},
      {"expectations[5].meeting_to",
       "'5' is not a grade on the KS3 Foundation/Secure/Extending scale"},
  };
  EXPECT_EQ(status.error().fields, expected);
}

}  // namespace
}  // namespace waymark
