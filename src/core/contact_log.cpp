#include "core/contact_log.h"

#include <fmt/format.h>

namespace waymark {

const char* to_string(ContactMethod method) {
  switch (method) {
    case ContactMethod::Call:
      return "call";
    case ContactMethod::Meeting:
      return "meeting";
    case ContactMethod::Message:
      return "message";
  }
  return "call";
}

const char* label(ContactMethod method) {
  switch (method) {
    case ContactMethod::Call:
      return "Phone call";
    case ContactMethod::Meeting:
      return "Meeting";
    case ContactMethod::Message:
      return "Message";
  }
  return "Phone call";
}

Result<ContactMethod> parse_contact_method(std::string_view text, const std::string& field) {
  for (ContactMethod method : {ContactMethod::Call, ContactMethod::Meeting, ContactMethod::Message})
    if (text == to_string(method)) return method;
  return Error::invalid(field, "must be call, meeting or message");
}

bool counts_as_call(ContactMethod method) {
  return method == ContactMethod::Call || method == ContactMethod::Meeting;
}

Status validate_contact_log_entry(const ContactLogEntry& entry, Date today) {
  ErrorList errors;
  if (entry.pupil_id <= 0) errors.add("pupil_id", "is required");
  if (entry.staff_id <= 0) errors.add("staff_id", "choose the member of staff who made contact");
  if (entry.contact_id <= 0) errors.add("contact_id", "choose who was contacted");
  if (entry.contact_date > today) errors.add("contact_date", "is in the future");
  if (entry.contact_date < today.plus_days(-366))
    errors.add("contact_date", "is more than a year ago");
  if (entry.summary.empty()) errors.add("summary", "is required");
  const std::pair<const char*, const std::string*> texts[] = {
      {"summary", &entry.summary},
      {"work_completed", &entry.work_completed},
      {"progress", &entry.progress},
      {"other", &entry.other},
      {"outcome", &entry.outcome}};
  for (const auto& [field, text] : texts)
    if (text->size() > kMaxContactSummaryLength)
      errors.add(field, fmt::format("must be at most {} characters", kMaxContactSummaryLength));
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace waymark
