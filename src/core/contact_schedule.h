// Parent and carer contact (policy 000: a call home every two to three weeks): when the next call
// is due, and which pupils are due or overdue one.
#pragma once

#include <optional>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"

namespace waymark {

// The interval between calls, in calendar days: the next call falls due `min_days` after the
// last one and is overdue after `max_days`.
struct ContactRule {
  int min_days = 14;
  int max_days = 21;
};

// 1 <= min_days <= max_days <= 90 (fields "min_days", "max_days"); every problem at once.
Status validate_contact_rule(const ContactRule& rule);

struct ContactDue {
  Date due_from;  // the first day the next call is due
  Date due_by;    // the last day before it is overdue
  bool operator==(const ContactDue&) const = default;
};

// The window for the next call, counted from the last contact or, when there has been none, from
// the placement's start. A contact before the start (at referral, say) does not move the window
// earlier: the regular cycle begins with the placement. Expects a validated rule.
ContactDue next_contact_due(std::optional<Date> last_contact, Date placement_start,
                            const ContactRule& rule);

enum class ContactState { NotDue, Due, Overdue };
const char* to_string(ContactState state);  // "not_due", "due", "overdue"

// NotDue before due_from, Due from due_from to due_by inclusive, Overdue after due_by.
ContactState contact_state(const ContactDue& due, Date today);

// One placement's contact record, as the app layer gathers it.
struct ContactRecord {
  Id placement_id = 0;
  Id pupil_id = 0;
  Date placement_start;
  std::optional<Date> last_contact;
};

struct ContactListEntry {
  Id placement_id = 0;
  Id pupil_id = 0;
  ContactDue due;
  ContactState state = ContactState::NotDue;
  int days_overdue = 0;  // days after due_by; 0 unless Overdue
};

// The placements whose call is Due or Overdue on `today`: overdue first (longest overdue first),
// then due (soonest due_by first); ties by placement_id. Placements not yet started are left out.
// Expects a validated rule.
std::vector<ContactListEntry> contacts_to_make(const std::vector<ContactRecord>& records,
                                               const ContactRule& rule, Date today);

}  // namespace waymark
