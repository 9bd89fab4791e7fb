// The baseline area's use cases (app/baselines.h) against a real SQLite store seeded with the
// demo: instruments, results (the SDQ scored on read with the stored cut-offs), pathways and
// further assessment requests, with every rejection: validation, visibility, roles.
#include "app/baselines.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "app/assessment_loop_test_world.h"
#include "store/baseline_store.h"

namespace waymark::app {
namespace {

class BaselinesTest : public assessment_testing::AssessmentLoopTest {
 protected:
  void SetUp() override {
    AssessmentLoopTest::SetUp();
    if (HasFatalFailure()) return;
    for (const BaselineInstrument& instrument : list_instruments(*context_, teacher_)) {
      if (instrument.name == "Numeracy baseline") numeracy_ = instrument;
      if (instrument.name == "SDQ (teacher)") sdq_ = instrument;
    }
    ASSERT_NE(numeracy_.id, 0);
    ASSERT_NE(sdq_.id, 0);
  }

  BaselineResult numeracy(int score) {
    BaselineResult result;
    result.pupil_id = pupil_;
    result.instrument_id = numeracy_.id;
    result.assessed_on = today();
    result.raw_score = score;
    return result;
  }

  static BaselineInstrument raw_instrument(const std::string& name) {
    BaselineInstrument instrument;
    instrument.name = name;
    instrument.domain = BaselineDomain::Literacy;
    instrument.score_type = ScoreType::Raw;
    instrument.max_score = 40;
    return instrument;
  }

  BaselineInstrument numeracy_, sdq_;
};

TEST_F(BaselinesTest, InstrumentsAreEachOrganisationsOwnAndManagedByAdminsAndHeads) {
  for (const BaselineInstrument& instrument : list_instruments(*context_, teacher_))
    EXPECT_EQ(instrument.organisation_id, teacher_.organisation_id) << instrument.name;
  for (const BaselineInstrument& instrument : list_instruments(*context_, bridges_))
    EXPECT_EQ(instrument.organisation_id, bridges_.organisation_id) << instrument.name;

  EXPECT_EQ(create_instrument(*context_, teacher_, raw_instrument("Spelling")).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(create_instrument(*context_, auditor_, raw_instrument("Spelling")).error().kind,
            ErrorKind::Forbidden);
  auto made = create_instrument(*context_, head_, raw_instrument("Spelling"));
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->organisation_id, head_.organisation_id);
  auto audit = connection().audit_of_organisation(head_.organisation_id, 1);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front().entity, "baseline_instrument");
  EXPECT_EQ(audit.front().entity_id, made->id);

