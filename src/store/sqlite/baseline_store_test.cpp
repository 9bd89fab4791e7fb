// The SQLite BaselineStore: instruments (unique names per organisation), results of every score
// type round-tripping exactly (SDQ items with unanswered ones), SDQ cut-offs as data, pathways
// replaced in place, further assessment requests newest first.
#include "store/baseline_store.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_test_support.h"

namespace waymark::store::sqlite {
namespace {

class BaselineStoreTest : public testing::SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    if (HasFatalFailure()) return;
    provider_ = add_organisation(OrgKind::Provider, "Balance");
    other_ = add_organisation(OrgKind::Provider, "Bridges");
    school_ = add_organisation(OrgKind::School, "Ashfield");
    pupil_ = add_pupil("Ada", "Lovelace");
    placement_ = place(pupil_, provider_, school_, PlacementStatus::Active);
  }

  BaselineStore& baselines() { return db().baselines(); }

  Id add_instrument(Id organisation_id, const std::string& name, ScoreType type) {
    BaselineInstrument instrument;
    instrument.organisation_id = organisation_id;
    instrument.name = name;
    instrument.domain = BaselineDomain::Literacy;
    instrument.score_type = type;
    if (type == ScoreType::Raw) instrument.max_score = 50;
    if (type == ScoreType::ScaleGrade) instrument.scale_key = "gcse_fine";
    if (type == ScoreType::Questionnaire) instrument.sdq_version = SdqVersion::SelfReport;
    auto id = baselines().insert_instrument(instrument);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  BaselineResult result_of(Id instrument_id, Date assessed_on) {
    BaselineResult result;
    result.pupil_id = pupil_;
    result.placement_id = placement_;
    result.instrument_id = instrument_id;
    result.assessed_on = assessed_on;
    result.recorded_at = 1'700'000'000;
    return result;
  }

  Id provider_ = 0, other_ = 0, school_ = 0, pupil_ = 0, placement_ = 0;
};

TEST_F(BaselineStoreTest, InstrumentsRoundTripWithNamesUniquePerOrganisation) {
  const Id sdq = add_instrument(provider_, "SDQ", ScoreType::Questionnaire);
  const Id raw = add_instrument(provider_, "Numeracy", ScoreType::Raw);
  auto stored = baselines().instrument(sdq);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->organisation_id, provider_);
  EXPECT_EQ(stored->sdq_version, SdqVersion::SelfReport);
  EXPECT_EQ(stored->score_type, ScoreType::Questionnaire);
  EXPECT_FALSE(stored->max_score);
  EXPECT_TRUE(stored->scale_key.empty());
  EXPECT_EQ(baselines().instrument(raw)->max_score, 50);
  EXPECT_FALSE(baselines().instrument(999'999));

  BaselineInstrument clash = *stored;
  clash.id = 0;
  auto duplicate = baselines().insert_instrument(clash);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(duplicate.error().fields.front().field, "name");
  EXPECT_NE(add_instrument(other_, "SDQ", ScoreType::Questionnaire), 0);

  BaselineInstrument renamed = *baselines().instrument(raw);
  renamed.name = "SDQ";
  EXPECT_EQ(baselines().update_instrument(renamed).error().kind, ErrorKind::Conflict);
  renamed.name = "Numeracy 2025";
  renamed.active = false;
  renamed.measures = "Number and calculation";
  ASSERT_TRUE(baselines().update_instrument(renamed).ok());
  EXPECT_EQ(*baselines().instrument(raw), renamed);

  const auto listed = baselines().instruments_of(provider_);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].name, "Numeracy 2025") << "by domain, then name";
  EXPECT_EQ(baselines().instruments_of(other_).size(), 1u);
}

