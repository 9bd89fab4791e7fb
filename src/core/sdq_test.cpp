#include "core/sdq.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace waymark {
namespace {

// Responses from (item number, score as ticked) pairs; other items are unanswered.
SdqResponses responses(std::initializer_list<std::pair<int, int>> answers) {
  SdqResponses result;
  for (const auto& [item_number, ticked] : answers)
    result.items[static_cast<std::size_t>(item_number - 1)] = ticked;
  return result;
}

SdqResponses all_ticked(int ticked) {
  SdqResponses result;
  for (auto& item : result.items) item = ticked;
  return result;
}

std::optional<int> score_of(const SdqScores& scores, SdqScale scale) {
  const auto& scored = scores.for_scale(scale);
  if (!scored) return std::nullopt;
  return scored->score;
}

TEST(SdqScore, ReversesItems7_11_14_21_25) {
  struct Case {
    std::string_view name;
    SdqResponses responses;
    std::optional<int> emotional, conduct, hyperactivity, peer, prosocial, total;
  };
  const Case cases[] = {
      // Not true everywhere: only the reversed items score (2 each).
      {.name = "all not true",
       .responses = all_ticked(0),
       .emotional = 0,
       .conduct = 2,
       .hyperactivity = 4,
       .peer = 4,
       .prosocial = 0,
       .total = 10},
      {.name = "all somewhat true",
       .responses = all_ticked(1),
       .emotional = 5,
       .conduct = 5,
       .hyperactivity = 5,
       .peer = 5,
       .prosocial = 5,
       .total = 20},
      {.name = "all certainly true",
       .responses = all_ticked(2),
       .emotional = 10,
       .conduct = 8,
       .hyperactivity = 6,
       .peer = 6,
       .prosocial = 10,
       .total = 30},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    auto scores = score_sdq(test_case.responses, SdqVersion::Teacher);
    ASSERT_TRUE(scores.ok()) << scores.error().message;
    EXPECT_EQ(score_of(*scores, SdqScale::Emotional), test_case.emotional);
    EXPECT_EQ(score_of(*scores, SdqScale::Conduct), test_case.conduct);
    EXPECT_EQ(score_of(*scores, SdqScale::Hyperactivity), test_case.hyperactivity);
    EXPECT_EQ(score_of(*scores, SdqScale::Peer), test_case.peer);
    EXPECT_EQ(score_of(*scores, SdqScale::Prosocial), test_case.prosocial);
    EXPECT_EQ(score_of(*scores, SdqScale::TotalDifficulties), test_case.total);
  }
}

TEST(SdqScore, ProratesSubscalesWithThreeOrFourItemsAnswered) {
  struct Case {
    std::string_view name;
    SdqResponses responses;
    SdqScale scale;
    std::optional<int> score;
  };
  const Case cases[] = {
      {.name = "5 answered: plain sum",
       .responses = responses({{3, 2}, {8, 1}, {13, 0}, {16, 2}, {24, 1}}),
       .scale = SdqScale::Emotional,
       .score = 6},
      {.name = "4 answered: 1/4 x 5 = 1.25",
       .responses = responses({{3, 1}, {8, 0}, {13, 0}, {16, 0}}),
       .scale = SdqScale::Emotional,
       .score = 1},
      {.name = "4 answered: 2/4 x 5 = 2.5 rounds up",
       .responses = responses({{3, 1}, {8, 1}, {13, 0}, {16, 0}}),
       .scale = SdqScale::Emotional,
       .score = 3},
      {.name = "4 answered: 7/4 x 5 = 8.75",
       .responses = responses({{3, 2}, {8, 2}, {13, 2}, {24, 1}}),
       .scale = SdqScale::Emotional,
       .score = 9},
      {.name = "3 answered: 1/3 x 5 = 1.67",
       .responses = responses({{3, 1}, {8, 0}, {13, 0}}),
       .scale = SdqScale::Emotional,
       .score = 2},
      {.name = "3 answered: 2/3 x 5 = 3.33",
       .responses = responses({{3, 1}, {8, 1}, {24, 0}}),
       .scale = SdqScale::Emotional,
       .score = 3},
      {.name = "3 answered: 6/3 x 5 = 10",
       .responses = responses({{3, 2}, {16, 2}, {24, 2}}),
       .scale = SdqScale::Emotional,
       .score = 10},
      {.name = "3 answered including reversed item 7 (0 scores 2): 3/3 x 5",
       .responses = responses({{5, 1}, {7, 0}, {12, 0}}),
       .scale = SdqScale::Conduct,
       .score = 5},
      {.name = "4 answered with reversed 21 and 25 ticked certainly true (score 0)",
       .responses = responses({{2, 2}, {10, 1}, {21, 2}, {25, 2}}),
       .scale = SdqScale::Hyperactivity,
       .score = 4},
      {.name = "2 answered: not scored",
       .responses = responses({{3, 2}, {8, 2}}),
       .scale = SdqScale::Emotional,
       .score = std::nullopt},
      {.name = "none answered: not scored",
       .responses = responses({}),
       .scale = SdqScale::Prosocial,
       .score = std::nullopt},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    auto scores = score_sdq(test_case.responses, SdqVersion::Teacher);
    ASSERT_TRUE(scores.ok()) << scores.error().message;
    EXPECT_EQ(score_of(*scores, test_case.scale), test_case.score);
  }
}

TEST(SdqScore, TotalNeedsAllFourDifficultySubscalesButNotProsocial) {
  SdqResponses no_prosocial = all_ticked(1);
  for (int item_number : {1, 4, 9}) no_prosocial.items[item_number - 1] = std::nullopt;
  auto scores = score_sdq(no_prosocial, SdqVersion::Teacher);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->prosocial, std::nullopt);
  EXPECT_EQ(scores->total_difficulties,
            (SdqScore{.score = 20, .band = SdqBand::VeryHigh}));  // teacher: 19-40

