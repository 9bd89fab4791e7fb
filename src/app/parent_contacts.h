// Parent and carer contact (policy 000: a call home every two to three weeks): logging calls,
// meetings and messages, each provider's call interval, and each placement's key worker.
//
// Who: the staff (admin, teacher, head) of a provider where the pupil is placed log contacts
// (Forbidden for anyone else who can see the pupil; NotFound when the pupil is not visible).
// Whoever can see the pupil reads the log. A provider's admins set its interval; its admins and
// heads choose key workers. Every write is audited in its transaction.
//
// Responsibility for the next call: the placement's key worker when one is chosen, otherwise the
// provider as a whole (the call then shows, unassigned, in the provider's list for everyone).
// Calls and meetings count towards the cycle; messages are logged but do not (core's
// counts_as_call).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/contact_log.h"
#include "core/contact_schedule.h"
#include "core/placement.h"
#include "core/pupil.h"
#include "core/user.h"

namespace waymark::app {

// `request.pupil_id` names the pupil and `contact_id` one of the pupil's contacts (Invalid on
// "contact_id" otherwise); `staff_id` 0 means the actor, otherwise an active member of the actor's
// organisation (Invalid on "staff_id"). Text fields are trimmed. The contact's name, relationship
// and parental responsibility are copied into the entry. Audited as entity "contact_log".
Result<ContactLogEntry> log_contact(Context& context, const Actor& actor,
                                    const ContactLogEntry& request);

// One current placement's next call.
struct PlacementCallDue {
  Placement placement;
  std::string provider_name;
  std::optional<Date> last_call;
  ContactDue due;
  ContactState state = ContactState::NotDue;
  int days_overdue = 0;
  Id key_worker_id = 0;  // 0: the provider as a whole
  std::string key_worker_name;
};

struct ContactLogView {
  Pupil pupil;  // with its contacts (each marked with parental responsibility)
  std::vector<ContactLogEntry> entries;      // newest first
  std::vector<PlacementCallDue> next_calls;  // one per current (active, started) placement
  bool can_write = false;                    // the actor may log contacts for this pupil
  bool can_set_key_worker = false;           // the actor may choose the key workers shown
  std::vector<User> staff;  // when can_write: who may be named as having made contact
  std::vector<std::pair<Id, std::string>> staff_names;  // user id -> name, for the entries
};
// NotFound when the pupil is not visible.
Result<ContactLogView> contact_log(Context& context, const Actor& actor, Id pupil_id);

// The actor's organisation's interval (the default when none is set). Any reader.
Result<ContactRule> get_contact_rule(Context& context, const Actor& actor);
// Admins of a provider (Forbidden otherwise). Invalid naming "min_days"/"max_days".
Result<ContactRule> set_contact_rule(Context& context, const Actor& actor, const ContactRule& rule);
// The rule `organisation_id` uses, for code that has already authorised its read.
ContactRule contact_rule_of(store::Connection& connection, Id organisation_id);

// Sets (user_id > 0) or clears (0) a placement's key worker. NotFound when the placement's pupil is
// not visible; Forbidden unless the actor is an admin or head of the placement's provider; Invalid
// on "user_id" unless the user is an active admin, teacher or head there. Audited as
// "key_worker".
Status set_key_worker(Context& context, const Actor& actor, Id placement_id, Id user_id);

// Staff of `organisation_id` who may make contact: active admins, teachers and heads, by name.
std::vector<User> contact_staff(store::Connection& connection, Id organisation_id);

}  // namespace waymark::app
