// Scoring the Strengths and Difficulties Questionnaire (SDQ), following youthinmind's published
// scoring guidance (sdqinfo.org). The questionnaire's wording is copyright, so Waymark records item
// scores by item number (1-25) and never holds the questions.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace waymark {

inline constexpr int kSdqItemCount = 25;

// Who completed the questionnaire. Each version has its own band cut-offs.
enum class SdqVersion {
  Teacher,     // teacher-completed, ages 4-17
  Parent,      // parent-completed, ages 4-17
  SelfReport,  // completed by the young person, ages 11-17
};

const char* to_string(SdqVersion version);  // "teacher", "parent", "self_report": the stored form
Result<SdqVersion> parse_sdq_version(std::string_view text, const std::string& field = "version");

enum class SdqScale { Emotional, Conduct, Hyperactivity, Peer, Prosocial, TotalDifficulties };
// Every scale, in the order above: for loops over stored or sent band tables.
inline constexpr SdqScale kSdqScales[] = {SdqScale::Emotional,     SdqScale::Conduct,
                                          SdqScale::Hyperactivity, SdqScale::Peer,
                                          SdqScale::Prosocial,     SdqScale::TotalDifficulties};

const char* to_string(SdqScale scale);  // "emotional", ..., "total_difficulties"
const char* label(SdqScale scale);      // "Emotional symptoms", ..., "Total difficulties"

// youthinmind's four-band categorisation, from the healthy end.
enum class SdqBand { CloseToAverage, SlightlyRaised, High, VeryHigh };

const char* to_string(SdqBand band);  // "close_to_average", "slightly_raised", "high", "very_high"
// "Close to average", "Slightly raised", "High", "Very high"; for the prosocial scale, where a low
// score is the concern, "Slightly lowered", "Low", "Very low".
const char* label(SdqBand band, SdqScale scale);

// The last score of each of the first three bands, counting from the healthy end; anything beyond
// `high` is VeryHigh. For the difficulty scales the healthy end is 0, so the values ascend
// (teacher emotional: 0-3, 4, 5, 6-10 is {3, 4, 5}). For prosocial the healthy end is 10, so they
// descend (teacher prosocial: 6-10, 5, 4, 0-3 is {6, 5, 4}).
struct SdqCutoffs {
  int close_to_average = 0;
  int slightly_raised = 0;
  int high = 0;
  bool operator==(const SdqCutoffs&) const = default;
};

struct SdqBands {
  SdqCutoffs total_difficulties;
  SdqCutoffs emotional;
  SdqCutoffs conduct;
  SdqCutoffs hyperactivity;
  SdqCutoffs peer;
  SdqCutoffs prosocial;
  const SdqCutoffs& for_scale(SdqScale scale) const;
  SdqCutoffs& for_scale(SdqScale scale) {
    return const_cast<SdqCutoffs&>(static_cast<const SdqBands&>(*this).for_scale(scale));
  }
};

// The published cut-offs for a version. The teacher bands are confirmed against the published
// table; see sdq.cpp for the status of the others.
const SdqBands& sdq_bands(SdqVersion version);

// Checks cut-offs that came from outside the code (an edited table): each within its scale's range
// (0-40 for total difficulties, 0-10 otherwise) and strictly moving away from the healthy end.
// Fails with Invalid on fields such as "emotional", listing every problem at once.
Status validate_sdq_bands(const SdqBands& bands);

// The band of a score on one scale. REQUIRES: `score` is within the scale's range.
SdqBand sdq_band(SdqScale scale, int score, const SdqBands& bands);

// One questionnaire's answers as ticked, BEFORE reverse scoring: 0 = not true, 1 = somewhat true,
// 2 = certainly true; nullopt = not answered. items[0] is item 1.
struct SdqResponses {
  std::array<std::optional<int>, kSdqItemCount> items;
};

struct SdqScore {
  int score = 0;
  SdqBand band = SdqBand::CloseToAverage;
  bool operator==(const SdqScore&) const = default;
};

// Each scale is nullopt when it cannot be scored: a subscale needs at least 3 of its 5 items
// answered; total difficulties needs all four difficulty subscales.
struct SdqScores {
  std::optional<SdqScore> emotional = std::nullopt;
  std::optional<SdqScore> conduct = std::nullopt;
  std::optional<SdqScore> hyperactivity = std::nullopt;
  std::optional<SdqScore> peer = std::nullopt;
  std::optional<SdqScore> prosocial = std::nullopt;
  std::optional<SdqScore> total_difficulties = std::nullopt;
  const std::optional<SdqScore>& for_scale(SdqScale scale) const;
};

// Scores a questionnaire. Items 7, 11, 14, 21 and 25 are reverse-scored (2/1/0). A subscale with
// 3 or 4 of its 5 items answered is prorated: the mean of the answered items × 5, rounded half up.
// Total difficulties is the sum of emotional, conduct, hyperactivity and peer (not prosocial).
// Fails with Invalid when any answered item is outside 0-2, one field per item, named by its item
// number ("items[7]").
Result<SdqScores> score_sdq(const SdqResponses& responses, SdqVersion version);
// The same with cut-offs given as data. REQUIRES: validate_sdq_bands(bands) succeeds.
Result<SdqScores> score_sdq(const SdqResponses& responses, const SdqBands& bands);

}  // namespace waymark