  SdqResponses no_peer = all_ticked(1);
  for (int item_number : {6, 11, 14}) no_peer.items[item_number - 1] = std::nullopt;
  scores = score_sdq(no_peer, SdqVersion::Teacher);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->peer, std::nullopt);
  EXPECT_EQ(scores->total_difficulties, std::nullopt);
  EXPECT_EQ(scores->emotional, (SdqScore{.score = 5, .band = SdqBand::High}));
}

TEST(SdqBands, TeacherBandsAtEveryBoundary) {
  struct Case {
    SdqScale scale;
    int score;
    SdqBand band;
  };
  using enum SdqBand;
  const Case cases[] = {
      {SdqScale::TotalDifficulties, 0, CloseToAverage},
      {SdqScale::TotalDifficulties, 11, CloseToAverage},
      {SdqScale::TotalDifficulties, 12, SlightlyRaised},
      {SdqScale::TotalDifficulties, 15, SlightlyRaised},
      {SdqScale::TotalDifficulties, 16, High},
      {SdqScale::TotalDifficulties, 18, High},
      {SdqScale::TotalDifficulties, 19, VeryHigh},
      {SdqScale::TotalDifficulties, 40, VeryHigh},
      {SdqScale::Emotional, 0, CloseToAverage},
      {SdqScale::Emotional, 3, CloseToAverage},
      {SdqScale::Emotional, 4, SlightlyRaised},
      {SdqScale::Emotional, 5, High},
      {SdqScale::Emotional, 6, VeryHigh},
      {SdqScale::Emotional, 10, VeryHigh},
      {SdqScale::Conduct, 2, CloseToAverage},
      {SdqScale::Conduct, 3, SlightlyRaised},
      {SdqScale::Conduct, 4, High},
      {SdqScale::Conduct, 5, VeryHigh},
      {SdqScale::Hyperactivity, 5, CloseToAverage},
      {SdqScale::Hyperactivity, 6, SlightlyRaised},
      {SdqScale::Hyperactivity, 7, SlightlyRaised},
      {SdqScale::Hyperactivity, 8, High},
      {SdqScale::Hyperactivity, 9, VeryHigh},
      {SdqScale::Hyperactivity, 10, VeryHigh},
      {SdqScale::Peer, 2, CloseToAverage},
      {SdqScale::Peer, 3, SlightlyRaised},
      {SdqScale::Peer, 4, SlightlyRaised},
      {SdqScale::Peer, 5, High},
      {SdqScale::Peer, 6, VeryHigh},
      // Prosocial is reversed: a low score is the concern.
      {SdqScale::Prosocial, 10, CloseToAverage},
      {SdqScale::Prosocial, 6, CloseToAverage},
      {SdqScale::Prosocial, 5, SlightlyRaised},
      {SdqScale::Prosocial, 4, High},
      {SdqScale::Prosocial, 3, VeryHigh},
      {SdqScale::Prosocial, 0, VeryHigh},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(std::string(to_string(test_case.scale)) + " " + std::to_string(test_case.score));
    EXPECT_EQ(sdq_band(test_case.scale, test_case.score, sdq_bands(SdqVersion::Teacher)),
              test_case.band);
  }
}

