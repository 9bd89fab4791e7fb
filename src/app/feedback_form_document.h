// Gathers a feedback form's printable document (reports::FeedbackFormDocument) from the store:
// the provider's name, the pupil, the period, a table per subject, attendance and the comment.
// The reports layer draws it (reports/feedback_form_pdf.h); web/ and cli/ call that.
#pragma once

#include <string>

#include "app/context.h"
#include "core/feedback_form.h"
#include "core/user.h"
#include "reports/feedback_form_document.h"

namespace waymark::app {

// The document of a form the actor may see (get_feedback_form's rules): NotFound otherwise.
Result<reports::FeedbackFormDocument> feedback_form_document(Context& context, const Actor& actor,
                                                             Id form_id);

// The document of `form`, without any authorisation: for the CLI report, which runs with the
// database's own authority.
reports::FeedbackFormDocument build_feedback_form_document(store::Connection& connection,
                                                           const FeedbackForm& form);

// A file name for the form's PDF with no personal data in it:
// "<provider-id>-<pupil-id>-<period-number>-v<version>.pdf".
std::string feedback_form_file_name(const FeedbackForm& form);

}  // namespace waymark::app
