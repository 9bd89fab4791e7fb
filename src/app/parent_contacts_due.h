// Calls home due and overdue: per member of staff and per provider, for the "Calls due" page, the
// API and the dashboards.
//
// A call is owed for each current placement (active and started) at the provider: due from
// `min_days` after the last call or meeting (or the placement's start) and overdue after
// `max_days` (core's contacts_to_make with the provider's rule). It belongs to the placement's key
// worker; a placement without one belongs to the provider as a whole ("unassigned").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/contact_schedule.h"
#include "core/user.h"

namespace waymark::app {

struct CallDue {
  Id placement_id = 0;
  Id pupil_id = 0;
  std::string pupil_name;  // "Smith, Sam"
  std::optional<Date> last_call;
  ContactDue due;
  ContactState state = ContactState::Due;  // Due or Overdue
  int days_overdue = 0;
  Id key_worker_id = 0;  // 0: unassigned (the provider)
  std::string key_worker_name;
};

enum class CallScope {
  Mine,      // the actor's own key-worker placements
  Everyone,  // every placement at the actor's provider, unassigned included
};

// Overdue first (longest overdue first), then due (soonest deadline first). Readers of a provider
// only (Forbidden for schools and local authorities, whose staff make no calls here).
Result<std::vector<CallDue>> calls_due(Context& context, const Actor& actor, CallScope scope);

// For dashboards, which authorise before calling: the calls due or overdue on `today` at
// `provider_id`, and those of them whose key worker is `user_id`.
std::vector<CallDue> calls_due_at_provider(store::Connection& connection, Id provider_id,
                                           Date today);
std::vector<CallDue> calls_due_for_user(store::Connection& connection, Id provider_id, Id user_id,
                                        Date today);

}  // namespace waymark::app
