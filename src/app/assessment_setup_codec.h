// JSON forms of the assessment-setup records (grade scales, subject scales, KS3 expectations,
// intake, home-school work, targets): what the API returns and accepts and what the audit log
// keeps. Readers add every field problem to an ErrorList, named as the API spells the field.
#pragma once

#include <vector>

#include "app/codec.h"
#include "core/grade_scale.h"
#include "core/intake.h"
#include "core/progress_indicator.h"
#include "core/target.h"
#include "store/assessment_setup_store.h"

namespace waymark::app {

Json to_json(const GradeScale& scale);  // {key, name, points_scheme, grades: [{code, label, rank}]}
Json to_json(const store::SubjectScales& scales);
Json to_json(const std::vector<Ks3Expectation>& expectations);
Json to_json(const GradeRef& grade);  // {scale, code}
Json to_json(const Intake& intake);
Json to_json(const HomeSchoolWork& work);
Json to_json(const Target& target);

// {"key", "name", "points_scheme": "none"|"gcse", "grades": [{"code", "label"}] worst first}.
struct ScaleInput {
  std::string key;
  std::string name;
  PointsScheme points = PointsScheme::None;
  std::vector<std::pair<std::string, std::string>> grades;
};
void read_scale_input(const Json& body, ScaleInput& into, ErrorList& errors);

void read_subject_scales(const Json& body, store::SubjectScales& into, ErrorList& errors);
// {"expectations": [{"nc_year", "term", "meeting_from", "meeting_to"}]}
void read_ks3_expectations(const Json& body, std::vector<Ks3Expectation>& into, ErrorList& errors);
// Reads onto `into` (absent fields keep their values; null clears). A grade is given as
// {"code": "5+", "scale": "gcse_fine"} or as a bare string, which keeps the field's current scale
// (or takes app's default); app checks the code against the scale.
void read_intake(const Json& body, Intake& into, ErrorList& errors);
void read_home_school_work(const Json& body, HomeSchoolWork& into, ErrorList& errors);

}  // namespace waymark::app
