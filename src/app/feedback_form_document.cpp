#include "app/feedback_form_document.h"

#include <fmt/format.h>

#include "app/feedback_form_codec.h"
#include "app/feedback_form_prefill.h"
#include "app/feedback_forms.h"
#include "core/nc_year.h"

namespace waymark::app {

reports::FeedbackFormDocument build_feedback_form_document(store::Connection& connection,
                                                           const FeedbackForm& form) {
  reports::FeedbackFormDocument document;
  if (auto provider = connection.organisation(form.provider_id))
    document.provider_name = provider->name;
  if (auto pupil = connection.pupil(form.pupil_id)) {
    document.pupil_name = pupil->display_name();
    document.upn = pupil->upn ? pupil->upn->str() : "no UPN";
    auto year = nc_year_on(*pupil, form.period_end);
    document.nc_year = year ? nc_year_label(*year) : "Year not known";
  }
  document.period_number = form.period_number;
  document.period_start = form.period_start;
  document.period_end = form.period_end;
  for (const FeedbackFormSubject& subject : form.subjects) {
    reports::FeedbackFormSubject row;
    row.name = subject.subject_name;
    row.topics = subject.topics;
    row.atl = subject.atl;
    row.atl_label = subject.atl ? atl_label(*subject.atl) : "";
    row.working_at =
        grade_label(connection, form.provider_id, subject.working_at_scale, subject.working_at);
    row.proposed_indicator = subject.proposed ? label(*subject.proposed) : "";
    row.indicator = subject.indicator ? label(*subject.indicator) : "";
    row.override_reason = subject.override_reason;
    document.subjects.push_back(std::move(row));
  }
  // Taken from the registers when the form was created (create_feedback_form); a form with no
  // possible sessions then says so. The PDF prints its own
  // "Attendance in this period:" label, so this is the value alone.
  document.attendance = form.attendance_percent ? fmt::format("{:.0f}%", *form.attendance_percent)
                                                : std::string(kAttendanceNotRecordedValue);
  document.comment = form.comment;
  document.status = label(form.status);
  document.version = form.version;
  if (form.sent_at) document.sent_on = Date::from_days(*form.sent_at / 86400);
  return document;
}

Result<reports::FeedbackFormDocument> feedback_form_document(Context& context, const Actor& actor,
                                                             Id form_id) {
  FeedbackForm form = WAYMARK_TRY(get_feedback_form(context, actor, form_id));
  return build_feedback_form_document(context.store.connection(), form);
}

std::string feedback_form_file_name(const FeedbackForm& form) {
  return fmt::format("{}-{}-{}-v{}.pdf", form.provider_id, form.pupil_id, form.period_number,
                     form.version);
}

}  // namespace waymark::app