TEST_F(BaselineStoreTest, ResultsOfEveryScoreTypeRoundTripOldestFirst) {
  const Id raw = add_instrument(provider_, "Numeracy", ScoreType::Raw);
  const Id age = add_instrument(provider_, "Reading age", ScoreType::AgeEquivalent);
  const Id graded = add_instrument(provider_, "Maths grade", ScoreType::ScaleGrade);
  const Id sdq = add_instrument(provider_, "SDQ", ScoreType::Questionnaire);

  BaselineResult later = result_of(raw, Date::from_ymd(2025, 10, 2));
  later.raw_score = 34;
  later.notes = "Calm";
  BaselineResult earlier = result_of(age, Date::from_ymd(2025, 9, 20));
  earlier.age_equivalent = AgeEquivalent{10, 4};
  earlier.placement_id = 0;
  BaselineResult grade = result_of(graded, Date::from_ymd(2025, 10, 2));
  grade.grade = "4+";
  BaselineResult questionnaire = result_of(sdq, Date::from_ymd(2025, 10, 3));
  SdqResponses responses;
  for (std::size_t item_idx = 0; item_idx < responses.items.size(); ++item_idx)
    if (item_idx % 4 != 0) responses.items[item_idx] = static_cast<int>(item_idx % 3);
  questionnaire.sdq = responses;

  const Id later_id = baselines().insert_result(later);
  const Id earlier_id = baselines().insert_result(earlier);
  const Id grade_id = baselines().insert_result(grade);
  const Id sdq_id = baselines().insert_result(questionnaire);

  auto read_later = baselines().result(later_id);
  ASSERT_TRUE(read_later);
  EXPECT_EQ(read_later->raw_score, 34);
  EXPECT_FALSE(read_later->standardised_score);
  EXPECT_EQ(read_later->notes, "Calm");
  EXPECT_EQ(read_later->placement_id, placement_);
  EXPECT_EQ(read_later->recorded_at, 1'700'000'000);
  EXPECT_EQ(baselines().result(earlier_id)->age_equivalent, (AgeEquivalent{10, 4}));
  EXPECT_EQ(baselines().result(earlier_id)->placement_id, 0);
  EXPECT_EQ(baselines().result(grade_id)->grade, "4+");
  ASSERT_TRUE(baselines().result(sdq_id)->sdq);
  EXPECT_EQ(baselines().result(sdq_id)->sdq->items, responses.items);
  EXPECT_FALSE(baselines().result(999'999));

  std::vector<Id> order;
  for (const BaselineResult& result : baselines().results_of(pupil_)) order.push_back(result.id);
  EXPECT_EQ(order, (std::vector<Id>{earlier_id, later_id, grade_id, sdq_id}))
      << "by assessment date, then as recorded";
  EXPECT_TRUE(baselines().results_of(add_pupil("Other", "Pupil")).empty());
}

TEST_F(BaselineStoreTest, SdqCutOffsAreStoredPerVersion) {
  EXPECT_FALSE(baselines().sdq_bands(SdqVersion::Teacher)) << "none stored: core's defaults apply";
  SdqBands bands = sdq_bands(SdqVersion::Teacher);
  bands.emotional = {.close_to_average = 4, .slightly_raised = 5, .high = 6};
  baselines().put_sdq_bands(SdqVersion::Teacher, bands);
  auto stored = baselines().sdq_bands(SdqVersion::Teacher);
  ASSERT_TRUE(stored);
  for (SdqScale scale : kSdqScales) EXPECT_EQ(stored->for_scale(scale), bands.for_scale(scale));
  bands.prosocial = {.close_to_average = 7, .slightly_raised = 6, .high = 5};
  baselines().put_sdq_bands(SdqVersion::Teacher, bands);
  EXPECT_EQ(baselines().sdq_bands(SdqVersion::Teacher)->prosocial, bands.prosocial);
  EXPECT_FALSE(baselines().sdq_bands(SdqVersion::Parent));
}

TEST_F(BaselineStoreTest, PathwaysAreOnePerPupilAndSubject) {
  const Id maths =
      db().insert_subject({.id = 0, .organisation_id = provider_, .name = "Maths", .code = "MA"})
          .value();
  const Id english =
      db().insert_subject({.id = 0, .organisation_id = provider_, .name = "English", .code = "EN"})
          .value();
  LearningPathway pathway{.pupil_id = pupil_,
                          .subject_id = english,
                          .starting_point = "Reads fluently",
                          .priorities = "Inference",
                          .pathway = "GCSE English Language",
                          .updated_by = 0,
                          .updated_at = 10};
  baselines().put_pathway(pathway);
  LearningPathway maths_pathway = pathway;
  maths_pathway.subject_id = maths;
  baselines().put_pathway(maths_pathway);
  pathway.pathway = "Functional Skills first";
  pathway.updated_at = 11;
  baselines().put_pathway(pathway);
  EXPECT_EQ(*baselines().pathway(pupil_, english), pathway);
  const auto all = baselines().pathways_of(pupil_);
  ASSERT_EQ(all.size(), 2u) << "a revision replaces the pathway";
  EXPECT_EQ(all[0].subject_id, std::min(maths, english));
  EXPECT_FALSE(baselines().pathway(pupil_, 999'999));
}

TEST_F(BaselineStoreTest, FurtherAssessmentsRoundTripNewestFirst) {
  FurtherAssessment first{.id = 0,
                          .pupil_id = pupil_,
                          .organisation_id = provider_,
                          .kind = FurtherAssessmentKind::DyslexiaScreening,
                          .requested_by = 0,
                          .requested_on = Date::from_ymd(2025, 9, 20),
                          .reason = "Reading age",
                          .status = RequestStatus::Open,
                          .outcome = "",
                          .outcome_on = std::nullopt};
  FurtherAssessment second = first;
  second.kind = FurtherAssessmentKind::SpeechAndLanguage;
  second.requested_on = Date::from_ymd(2025, 10, 1);
  first.id = baselines().insert_further_assessment(first);
  second.id = baselines().insert_further_assessment(second);
  EXPECT_EQ(*baselines().further_assessment(first.id), first);
  first.status = RequestStatus::Closed;
  first.outcome = "Indicators of dyslexia";
  first.outcome_on = Date::from_ymd(2025, 10, 20);
  baselines().update_further_assessment(first);
  EXPECT_EQ(*baselines().further_assessment(first.id), first);
  const auto listed = baselines().further_assessments_of(pupil_);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, second.id);
  EXPECT_EQ(listed[1].id, first.id);
  EXPECT_FALSE(baselines().further_assessment(999'999));
}

}  // namespace
}  // namespace waymark::store::sqlite
