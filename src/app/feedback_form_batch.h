// Printing every due feedback form at once (`waymark report feedback-forms --due`): the forms the
// due list shows (feedback_form_due.h, due_forms_at) at every provider on the clock's today, each
// drawn as a PDF into a folder. Runs with the database's own authority (the CLI): there is no
// signed-in user, so no authorisation here, and the drafts it creates are audited with no user
// against the provider.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/feedback_form_due.h"
#include "reports/feedback_form_document.h"

namespace waymark::app {

// One due form across all providers, in provider then due-list order.
struct DueFormAt {
  Id provider_id = 0;
  DueForm form;
};

// Every form due on `today` at every provider.
std::vector<DueFormAt> due_forms_everywhere(store::Connection& connection, Date today);

// Where a due form's PDF goes, relative to the output folder: "<provider-id>/<pupil-id>-<period>
// .pdf". Ids, not names or UPNs: file names end up in listings, backups and email attachments
// where nobody checks who may read them, and a UPN is personal data that stays with a pupil for
// life; the PDF inside names the pupil for those entitled to open it.
std::string due_form_path(Id provider_id, Id pupil_id, int period_number);

struct FeedbackFormBatch {
  std::size_t due = 0;                // forms due
  std::size_t written = 0;            // PDFs written
  std::size_t created = 0;            // drafts created for forms not started
  std::vector<std::string> failures;  // "<path>: <reason>", no personal data
};

// Called after each form with (forms done, forms due); done == due at the end.
using BatchProgress = std::function<void(std::size_t done, std::size_t total)>;

// Draws one form's document as PDF bytes: reports::render_feedback_form_pdf, passed in by the
// caller because app gathers documents and does not draw them (dependencies point inwards).
using DrawFeedbackForm =
    std::function<Result<std::string>(const reports::FeedbackFormDocument& document)>;

// Writes every due form's PDF, drawn by `draw`, under `out_dir` (created, with the provider
// folders, when absent). A form not started gets its draft first (version 1, prefilled as
// create_feedback_form does, in its own transaction, audited "create" with no user); a started one
// is drawn as it stands (its latest unsent version). Fails with Invalid on "out_dir" when it is
// empty, is not a folder, or cannot be written, before anything is created. A form that cannot be
// drawn or written is listed in `failures` and the rest still go out; the caller decides the exit
// status.
Result<FeedbackFormBatch> write_due_feedback_forms(Context& context, const std::string& out_dir,
                                                   const DrawFeedbackForm& draw,
                                                   const BatchProgress& progress = nullptr);

}  // namespace waymark::app
