// The parent and carer contact log (policy 000: a call home every two to three weeks): one entry
// per call, meeting or message, who made it, who it was with and what was discussed. Pure values
// and their validation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"

namespace waymark {

enum class ContactMethod { Call, Meeting, Message };
const char* to_string(ContactMethod method);  // "call", "meeting", "message"
const char* label(ContactMethod method);      // "Phone call", "Meeting", "Message"
Result<ContactMethod> parse_contact_method(std::string_view text,
                                           const std::string& field = "method");
// Calls and meetings keep the regular cycle going; a message (text, email, letter) is logged but
// does not count as the call policy 000 asks for.
bool counts_as_call(ContactMethod method);

// One logged contact. The contact's name, relationship and parental responsibility are copied
// from the pupil's contact when the entry is made, so the log stays true as a record even after
// the pupil's contacts are edited.
struct ContactLogEntry {
  Id id = 0;
  Id pupil_id = 0;
  Id organisation_id = 0;  // the provider that made the contact
  Date contact_date;
  ContactMethod method = ContactMethod::Call;
  Id staff_id = 0;    // the member of staff who made it
  Id contact_id = 0;  // the pupil's contact (may since have been removed from the pupil)
  std::string contact_name;
  std::string contact_relationship;
  bool parental_responsibility = false;
  std::string summary;
  std::string work_completed;  // what was discussed: work completed
  std::string progress;        // ... progress
  std::string other;           // ... anything else
  std::string outcome;
  Id recorded_by = 0;
  std::int64_t recorded_at = 0;
};

inline constexpr std::size_t kMaxContactSummaryLength = 2000;

// pupil_id, staff_id and contact_id given; date not in the future nor more than a year before
// `today`; summary 1..2000 characters; the discussion fields and outcome at most 2000 each.
// Reports every problem at once, each naming its field.
Status validate_contact_log_entry(const ContactLogEntry& entry, Date today);

}  // namespace waymark
