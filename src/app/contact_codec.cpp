#include "app/contact_codec.h"

namespace waymark::app {

void write_json(JsonOut& out, const ContactLogEntry& entry) {
  out.begin_object();
  out.field("id", entry.id);
  out.field("pupil_id", entry.pupil_id);
  out.field("organisation_id", entry.organisation_id);
  out.field("contact_date", entry.contact_date.iso());
  out.field("method", to_string(entry.method));
  out.key("staff_id");
  out.id_or_null(entry.staff_id);
  out.field("contact_id", entry.contact_id);
  out.field("contact_name", entry.contact_name);
  out.field("contact_relationship", entry.contact_relationship);
  out.field("parental_responsibility", entry.parental_responsibility);
  out.field("summary", entry.summary);
  out.field("work_completed", entry.work_completed);
  out.field("progress", entry.progress);
  out.field("other", entry.other);
  out.field("outcome", entry.outcome);
  out.key("recorded_by");
  out.id_or_null(entry.recorded_by);
  out.field("recorded_at", entry.recorded_at);
  out.end_object();
}

Json to_json(const ContactLogEntry& entry) {
  JsonOut out;
  write_json(out, entry);
  return Json::parse(out.text());
}

Json to_json(const ContactRule& rule) {
  return Json{{"min_days", rule.min_days}, {"max_days", rule.max_days}};
}

void write_json(JsonOut& out, const ContactDue& due) {
  out.begin_object();
  out.field("due_from", due.due_from.iso());
  out.field("due_by", due.due_by.iso());
  out.end_object();
}

void read_contact_log_entry(const Json& body, ContactLogEntry& into, ErrorList& errors) {
  read_date(body, "contact_date", into.contact_date, errors);
  std::string method;
  if (read_string(body, "method", method, errors) && body.contains("method")) {
    auto parsed = parse_contact_method(method);
    if (parsed.ok())
      into.method = *parsed;
    else
      errors.add_all(parsed.error());
  }
  read_id(body, "staff_id", into.staff_id, errors);
  read_id(body, "contact_id", into.contact_id, errors);
  read_string(body, "summary", into.summary, errors);
  read_string(body, "work_completed", into.work_completed, errors);
  read_string(body, "progress", into.progress, errors);
  read_string(body, "other", into.other, errors);
  read_string(body, "outcome", into.outcome, errors);
}

}  // namespace waymark::app
