// JSON forms of the contact log and call intervals (API bodies and audit before/after), in the
// style of app/codec.h: each shape written once; readers leave absent fields as they are and
// collect every problem.
#pragma once

#include "app/codec.h"
#include "core/contact_log.h"
#include "core/contact_schedule.h"

namespace waymark::app {

void write_json(JsonOut& out, const ContactLogEntry& entry);
Json to_json(const ContactLogEntry& entry);
Json to_json(const ContactRule& rule);  // {"min_days", "max_days"}
void write_json(JsonOut& out, const ContactDue& due);

// Fields: contact_date, method, staff_id, contact_id, summary, work_completed, progress, other,
// outcome.
void read_contact_log_entry(const Json& body, ContactLogEntry& into, ErrorList& errors);

}  // namespace waymark::app
