// Grade scales as data (issue 3 item 2), the scale each subject uses, and the KS3 expectation
// table. The standard scales are core's standard_scales() (also stored by migration 002); an
// organisation's admin may add its own. Other areas load scales through scale_for and
// subject_scale.
#pragma once

#include <string>
#include <vector>

#include "app/context.h"
#include "core/grade_scale.h"
#include "core/progress_indicator.h"
#include "core/user.h"
#include "store/assessment_setup_store.h"

namespace waymark::app {

// The scale with `key` as `organisation_id` sees it: a standard scale, or one of the
// organisation's own. NotFound ("grade scale not found") when there is none. Reads only.
Result<GradeScale> scale_for(store::Connection& connection, Id organisation_id,
                             const std::string& key);

// The scale a subject's grades are on for a pupil in `nc_year`: the subject's KS3 scale in Years
// 7-9 (and below), its KS4 scale from Year 10 (defaults ks3 and gcse_fine). NotFound when the
// subject does not exist.
Result<GradeScale> subject_scale(store::Connection& connection, Id subject_id, int nc_year);

// Reads `text` as a grade on the subject's scale for `nc_year`: Invalid on `field` with
// GradeScale::parse's message when it is not on the scale.
Result<Grade> parse_subject_grade(store::Connection& connection, Id subject_id, int nc_year,
                                  std::string_view text, const std::string& field);

// The organisation's KS3 expectation table, or core's default table when it has not edited it.
std::vector<Ks3Expectation> ks3_expectations(store::Connection& connection, Id organisation_id);

// Use cases. Any signed-in user may read; writes need an admin (scales) or an admin or head
// (subject scales, expectations) of the organisation, Forbidden otherwise. Every write is audited.
Result<std::vector<GradeScale>> list_grade_scales(Context& context, const Actor& actor);
// Invalid as GradeScale::define reports it, or on "key" when a standard scale has the key;
// Conflict on "key" when the organisation already has one.
Result<GradeScale> add_grade_scale(Context& context, const Actor& actor, const std::string& key,
                                   const std::string& name,
                                   const std::vector<std::pair<std::string, std::string>>& grades,
                                   PointsScheme points);

// NotFound for a subject of another organisation.
Result<store::SubjectScales> get_subject_scales(Context& context, const Actor& actor,
                                                Id subject_id);
// Invalid on "ks3_scale_key" / "ks4_scale_key" for a key the organisation cannot see.
Result<store::SubjectScales> set_subject_scales(Context& context, const Actor& actor,
                                                const store::SubjectScales& scales);

Result<std::vector<Ks3Expectation>> get_ks3_expectations(Context& context, const Actor& actor);
// Invalid as validate_ks3_expectations reports it, against the KS3 scale.
Result<std::vector<Ks3Expectation>> set_ks3_expectations(
    Context& context, const Actor& actor, const std::vector<Ks3Expectation>& expectations);

// "autumn", "spring", "summer" for the API and forms.
const char* term_key(SchoolTerm term);
Result<SchoolTerm> parse_term_key(std::string_view text, const std::string& field);

}  // namespace waymark::app
