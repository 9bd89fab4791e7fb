#include "core/contact_schedule.h"

#include <algorithm>
#include <tuple>

namespace waymark {

Status validate_contact_rule(const ContactRule& rule) {
  ErrorList errors;
  if (rule.min_days < 1 || rule.min_days > 90)
    errors.add("min_days", "must be between 1 and 90 days");
  if (rule.max_days < 1 || rule.max_days > 90)
    errors.add("max_days", "must be between 1 and 90 days");
  else if (rule.max_days < rule.min_days)
    errors.add("max_days", "must not be less than min_days");
  if (!errors.empty()) return errors.to_error();
  return {};
}

ContactDue next_contact_due(std::optional<Date> last_contact, Date placement_start,
                            const ContactRule& rule) {
  const Date counted_from =
      last_contact && *last_contact > placement_start ? *last_contact : placement_start;
  return ContactDue{counted_from.plus_days(rule.min_days), counted_from.plus_days(rule.max_days)};
}

const char* to_string(ContactState state) {
  switch (state) {
    case ContactState::NotDue:
      return "not_due";
    case ContactState::Due:
      return "due";
    case ContactState::Overdue:
      return "overdue";
  }
  return "not_due";
}

ContactState contact_state(const ContactDue& due, Date today) {
  if (today < due.due_from) return ContactState::NotDue;
  if (today <= due.due_by) return ContactState::Due;
  return ContactState::Overdue;
}

std::vector<ContactListEntry> contacts_to_make(const std::vector<ContactRecord>& records,
                                               const ContactRule& rule, Date today) {
  std::vector<ContactListEntry> entries;
  for (const auto& record : records) {
    if (today < record.placement_start) continue;
    const ContactDue due = next_contact_due(record.last_contact, record.placement_start, rule);
    const ContactState state = contact_state(due, today);
    if (state == ContactState::NotDue) continue;
    const int days_overdue =
        state == ContactState::Overdue ? static_cast<int>(today.days() - due.due_by.days()) : 0;
    entries.push_back(
        ContactListEntry{record.placement_id, record.pupil_id, due, state, days_overdue});
  }
  std::sort(entries.begin(), entries.end(),
            [](const ContactListEntry& left, const ContactListEntry& right) {
              // Overdue sorts before Due; within each, the earliest due_by is the most urgent.
              const bool left_overdue = left.state == ContactState::Overdue;
              const bool right_overdue = right.state == ContactState::Overdue;
              return std::tuple(!left_overdue, left.due.due_by, left.placement_id) <
                     std::tuple(!right_overdue, right.due.due_by, right.placement_id);
            });
  return entries;
}

}  // namespace waymark
