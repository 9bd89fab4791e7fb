// The feedback form page's edit form (feedback_form_edit.cpp): form fields <-> a FeedbackForm.
// Field names: subject_<i>_id, subject_<i>_topics (one topic a line), subject_<i>_atl,
// subject_<i>_working_at, subject_<i>_indicator, subject_<i>_override_reason, subject_<i>_remove,
// add_subject_id, comment (i counting from 0 in the order shown).
#pragma once

#include "core/feedback_form.h"
#include "web/pages/pages.h"

namespace waymark::web {

// Applies the submitted fields onto `form` (rows in the order sent; removed rows dropped; an
// added subject appended), adding parse errors named by form field.
void read_feedback_form_fields(const Params& params, FeedbackForm& form, ErrorList& errors);

// Domain field names ("subjects[2].atl") as form field names ("subject_1_atl").
std::string feedback_form_field(const std::string& domain_field);

// GET /feedback-forms/{id} (and {id}.pdf), POST /feedback-forms/{id} (save) and
// /feedback-forms/{id}/{ready,draft,send,correct}.
void register_feedback_form_view_pages(Router& router, const Templates& templates);

}  // namespace waymark::web
