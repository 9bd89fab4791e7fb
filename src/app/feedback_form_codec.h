// The JSON form of a feedback form (API bodies and audit before/after), written once here.
//   {id, pupil_id, placement_id, provider_id, period: {number, start, end, due}, version,
//    supersedes_id, status, attendance_percent (null when no session was possible),
//    attendance_text, comment, subjects: [{subject_id, subject_name, topics[], atl, atl_label,
//    working_at_scale, working_at, proposed, proposal_reason, indicator, override_reason}],
//    created_at, updated_at, sent_at, sent_by}
#pragma once

#include "app/codec.h"
#include "core/feedback_form.h"

namespace waymark::app {

void write_json(JsonOut& out, const FeedbackForm& form);
Json to_json(const FeedbackForm& form);

// The line shown for attendance until issue 4 brings registers, and its value alone for places
// that print their own "Attendance" label (the PDF), so the label is never doubled.
inline constexpr const char* kAttendanceNotRecorded = "Attendance: not yet recorded in Waymark";
inline constexpr const char* kAttendanceNotRecordedValue = "not yet recorded in Waymark";

// Reads what a PATCH may change onto `into`: "comment" and "subjects". "subjects" replaces the
// list; a row keeps the stored values of fields it leaves out when its subject_id was on the form.
// Field names in errors: "comment", "subjects", "subjects[N].atl" (N counting from 1), ...
void read_feedback_form_changes(const Json& body, FeedbackForm& into, ErrorList& errors);

}  // namespace waymark::app
