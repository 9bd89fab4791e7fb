#include "app/parent_contacts.h"

#include <algorithm>

#include "app/audit.h"
#include "app/contact_codec.h"
#include "app/visibility.h"
#include "core/exit_ticket.h"
#include "store/contact_store.h"

namespace waymark::app {

namespace {

bool may_make_contact(const User& user) {
  return user.active && (user.roles.has(Role::Admin) || user.roles.has(Role::Teacher) ||
                         user.roles.has(Role::Head));
}

Status require_contact_writer(store::Connection& connection, const Actor& actor, Id pupil_id) {
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_edit_pupils())
    return Error::forbidden(
        "contact with parents and carers is logged by the staff of the provider where the pupil "
        "is placed");
  return {};
}

std::string user_name(store::Connection& connection, Id user_id) {
  if (user_id == 0) return "";
  auto user = connection.user(user_id);
  return user ? user->display_name : "";
}

}  // namespace

std::vector<User> contact_staff(store::Connection& connection, Id organisation_id) {
  std::vector<User> staff = connection.users_in(organisation_id);
  std::erase_if(staff, [](const User& user) { return !may_make_contact(user); });
  return staff;
}

ContactRule contact_rule_of(store::Connection& connection, Id organisation_id) {
  return connection.contacts().contact_rule(organisation_id).value_or(ContactRule{});
}

Result<ContactLogEntry> log_contact(Context& context, const Actor& actor,
                                    const ContactLogEntry& request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_contact_writer(connection, actor, request.pupil_id));
  ContactLogEntry entry = request;
  entry.summary = trimmed(entry.summary);
  entry.work_completed = trimmed(entry.work_completed);
  entry.progress = trimmed(entry.progress);
  entry.other = trimmed(entry.other);
  entry.outcome = trimmed(entry.outcome);
  if (entry.staff_id == 0) entry.staff_id = actor.user_id;
  entry.organisation_id = actor.organisation_id;
  entry.recorded_by = actor.user_id;

  ErrorList errors;
  if (auto valid = validate_contact_log_entry(entry, context.clock.today()); !valid.ok())
    errors.add_all(valid.error());
  auto pupil = connection.pupil(entry.pupil_id);
  if (entry.contact_id > 0) {
    const auto& contacts = pupil->contacts;
    auto contact = std::find_if(contacts.begin(), contacts.end(),
                                [&](const Contact& item) { return item.id == entry.contact_id; });
    if (contact == contacts.end()) {
      errors.add("contact_id", "is not one of this pupil's contacts");
    } else {
      entry.contact_name = contact->name;
      entry.contact_relationship = contact->relationship;
      entry.parental_responsibility = contact->parental_responsibility;
    }
  }
  if (entry.staff_id > 0) {
    auto staff = connection.user(entry.staff_id);
    if (!staff || staff->organisation_id != actor.organisation_id || !may_make_contact(*staff))
      errors.add("staff_id", "is not a member of your organisation's staff");
  }
  if (!errors.empty()) return errors.to_error();

  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<ContactLogEntry> {
    entry.id = tx.contacts().insert_contact_log(entry, now);
    entry.recorded_at = now;
    record_audit(tx, actor, now, "create", "contact_log", entry.id, entry.pupil_id, nullptr,
                 to_json(entry));
    return entry;
  });
}

Result<ContactLogView> contact_log(Context& context, const Actor& actor, Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  const Date today = context.clock.today();
  ContactLogView view;
  view.pupil = *connection.pupil(pupil_id);
  view.entries = connection.contacts().contact_log_of(pupil_id);
  view.can_write = require_contact_writer(connection, actor, pupil_id).ok();
  if (view.can_write) view.staff = contact_staff(connection, actor.organisation_id);
  view.can_set_key_worker =
      view.can_write && (actor.roles.has(Role::Admin) || actor.roles.has(Role::Head));

  std::vector<Id> named;
  for (const ContactLogEntry& entry : view.entries)
    if (std::find(named.begin(), named.end(), entry.staff_id) == named.end())
      named.push_back(entry.staff_id);
  for (Id user_id : named) view.staff_names.emplace_back(user_id, user_name(connection, user_id));

  for (const Placement& placement : connection.placements_of(pupil_id)) {
    if (!placement.current_on(today) || !placement.start_date) continue;
    // A provider sees its own placements' calls; other readers see every provider's.
    if (actor.organisation_kind == OrgKind::Provider &&
        placement.provider_id != actor.organisation_id)
      continue;
    PlacementCallDue call;
    call.placement = placement;
    auto provider = connection.organisation(placement.provider_id);
    call.provider_name = provider ? provider->name : "";
    for (const ContactLogEntry& entry : view.entries)
      if (entry.organisation_id == placement.provider_id && counts_as_call(entry.method) &&
          (!call.last_call || entry.contact_date > *call.last_call))
        call.last_call = entry.contact_date;
    const ContactRule rule = contact_rule_of(connection, placement.provider_id);
    call.due = next_contact_due(call.last_call, *placement.start_date, rule);
    call.state = contact_state(call.due, today);
    if (call.state == ContactState::Overdue)
      call.days_overdue = static_cast<int>(today.days() - call.due.due_by.days());
    call.key_worker_id = connection.contacts().key_worker(placement.id);
    call.key_worker_name = user_name(connection, call.key_worker_id);
    view.next_calls.push_back(std::move(call));
  }
  return view;
}

Result<ContactRule> get_contact_rule(Context& context, const Actor& actor) {
  if (!actor.can_read()) return Error::forbidden("your account has no role here");
  return contact_rule_of(context.store.connection(), actor.organisation_id);
}

Result<ContactRule> set_contact_rule(Context& context, const Actor& actor,
                                     const ContactRule& rule) {
  if (actor.organisation_kind != OrgKind::Provider || !actor.roles.has(Role::Admin))
    return Error::forbidden("only a provider's admin can set how often parents are called");
  WAYMARK_TRY_STATUS(validate_contact_rule(rule));
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<ContactRule> {
    const ContactRule before = contact_rule_of(tx, actor.organisation_id);
    tx.contacts().set_contact_rule(actor.organisation_id, rule, now);
    record_audit(tx, actor, now, "update", "contact_rule", actor.organisation_id, 0,
                 to_json(before), to_json(rule));
    return rule;
  });
}

Status set_key_worker(Context& context, const Actor& actor, Id placement_id, Id user_id) {
  auto& connection = context.store.connection();
  auto placement = connection.placement(placement_id);
  if (!placement || !connection.pupil_visible(placement->pupil_id, visibility_of(actor)))
    return Error::not_found("placement");
  if (placement->provider_id != actor.organisation_id ||
      !(actor.roles.has(Role::Admin) || actor.roles.has(Role::Head)))
    return Error::forbidden("key workers are chosen by the admins and heads of the provider");
  if (user_id != 0) {
    auto user = connection.user(user_id);
    if (!user || user->organisation_id != actor.organisation_id || !may_make_contact(*user))
      return Error::invalid("user_id", "is not a member of your organisation's staff");
  }
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Status {
    const Id before = tx.contacts().key_worker(placement_id);
    tx.contacts().set_key_worker(placement_id, user_id, now);
    record_audit(tx, actor, now, "update", "key_worker", placement_id, placement->pupil_id,
                 Json{{"placement_id", placement_id}, {"user_id", before}},
                 Json{{"placement_id", placement_id}, {"user_id", user_id}});
    return {};
  });
}

}  // namespace waymark::app
