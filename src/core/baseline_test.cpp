#include "core/baseline.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

const Date kToday = Date::from_ymd(2025, 11, 3);

BaselineInstrument instrument(ScoreType type) {
  BaselineInstrument made;
  made.name = "Test";
  made.score_type = type;
  if (type == ScoreType::Raw) made.max_score = 50;
  if (type == ScoreType::ScaleGrade) made.scale_key = "gcse_fine";
  if (type == ScoreType::Questionnaire) made.sdq_version = SdqVersion::Teacher;
  return made;
}

std::vector<std::string> fields_of(const Status& status) {
  std::vector<std::string> fields;
  if (!status.ok())
    for (const auto& field : status.error().fields) fields.push_back(field.field);
  return fields;
}

TEST(BaselineInstrumentTest, EachScoreTypeNeedsItsOwnSetting) {
  for (ScoreType type : {ScoreType::Raw, ScoreType::Standardised, ScoreType::AgeEquivalent,
                         ScoreType::ScaleGrade, ScoreType::Questionnaire})
    EXPECT_TRUE(validate_instrument(instrument(type)).ok()) << to_string(type);
  BaselineInstrument raw = instrument(ScoreType::Raw);
  raw.max_score.reset();
  EXPECT_EQ(fields_of(validate_instrument(raw)), std::vector<std::string>{"max_score"});
  BaselineInstrument standardised = instrument(ScoreType::Standardised);
  standardised.scale_key = "gcse";
  standardised.sdq_version = SdqVersion::Parent;
  standardised.name = " ";
  EXPECT_EQ(fields_of(validate_instrument(standardised)),
            (std::vector<std::string>{"name", "scale_key", "sdq_version"}));
}

struct ResultCase {
  const char* name;
  ScoreType type;
  void (*fill)(BaselineResult&);
  std::vector<std::string> fields;  // empty = valid
};

TEST(BaselineResultTest, ScoresAreCheckedAgainstTheInstrument) {
  const ResultCase cases[] = {
      {"raw ok", ScoreType::Raw, [](BaselineResult& r) { r.raw_score = 50; }, {}},
      {"raw over max", ScoreType::Raw, [](BaselineResult& r) { r.raw_score = 51; }, {"raw_score"}},
      {"raw missing", ScoreType::Raw, [](BaselineResult&) {}, {"raw_score"}},
      {"standardised low",
       ScoreType::Standardised,
       [](BaselineResult& r) { r.standardised_score = 39; },
       {"standardised_score"}},
      {"age months",
       ScoreType::AgeEquivalent,
       [](BaselineResult& r) {
         r.age_equivalent = AgeEquivalent{10, 12};
       },
       {"age_equivalent.months"}},
      {"grade ok", ScoreType::ScaleGrade, [](BaselineResult& r) { r.grade = "5-"; }, {}},
      {"grade off scale",
       ScoreType::ScaleGrade,
       [](BaselineResult& r) { r.grade = "7++"; },
       {"grade"}},
      {"wrong type",
       ScoreType::Standardised,
       [](BaselineResult& r) {
         r.standardised_score = 100;
         r.raw_score = 3;
       },
       {"raw_score"}},
      {"sdq item 3",
       ScoreType::Questionnaire,
       [](BaselineResult& r) {
         r.sdq = SdqResponses{};
         r.sdq->items[0] = 1;
         r.sdq->items[6] = 3;
       },
       {"items[7]"}},
      {"sdq empty",
       ScoreType::Questionnaire,
       [](BaselineResult& r) { r.sdq = SdqResponses{}; },
       {"items"}},
      {"future",
       ScoreType::Raw,
       [](BaselineResult& r) {
         r.raw_score = 1;
         r.assessed_on = kToday.plus_days(1);
       },
       {"assessed_on"}},
  };
  for (const auto& test_case : cases) {
    BaselineResult result;
    result.assessed_on = kToday;
    test_case.fill(result);
    const BaselineInstrument made = instrument(test_case.type);
    EXPECT_EQ(fields_of(validate_result(result, made, standard_scale("gcse_fine"), kToday)),
              test_case.fields)
        << test_case.name;
  }
}

TEST(BaselineResultTest, SdqItemsRoundTripAsText) {
  SdqResponses responses;
  responses.items[0] = 2;
  responses.items[24] = 0;
  const std::string text = sdq_items_text(responses);
  EXPECT_EQ(text, "2-----------------------0");
  auto back = parse_sdq_items_text(text);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->items, responses.items);
  EXPECT_FALSE(parse_sdq_items_text("012").ok());
  EXPECT_FALSE(parse_sdq_items_text(std::string(25, '3')).ok());
}

TEST(BaselineResultTest, SummariesReadAsALine) {
  BaselineResult result;
  BaselineInstrument age = instrument(ScoreType::AgeEquivalent);
  age.name = "Reading age";
  result.age_equivalent = AgeEquivalent{10, 4};
  EXPECT_EQ(result_summary(result, age, nullptr, std::nullopt), "Reading age 10y 4m");
  BaselineInstrument sdq = instrument(ScoreType::Questionnaire);
  sdq.name = "SDQ";
  SdqScores scores;
  scores.total_difficulties = SdqScore{.score = 18, .band = SdqBand::High};
  EXPECT_EQ(result_summary(result, sdq, nullptr, scores), "SDQ: total difficulties 18 (high)");
}

TEST(FurtherAssessmentTest, ClosingNeedsAnOutcome) {
  FurtherAssessment request;
  request.reason = "Slow decoding";
  request.requested_on = kToday;
  EXPECT_TRUE(validate_further_assessment(request, kToday).ok());
  request.status = RequestStatus::Closed;
  EXPECT_EQ(fields_of(validate_further_assessment(request, kToday)),
            (std::vector<std::string>{"outcome", "outcome_on"}));
  request.outcome = "Screened";
  request.outcome_on = kToday.plus_days(-1);
  EXPECT_EQ(fields_of(validate_further_assessment(request, kToday)),
            std::vector<std::string>{"outcome_on"});
}

TEST(LearningPathwayTest, NeedsSomeText) {
  LearningPathway pathway;
  EXPECT_FALSE(validate_pathway(pathway).ok());
  pathway.priorities = "Fractions";
  EXPECT_TRUE(validate_pathway(pathway).ok());
}

}  // namespace
}  // namespace waymark
