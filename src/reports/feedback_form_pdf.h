// The 3-weekly feedback form as an A4 PDF (policy 000 ¶4-6): a header band with the provider's
// name, the pupil, year and period, one table per subject (topics learnt, attitude to learning,
// working-at grade, progress indicator with any override reason), attendance, the teacher's
// comment and the ATL and progress-indicator keys. Long forms flow onto further pages; a subject
// whose topics do not fit continues on the next page under "<subject> (continued)".
#pragma once

#include <string>

#include "core/result.h"
#include "reports/feedback_form_document.h"

namespace waymark::reports {

// Renders `form` to the bytes of a PDF. Text is UTF-8 and drawn in the "Sans" font at 8-16 pt.
// Fails with Invalid when the document cannot be drawn honestly: a blank pupil name (field
// "pupil_name") or an ATL outside 1-4 (field "subjects[N].atl", N counting from 1), listing every
// problem; with Internal when cairo fails (out of memory), with no personal data in the message.
// Thread safety: safe to call from several threads at once (each uses its own TextKit).
Result<std::string> render_feedback_form_pdf(const FeedbackFormDocument& form);

// "1 October 2026": the long form of a date used on printed reports.
std::string long_date(Date date);

}  // namespace waymark::reports
