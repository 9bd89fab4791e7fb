// JSON forms of the attendance records: marks, versions, summaries and codes, for the API and for
// the audit log's before/after.
#pragma once

#include "app/codec.h"
#include "core/attendance_code.h"
#include "core/attendance_stats.h"
#include "store/attendance_store.h"

namespace waymark::app {

// Session text as the API and CSV spell it: "AM" or "PM"; Invalid on `field` otherwise (case is
// ignored).
Result<Session> parse_session(std::string_view text, const std::string& field = "session");

// {id, pupil_id, provider_id, placement_id, commissioner_id, date, session, code, meaning,
//  category, minutes_late, version, recorded_by, recorded_at}
Json to_json(const store::StoredMark& mark);
// {version, date, session, code, minutes_late, reason, changed_by, changed_by_name, changed_at}
Json to_json(const store::MarkVersion& version);
// {possible, present, approved, authorised, unauthorised, absent, rate, rate_text, persistent,
//  severe}
Json to_json(const AttendanceSummary& summary);
// {code, meaning, category, category_label, valid_from, valid_to, replaced_by}
Json to_json(const AttendanceCode& code);

// The code book's entry for a stored mark, for its meaning and category; nullptr when the code is
// not valid on the mark's date (never for marks this area wrote).
const AttendanceCode* code_entry(const std::string& code, Date on);

}  // namespace waymark::app