TEST(SdqBands, EachVersionHasItsOwnCutoffs) {
  struct Case {
    SdqVersion version;
    SdqScale scale;
    int score;
    SdqBand band;
  };
  // Total difficulties 14 is the edge where the versions part (FIXME in sdq.cpp: confirm the parent
  // and self-report tables against youthinmind's).
  const Case cases[] = {
      {SdqVersion::Teacher, SdqScale::TotalDifficulties, 14, SdqBand::SlightlyRaised},
      {SdqVersion::Parent, SdqScale::TotalDifficulties, 14, SdqBand::SlightlyRaised},
      {SdqVersion::Parent, SdqScale::TotalDifficulties, 13, SdqBand::CloseToAverage},
      {SdqVersion::SelfReport, SdqScale::TotalDifficulties, 14, SdqBand::CloseToAverage},
      {SdqVersion::Parent, SdqScale::Prosocial, 7, SdqBand::SlightlyRaised},
      {SdqVersion::SelfReport, SdqScale::Prosocial, 7, SdqBand::CloseToAverage},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(std::string(to_string(test_case.version)) + " " + to_string(test_case.scale) +
                 " " + std::to_string(test_case.score));
    EXPECT_EQ(sdq_band(test_case.scale, test_case.score, sdq_bands(test_case.version)),
              test_case.band);
  }
}

TEST(SdqBands, PublishedBandsAreValidAndBrokenOnesAreNot) {
  for (SdqVersion version : {SdqVersion::Teacher, SdqVersion::Parent, SdqVersion::SelfReport}) {
    SCOPED_TRACE(to_string(version));
    EXPECT_TRUE(validate_sdq_bands(sdq_bands(version)).ok());
  }
  SdqBands broken = sdq_bands(SdqVersion::Teacher);
  broken.emotional = {.close_to_average = 4, .slightly_raised = 4, .high = 5};       // empty band
  broken.hyperactivity = {.close_to_average = 5, .slightly_raised = 7, .high = 10};  // no very high
  broken.prosocial = {.close_to_average = 4, .slightly_raised = 5, .high = 6};  // wrong direction
  auto status = validate_sdq_bands(broken);
  ASSERT_FALSE(status.ok());
  const std::vector<FieldError> expected = {
      {"emotional",
       "cut-offs must rise strictly from 0 towards 10, leaving each band at least one "
       "score"},
      {"hyperactivity",
       "cut-offs must rise strictly from 0 towards 10, leaving each band at least "
       "one score"},
      {"prosocial",
       "cut-offs must fall strictly from 10 towards 0, leaving each band at least one "
       "score"},
  };
  EXPECT_EQ(status.error().fields, expected);
}

TEST(SdqScore, RejectsItemScoresOutsideZeroToTwoByItemNumber) {
  SdqResponses bad = all_ticked(1);
  bad.items[6] = 3;    // item 7
  bad.items[24] = -1;  // item 25
  auto scores = score_sdq(bad, SdqVersion::Parent);
  ASSERT_FALSE(scores.ok());
  EXPECT_EQ(scores.error().kind, ErrorKind::Invalid);
  const std::vector<FieldError> expected = {
      {"items[7]", "score item 7 as 0 (not true), 1 (somewhat true) or 2 (certainly true), not 3"},
      {"items[25]",
       "score item 25 as 0 (not true), 1 (somewhat true) or 2 (certainly true), not -1"},
  };
  EXPECT_EQ(scores.error().fields, expected);
}

TEST(SdqVersionText, RoundTripsAndRejectsUnknown) {
  for (SdqVersion version : {SdqVersion::Teacher, SdqVersion::Parent, SdqVersion::SelfReport}) {
    auto parsed = parse_sdq_version(to_string(version));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, version);
  }
  auto unknown = parse_sdq_version("pupil");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message,
            "version: 'pupil' is not an SDQ version (teacher, parent, self_report)");
  EXPECT_STREQ(label(SdqBand::High, SdqScale::Prosocial), "Low");
  EXPECT_STREQ(label(SdqBand::High, SdqScale::Conduct), "High");
}

}  // namespace
}  // namespace waymark
