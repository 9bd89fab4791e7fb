// JSON forms of the baseline area's records (API bodies, and the audit log's before/after), and
// readers that collect every field problem. Field names as the API spells them; SDQ items are an
// array of 25 entries 0/1/2/null ("items[N]" names item N, counting from 1).
#pragma once

#include "app/baselines.h"
#include "app/codec.h"

namespace waymark::app {

Json to_json(const BaselineInstrument& instrument);
Json to_json(const BaselineView& view);
Json to_json(const PathwayView& view);
Json to_json(const FurtherAssessmentView& view);
Json to_json(const SdqBands& bands);
// What the audit log keeps of a result (the record, without derived scores).
Json audit_json(const BaselineResult& result);
Json audit_json(const LearningPathway& pathway);
Json audit_json(const FurtherAssessment& request);

// Readers: absent fields keep `into`'s values.
void read_instrument(const Json& body, BaselineInstrument& into, ErrorList& errors);
void read_result(const Json& body, BaselineResult& into, ErrorList& errors);
void read_pathway(const Json& body, LearningPathway& into, ErrorList& errors);
void read_further_assessment(const Json& body, FurtherAssessment& into, ErrorList& errors);
// {"emotional": {"close_to_average": 3, "slightly_raised": 4, "high": 5}, ...}
void read_sdq_bands(const Json& body, SdqBands& into, ErrorList& errors);

}  // namespace waymark::app
