// Use cases of the baseline area (issue 3, item 3; policy 000 ¶2, policy 004 §4.4): instruments,
// baseline results (including the SDQ, scored with the stored band cut-offs), learning pathways
// and requests for further assessment.
//
// Who may do what:
//  - Instruments belong to an organisation; anyone signed in reads their own organisation's;
//    admins and heads add and change them (Forbidden otherwise). SDQ cut-offs are shared data:
//    anyone reads them, admins change them.
//  - Pupil records: whoever may see the pupil reads them (another organisation's pupil is
//    NotFound). Writes need the pupil visible, then a teacher, head or admin of a provider where
//    the pupil is placed (Forbidden otherwise: e.g. the commissioning school, or an auditor).
// Every write is audited in its transaction (entities "baseline_instrument", "baseline",
// "sdq_bands", "learning_pathway", "further_assessment").
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/baseline.h"
#include "core/sdq.h"
#include "core/user.h"

namespace waymark::app {

// ---- Instruments ---------------------------------------------------------------------------

std::vector<BaselineInstrument> list_instruments(Context& context, const Actor& actor);
// Invalid with every problem (including a scale key that names no grade scale); Conflict on a
// repeated name; Forbidden for anyone but an admin or head.
Result<BaselineInstrument> create_instrument(Context& context, const Actor& actor,
                                             const BaselineInstrument& instrument);
using InstrumentChange = std::function<void(BaselineInstrument&, ErrorList&)>;
// NotFound for another organisation's instrument. Name, domain, what it measures and active may
// change; how it scores (type, maximum, scale, SDQ version) may not (Invalid on "score_type").
Result<BaselineInstrument> update_instrument(Context& context, const Actor& actor, Id id,
                                             const InstrumentChange& change);

// The grade scale an instrument's key names, or nullptr.
// FIXME: only core's standard scales for now; custom scales live in the assessment setup area,
// whose store interface was not written when this was.
const GradeScale* instrument_scale(const std::string& scale_key);

// ---- Results -------------------------------------------------------------------------------

struct BaselineView {
  BaselineResult result;
  BaselineInstrument instrument;
  std::optional<SdqScores> sdq_scores;  // questionnaire results: scored on read
  std::string summary;                  // "Reading age (NGRT) 10y 4m" (core result_summary)
  std::string recorded_by_name;         // "" when unknown
};

// A pupil's baseline results in date order, with summaries. For other areas (the timeline),
// which have already authorised the read: no authorisation here.
std::vector<BaselineView> baselines_for_pupil(store::Connection& connection, Id pupil_id);

Result<std::vector<BaselineView>> pupil_baselines(Context& context, const Actor& actor,
                                                  Id pupil_id);
Result<BaselineView> get_baseline(Context& context, const Actor& actor, Id baseline_id);
// `result.pupil_id` and `result.instrument_id` name the pupil and instrument (one of the actor's
// organisation's, else Invalid on "instrument_id"). placement_id 0 means the latest placement of
// the pupil at the actor's provider; a given one must be such a placement (Invalid otherwise).
Result<BaselineView> record_baseline(Context& context, const Actor& actor,
                                     const BaselineResult& result);

// ---- SDQ cut-offs --------------------------------------------------------------------------

// The cut-offs in use for a version: the stored ones, else core's published defaults.
SdqBands current_sdq_bands(store::Connection& connection, SdqVersion version);
Result<SdqBands> set_sdq_bands(Context& context, const Actor& actor, SdqVersion version,
                               const SdqBands& bands);

// ---- Learning pathways ---------------------------------------------------------------------

struct PathwayView {
  LearningPathway pathway;
  std::string subject_name;
  std::string updated_by_name;
};
Result<std::vector<PathwayView>> pupil_pathways(Context& context, const Actor& actor, Id pupil_id);
// NotFound when the pupil has no pathway in that subject.
Result<PathwayView> get_pathway(Context& context, const Actor& actor, Id pupil_id, Id subject_id);
// Creates or replaces the pathway. The subject must be one of the actor's organisation's
// (Invalid on "subject_id").
Result<PathwayView> save_pathway(Context& context, const Actor& actor,
                                 const LearningPathway& pathway);

// ---- Further assessment requests -----------------------------------------------------------

struct FurtherAssessmentView {
  FurtherAssessment request;
  std::string requested_by_name;
};
Result<std::vector<FurtherAssessmentView>> pupil_further_assessments(Context& context,
                                                                     const Actor& actor,
                                                                     Id pupil_id);
// Made by the actor, today unless `requested_on` is given.
Result<FurtherAssessmentView> request_further_assessment(Context& context, const Actor& actor,
                                                         const FurtherAssessment& request);
using FurtherAssessmentChange = std::function<void(FurtherAssessment&, ErrorList&)>;
// Records the outcome, closes or reopens. NotFound when the pupil is not visible.
Result<FurtherAssessmentView> update_further_assessment(Context& context, const Actor& actor,
                                                        Id request_id,
                                                        const FurtherAssessmentChange& change);
Result<FurtherAssessmentView> get_further_assessment(Context& context, const Actor& actor,
                                                     Id request_id);

// ---- Shared checks -------------------------------------------------------------------------

// Ok when the actor may write the pupil's baseline records (see the top of this file).
Status require_baseline_writer(store::Connection& connection, const Actor& actor, Id pupil_id);

}  // namespace waymark::app
