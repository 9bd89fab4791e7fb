// Shared by the assessment-setup and baseline pages (assessment_setup_*.cpp, baseline_*.cpp):
// grade selects, naming a use case's field errors as form fields, who sees the settings forms,
// and the page registrations, one per file, called from register_assessment_setup_pages and
// register_baseline_pages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/grade_scale.h"
#include "core/result.h"
#include "core/user.h"
#include "web/router.h"
#include "web/templates.h"

namespace waymark::web {

// <option>s for a grade select on `scale`, best grade first (as teachers read a mark scheme), with
// a blank first option when `blank` is not "".
List grade_options(const GradeScale& scale, const std::string& selected,
                   const std::string& blank = "");
// The grade's label on `scale` ("Secure-"), or the code itself when the scale lacks it.
std::string grade_label(const GradeScale& scale, const std::string& code);

// A use case's field errors renamed for a form: each field gets `prefix`, and each reason becomes
// a sentence. An error without fields (a Conflict, say) lands on `prefix` + `fallback`.
std::vector<FieldError> prefixed_errors(const Error& error, const std::string& prefix,
                                        const std::string& fallback);

// Errors that end the request rather than re-render a form: NotFound (404) and Forbidden (403),
// and anything unexpected.
bool ends_request(const Error& error);

// Admins and heads edit an organisation's settings (subject scales, KS3 expectations,
// instruments); the use cases check again on save.
bool is_admin_or_head(const Actor& actor);

// "12 Mar 2026 at 14:03 UTC": stored times are UTC, and saying so beats a silent conversion.
std::string format_moment(std::int64_t seconds);

// One form field for the shared field markup of these pages' templates ({{#fields}} blocks):
//   {id, name, label, value, hint, error, described_by, classes, input, select, textarea,
//    type, inputmode, options[] (value, text, selected)}
// The id is field_anchor(name), so the error summary's links land on the control; `errors` is an
// error_map.
Data text_field(const std::string& name, const std::string& label, const std::string& value,
                const Data& errors, const std::string& hint = "",
                const std::string& classes = "govuk-!-width-two-thirds");
Data number_field(const std::string& name, const std::string& label, const std::string& value,
                  const Data& errors, const std::string& hint = "");
Data date_field(const std::string& name, const std::string& label, const std::string& value,
                const Data& errors, const std::string& hint = "");
Data select_field(const std::string& name, const std::string& label, const List& options,
                  const Data& errors, const std::string& hint = "");
Data textarea_field(const std::string& name, const std::string& label, const std::string& value,
                    const Data& errors, const std::string& hint = "");

// Page registrations (each in its own file).
void register_intake_pages(Router& router, const Templates& templates);      // intake.cpp
void register_intake_edit_page(Router& router, const Templates& templates);  // intake_edit.cpp
void register_targets_page(Router& router, const Templates& templates);      // targets.cpp
void register_settings_pages(Router& router, const Templates& templates);    // settings.cpp
void register_ks3_expectations_page(Router& router, const Templates& templates);
// The pupil's baseline page (baseline_pupil.cpp), also shown again by the further-assessment
// forms (baseline_further.cpp) with their errors and the values sent.
Response render_baseline_page(const Templates& templates, Exchange& exchange, Id pupil_id,
                              const Params& form, const std::vector<FieldError>& errors,
                              int status);
void register_baseline_further_forms(Router& router, const Templates& templates);
void register_baseline_pathway_page(Router& router, const Templates& templates);
void register_baseline_pupil_page(Router& router, const Templates& templates);
void register_baseline_record_page(Router& router, const Templates& templates);
void register_baseline_instruments_page(Router& router, const Templates& templates);

}  // namespace waymark::web
