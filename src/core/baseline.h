// Baseline assessment on entry (policy 000 ¶2, policy 004 §4.4): the instruments a provider uses
// (configurable: name, domain, what it measures, score type), the results recorded for a pupil,
// the learning pathway drawn from them, and requests for further assessment. Pure: no I/O.
// SDQ scoring itself is core/sdq.h; a result of an SDQ instrument holds only the 25 item scores.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/grade_scale.h"
#include "core/ids.h"
#include "core/result.h"
#include "core/sdq.h"

namespace waymark {

enum class BaselineDomain { Literacy, Numeracy, Wellbeing, Other };
const char* to_string(BaselineDomain domain);  // "literacy", ...: the stored form
const char* label(BaselineDomain domain);      // "Literacy", "Emotional wellbeing", ...
Result<BaselineDomain> parse_baseline_domain(std::string_view text,
                                             const std::string& field = "domain");

enum class ScoreType { Raw, Standardised, AgeEquivalent, ScaleGrade, Questionnaire };
const char* to_string(ScoreType type);  // "raw", "standardised", "age_equivalent", ...
const char* label(ScoreType type);      // "Raw score out of a maximum", ...
Result<ScoreType> parse_score_type(std::string_view text, const std::string& field = "score_type");

// Standardised scores are reported on a 40-160 scale (mean 100).
inline constexpr int kMinStandardised = 40;
inline constexpr int kMaxStandardised = 160;
inline constexpr int kMaxRawScore = 1000;

struct BaselineInstrument {
  Id id = 0;
  Id organisation_id = 0;
  std::string name;  // "Reading age (NGRT)"
  BaselineDomain domain = BaselineDomain::Other;
  std::string measures;  // what it measures, in words
  ScoreType score_type = ScoreType::Raw;
  std::optional<int> max_score;           // Raw only: 1..1000
  std::string scale_key;                  // ScaleGrade only: a grade scale's key
  std::optional<SdqVersion> sdq_version;  // Questionnaire only: the questionnaire is the SDQ
  bool active = true;                     // inactive instruments are kept for old results
  bool operator==(const BaselineInstrument&) const = default;
};

// Checks an instrument: name 1-100 characters, measures at most 1000; a max score exactly for
// Raw; a scale key exactly for ScaleGrade; an SDQ version exactly for Questionnaire. Whether the
// scale key names a known scale is the caller's check (scales are data). Every problem at once.
Status validate_instrument(const BaselineInstrument& instrument);

struct AgeEquivalent {
  int years = 0;
  int months = 0;  // 0-11
  bool operator==(const AgeEquivalent&) const = default;
};
std::string format_age(const AgeEquivalent& age);  // "10y 4m"

struct BaselineResult {
  Id id = 0;
  Id pupil_id = 0;
  Id placement_id = 0;  // 0 = not tied to a placement
  Id instrument_id = 0;
  Date assessed_on;
  // Exactly the member for the instrument's score type is set.
  std::optional<int> raw_score;
  std::optional<int> standardised_score;
  std::optional<AgeEquivalent> age_equivalent;
  std::string grade;  // a code on the instrument's scale
  std::optional<SdqResponses> sdq;
  std::string notes;
  Id recorded_by = 0;
  std::int64_t recorded_at = 0;
};

// Checks a result against its instrument: assessed on a real date not after `today`; the score
// for the instrument's type present and in range (raw 0..max, standardised 40-160, age 0-25 years
// and 0-11 months, a grade on `scale` (REQUIRES: non-null for ScaleGrade), SDQ items 0-2 or
// unanswered, named "items[N]" by item number); scores for other types absent; notes at most
// 4000 characters. Every problem at once.
Status validate_result(const BaselineResult& result, const BaselineInstrument& instrument,
                       const GradeScale* scale, Date today);

// SDQ item scores as stored: 25 characters, '0'/'1'/'2' or '-' for not answered.
std::string sdq_items_text(const SdqResponses& responses);
// REQUIRES nothing: anything not 25 characters of 0/1/2/- is Invalid on `field`.
Result<SdqResponses> parse_sdq_items_text(std::string_view text,
                                          const std::string& field = "items");

// The result in a line for a timeline: "Reading age (NGRT) 10y 4m", "Numeracy baseline 34/50",
// "SDQ (teacher) total difficulties 18 (high)". `scores` is the SDQ scoring for a questionnaire
// result (nullopt when not scored); `scale` names a grade's label (may be null).
std::string result_summary(const BaselineResult& result, const BaselineInstrument& instrument,
                           const GradeScale* scale, const std::optional<SdqScores>& scores);

// The learning pathway for one pupil in one subject, drawn from the baseline.
struct LearningPathway {
  Id pupil_id = 0;
  Id subject_id = 0;
  std::string starting_point;
  std::string priorities;
  std::string pathway;  // the pathway in words
  Id updated_by = 0;
  std::int64_t updated_at = 0;
  bool operator==(const LearningPathway&) const = default;
};
// Each text at most 4000 characters, and at least one of them given.
Status validate_pathway(const LearningPathway& pathway);

enum class FurtherAssessmentKind {
  DyslexiaScreening,
  EducationalPsychologist,
  SpeechAndLanguage,
  OccupationalTherapy,
  Other
};
const char* to_string(FurtherAssessmentKind kind);  // "dyslexia_screening", ...
const char* label(FurtherAssessmentKind kind);      // "Dyslexia screening", ...
Result<FurtherAssessmentKind> parse_further_assessment_kind(std::string_view text,
                                                            const std::string& field = "kind");

enum class RequestStatus { Open, Closed };
const char* to_string(RequestStatus status);  // "open", "closed"
Result<RequestStatus> parse_request_status(std::string_view text,
                                           const std::string& field = "status");

struct FurtherAssessment {
  Id id = 0;
  Id pupil_id = 0;
  Id organisation_id = 0;  // the provider that asked
  FurtherAssessmentKind kind = FurtherAssessmentKind::Other;
  Id requested_by = 0;
  Date requested_on;
  std::string reason;
  RequestStatus status = RequestStatus::Open;
  std::string outcome;
  std::optional<Date> outcome_on;
  bool operator==(const FurtherAssessment&) const = default;
};
// Reason required (at most 4000); requested on not after `today`. Closed needs an outcome and an
// outcome date on or after the request and not after today; open has no outcome date.
Status validate_further_assessment(const FurtherAssessment& request, Date today);

}  // namespace waymark