  auto again = create_instrument(*context_, admin_, raw_instrument("Spelling"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(again.error().fields.front().field, "name");
  // Bridges may use the same name: names are unique per organisation.
  EXPECT_TRUE(create_instrument(*context_, bridges_, raw_instrument("Spelling")).ok());

  BaselineInstrument no_max = raw_instrument("No max");
  no_max.max_score.reset();
  EXPECT_EQ(create_instrument(*context_, admin_, no_max).error().fields.front().field, "max_score");
  BaselineInstrument unknown_scale = raw_instrument("Graded");
  unknown_scale.score_type = ScoreType::ScaleGrade;
  unknown_scale.max_score.reset();
  unknown_scale.scale_key = "nope";
  EXPECT_EQ(create_instrument(*context_, admin_, unknown_scale).error().fields.front().field,
            "scale_key");
}

TEST_F(BaselinesTest, AnInstrumentIsRenamedButNotRescored) {
  auto rename = [](BaselineInstrument& instrument, ErrorList&) {
    instrument.name = "Numeracy (2025)";
  };
  EXPECT_EQ(update_instrument(*context_, bridges_, numeracy_.id, rename).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(update_instrument(*context_, teacher_, numeracy_.id, rename).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(update_instrument(*context_, admin_, 999'999, rename).error().kind,
            ErrorKind::NotFound);
  auto rescored = update_instrument(
      *context_, admin_, numeracy_.id,
      [](BaselineInstrument& instrument, ErrorList&) { instrument.max_score = 60; });
  ASSERT_FALSE(rescored.ok());
  EXPECT_EQ(rescored.error().fields.front().field, "score_type");
  auto renamed = update_instrument(*context_, admin_, numeracy_.id, rename);
  ASSERT_TRUE(renamed.ok()) << renamed.error().message;
  EXPECT_EQ(connection().baselines().instrument(numeracy_.id)->name, "Numeracy (2025)");
  EXPECT_EQ(connection().baselines().instrument(numeracy_.id)->max_score, 50);
}

TEST_F(BaselinesTest, ResultsAreRecordedAgainstThePlacementAndAudited) {
  auto recorded = record_baseline(*context_, teacher_, numeracy(34));
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  EXPECT_EQ(recorded->result.placement_id, placement_.id);
  EXPECT_EQ(recorded->result.recorded_by, teacher_.user_id);
  EXPECT_EQ(recorded->summary, "Numeracy baseline 34/50");
  const store::AuditEntry audit = last_audit(pupil_);
  EXPECT_EQ(audit.entity, "baseline");
  EXPECT_EQ(audit.entity_id, recorded->result.id);
  EXPECT_EQ(audit.user_id, teacher_.user_id);

  auto seen = pupil_baselines(*context_, school_, pupil_);
  ASSERT_TRUE(seen.ok());
  EXPECT_TRUE(std::any_of(seen->begin(), seen->end(), [&](const BaselineView& view) {
    return view.result.id == recorded->result.id;
  }));
  EXPECT_EQ(get_baseline(*context_, school_, recorded->result.id)->result.raw_score, 34);
  EXPECT_EQ(get_baseline(*context_, other_school_, recorded->result.id).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(get_baseline(*context_, bridges_, recorded->result.id).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(get_baseline(*context_, teacher_, 999'999).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(pupil_baselines(*context_, other_school_, pupil_).error().kind, ErrorKind::NotFound);
}

TEST_F(BaselinesTest, ResultsAreValidatedAgainstTheirInstrument) {
  auto field_of = [&](const BaselineResult& result) {
    auto recorded = record_baseline(*context_, teacher_, result);
    EXPECT_FALSE(recorded.ok());
    if (recorded.ok()) return std::string("(recorded)");
    EXPECT_EQ(recorded.error().kind, ErrorKind::Invalid);
    return recorded.error().fields.empty() ? std::string() : recorded.error().fields.front().field;
  };
  EXPECT_EQ(field_of(numeracy(51)), "raw_score");
  EXPECT_EQ(field_of(numeracy(-1)), "raw_score");
  BaselineResult missing = numeracy(0);
  missing.raw_score.reset();
  EXPECT_EQ(field_of(missing), "raw_score");
  BaselineResult future = numeracy(10);
  future.assessed_on = today().plus_days(1);
  EXPECT_EQ(field_of(future), "assessed_on");
  BaselineResult no_instrument = numeracy(10);
  no_instrument.instrument_id = 0;
  EXPECT_EQ(field_of(no_instrument), "instrument_id");
  BaselineResult theirs = numeracy(10);
  theirs.instrument_id = list_instruments(*context_, bridges_).front().id;
  EXPECT_EQ(field_of(theirs), "instrument_id");
  BaselineResult elsewhere = numeracy(10);
  elsewhere.placement_id = 999'999;
  EXPECT_EQ(field_of(elsewhere), "placement_id");
  ASSERT_TRUE(update_instrument(
                  *context_, admin_, numeracy_.id,
                  [](BaselineInstrument& instrument, ErrorList&) { instrument.active = false; })
                  .ok());
  EXPECT_EQ(field_of(numeracy(10)), "instrument_id");
}

TEST_F(BaselinesTest, OnlyTheProvidersStaffRecordAndOnlyForPupilsTheySee) {
  EXPECT_EQ(record_baseline(*context_, school_, numeracy(10)).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(record_baseline(*context_, auditor_, numeracy(10)).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(record_baseline(*context_, bridges_, numeracy(10)).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(record_baseline(*context_, other_school_, numeracy(10)).error().kind,
            ErrorKind::NotFound);
  BaselineResult nobody = numeracy(10);
  nobody.pupil_id = 999'999;
  EXPECT_EQ(record_baseline(*context_, teacher_, nobody).error().kind, ErrorKind::NotFound);
}

TEST_F(BaselinesTest, TheSdqIsScoredOnReadWithTheStoredCutOffs) {
  BaselineResult sdq;
  sdq.pupil_id = pupil_;
  sdq.instrument_id = sdq_.id;
  sdq.assessed_on = today();
  SdqResponses responses;
  // Emotional items 3, 8, 13, 16, 24: item 3 unanswered, the rest 2, 2, 1, 2: prorated to 9.
  for (auto [item, score] : {std::pair{8, 2}, {13, 2}, {16, 1}, {24, 2}})
    responses.items[static_cast<std::size_t>(item - 1)] = score;
  sdq.sdq = responses;
  auto recorded = record_baseline(*context_, teacher_, sdq);
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  ASSERT_TRUE(recorded->sdq_scores && recorded->sdq_scores->emotional);
  EXPECT_EQ(recorded->sdq_scores->emotional->score, 9);
  EXPECT_EQ(recorded->sdq_scores->emotional->band, SdqBand::VeryHigh);
  EXPECT_FALSE(recorded->sdq_scores->conduct) << "no conduct items answered";

  // An admin raises the emotional cut-offs: the same answers now read as high, not very high.
  SdqBands bands = current_sdq_bands(connection(), SdqVersion::Teacher);
  bands.emotional = {.close_to_average = 7, .slightly_raised = 8, .high = 9};
  EXPECT_EQ(set_sdq_bands(*context_, teacher_, SdqVersion::Teacher, bands).error().kind,
            ErrorKind::Forbidden);
  SdqBands backwards = bands;
  backwards.emotional = {.close_to_average = 5, .slightly_raised = 4, .high = 3};
  auto refused = set_sdq_bands(*context_, admin_, SdqVersion::Teacher, backwards);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.front().field, "emotional");
  ASSERT_TRUE(set_sdq_bands(*context_, admin_, SdqVersion::Teacher, bands).ok());
  auto reread = get_baseline(*context_, teacher_, recorded->result.id);
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread->sdq_scores->emotional->band, SdqBand::High);
  for (SdqScale scale : kSdqScales)  // other versions keep the published cut-offs
    EXPECT_EQ(current_sdq_bands(connection(), SdqVersion::Parent).for_scale(scale),
              sdq_bands(SdqVersion::Parent).for_scale(scale));

  responses.items[6] = 3;  // item 7
  sdq.sdq = responses;
  auto out_of_range = record_baseline(*context_, teacher_, sdq);
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.error().fields.front().field, "items[7]");
}

TEST_F(BaselinesTest, PathwaysAreOnePerSubjectAndRevised) {
  LearningPathway pathway;
  pathway.pupil_id = pupil_;
  pathway.subject_id = maths_;
  pathway.starting_point = "Secure with fractions";
  pathway.pathway = "Foundation GCSE route";
  auto saved = save_pathway(*context_, teacher_, pathway);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->subject_name, "Mathematics");
  EXPECT_EQ(last_audit(pupil_).entity, "learning_pathway");
  pathway.pathway = "Higher GCSE route";
  auto revised = save_pathway(*context_, teacher_, pathway);
  ASSERT_TRUE(revised.ok());
  EXPECT_GT(revised->pathway.updated_at, saved->pathway.updated_at);
  EXPECT_EQ(last_audit(pupil_).action, "update");
  auto read = get_pathway(*context_, school_, pupil_, maths_);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->pathway.pathway, "Higher GCSE route");

  EXPECT_EQ(get_pathway(*context_, teacher_, pupil_, bridges_subject_).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(get_pathway(*context_, other_school_, pupil_, maths_).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(pupil_pathways(*context_, bridges_, pupil_).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(save_pathway(*context_, school_, pathway).error().kind, ErrorKind::Forbidden);
  LearningPathway theirs = pathway;
  theirs.subject_id = bridges_subject_;
  EXPECT_EQ(save_pathway(*context_, teacher_, theirs).error().fields.front().field, "subject_id");
  LearningPathway empty;
  empty.pupil_id = pupil_;
  empty.subject_id = maths_;
  EXPECT_EQ(save_pathway(*context_, teacher_, empty).error().kind, ErrorKind::Invalid);
}

TEST_F(BaselinesTest, FurtherAssessmentIsRequestedTodayThenClosedWithItsOutcome) {
  FurtherAssessment request;
  request.pupil_id = pupil_;
  request.kind = FurtherAssessmentKind::SpeechAndLanguage;
  request.reason = "Struggles to follow spoken instructions";
  auto made = request_further_assessment(*context_, teacher_, request);
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->request.requested_on, today()) << "today unless requested_on is given";
  EXPECT_EQ(made->request.organisation_id, teacher_.organisation_id);
  EXPECT_EQ(made->request.status, RequestStatus::Open);
  EXPECT_EQ(last_audit(pupil_).entity, "further_assessment");

  FurtherAssessment no_reason = request;
  no_reason.reason = " ";
  EXPECT_EQ(request_further_assessment(*context_, teacher_, no_reason).error().fields[0].field,
            "reason");
  EXPECT_EQ(request_further_assessment(*context_, school_, request).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(request_further_assessment(*context_, other_school_, request).error().kind,
            ErrorKind::NotFound);

  const Id id = made->request.id;
  auto close_without_outcome = update_further_assessment(
      *context_, teacher_, id,
      [](FurtherAssessment& change, ErrorList&) { change.status = RequestStatus::Closed; });
  ASSERT_FALSE(close_without_outcome.ok());
  EXPECT_EQ(close_without_outcome.error().fields.front().field, "outcome");
  auto close = [&](FurtherAssessment& change, ErrorList&) {
    change.status = RequestStatus::Closed;
    change.outcome = "Referred to the speech and language service";
    change.outcome_on = today();
  };
  EXPECT_EQ(update_further_assessment(*context_, school_, id, close).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(update_further_assessment(*context_, other_school_, id, close).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(update_further_assessment(*context_, teacher_, 999'999, close).error().kind,
            ErrorKind::NotFound);
  auto closed = update_further_assessment(*context_, teacher_, id, close);
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(closed->request.status, RequestStatus::Closed);
  EXPECT_EQ(last_audit(pupil_).action, "status");

  auto reopened = update_further_assessment(
      *context_, teacher_, id,
      [](FurtherAssessment& change, ErrorList&) { change.status = RequestStatus::Open; });
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  EXPECT_FALSE(reopened->request.outcome_on) << "reopening clears the outcome date";
  EXPECT_EQ(reopened->request.outcome, "Referred to the speech and language service");

  EXPECT_EQ(get_further_assessment(*context_, school_, id)->request.status, RequestStatus::Open);
  EXPECT_EQ(get_further_assessment(*context_, other_school_, id).error().kind, ErrorKind::NotFound);
  auto listed = pupil_further_assessments(*context_, school_, pupil_);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->front().request.id, id) << "newest first";
  EXPECT_EQ(pupil_further_assessments(*context_, bridges_, pupil_).error().kind,
            ErrorKind::NotFound);
}

}  // namespace
}  // namespace waymark::app
