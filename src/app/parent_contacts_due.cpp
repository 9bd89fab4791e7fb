#include "app/parent_contacts_due.h"

#include <map>

#include "app/parent_contacts.h"
#include "store/contact_store.h"

namespace waymark::app {

std::vector<CallDue> calls_due_at_provider(store::Connection& connection, Id provider_id,
                                           Date today) {
  const ContactRule rule = contact_rule_of(connection, provider_id);
  const std::map<Id, Date> last_calls = connection.contacts().last_calls_at(provider_id);
  const std::map<Id, Id> key_workers = connection.contacts().key_workers_at(provider_id);

  // Every pupil placed here; then their current placements here.
  const store::Visibility placed_here{OrgKind::Provider, provider_id, false};
  store::PupilFilter filter;
  filter.provider_id = provider_id;
  filter.limit = 100000;
  std::map<Id, std::string> names;
  std::vector<Id> pupil_ids;
  for (const Pupil& pupil : connection.pupils(placed_here, filter).pupils) {
    names[pupil.id] = pupil.sort_name();
    pupil_ids.push_back(pupil.id);
  }
  std::vector<ContactRecord> records;
  for (const Placement& placement : connection.placements_of_pupils(pupil_ids)) {
    if (placement.provider_id != provider_id || !placement.current_on(today) ||
        !placement.start_date)
      continue;
    auto last = last_calls.find(placement.pupil_id);
    records.push_back(
        ContactRecord{placement.id, placement.pupil_id, *placement.start_date,
                      last == last_calls.end() ? std::nullopt : std::optional<Date>(last->second)});
  }

  std::map<Id, std::string> staff_names;
  std::vector<CallDue> calls;
  for (const ContactListEntry& entry : contacts_to_make(records, rule, today)) {
    CallDue call;
    call.placement_id = entry.placement_id;
    call.pupil_id = entry.pupil_id;
    call.pupil_name = names[entry.pupil_id];
    auto last = last_calls.find(entry.pupil_id);
    if (last != last_calls.end()) call.last_call = last->second;
    call.due = entry.due;
    call.state = entry.state;
    call.days_overdue = entry.days_overdue;
    auto worker = key_workers.find(entry.placement_id);
    if (worker != key_workers.end()) {
      call.key_worker_id = worker->second;
      if (!staff_names.contains(worker->second)) {
        auto user = connection.user(worker->second);
        staff_names[worker->second] = user ? user->display_name : "";
      }
      call.key_worker_name = staff_names[worker->second];
    }
    calls.push_back(std::move(call));
  }
  return calls;
}

std::vector<CallDue> calls_due_for_user(store::Connection& connection, Id provider_id, Id user_id,
                                        Date today) {
  std::vector<CallDue> calls = calls_due_at_provider(connection, provider_id, today);
  std::erase_if(calls, [&](const CallDue& call) { return call.key_worker_id != user_id; });
  return calls;
}

Result<std::vector<CallDue>> calls_due(Context& context, const Actor& actor, CallScope scope) {
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_read())
    return Error::forbidden("calls home are made by the provider's staff");
  auto& connection = context.store.connection();
  const Date today = context.clock.today();
  if (scope == CallScope::Mine)
    return calls_due_for_user(connection, actor.organisation_id, actor.user_id, today);
  return calls_due_at_provider(connection, actor.organisation_id, today);
}

}  // namespace waymark::app
