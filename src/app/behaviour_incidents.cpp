#include "app/behaviour_incidents.h"

#include <algorithm>
#include <map>

#include "app/audit.h"
#include "app/behaviour_codec.h"
#include "app/notifications.h"
#include "app/parent_contacts.h"
#include "app/visibility.h"
#include "core/exit_ticket.h"
#include "store/behaviour_store.h"

namespace waymark::app {

namespace {

constexpr std::size_t kMaxIncidentTypes = 40;

Status require_behaviour_writer(const Actor& actor) {
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_edit_pupils())
    return Error::forbidden(
        "behaviour is recorded by the staff of the provider where the pupils are placed");
  return {};
}

std::vector<std::string> types_of(store::Connection& connection, Id organisation_id) {
  auto types = connection.behaviour().incident_types(organisation_id);
  return types.empty() ? default_incident_types() : types;
}

// Every check that needs the database, after core's: visibility of each pupil (NotFound), the
// type, and the informers.
Status check_incident(store::Connection& connection, const Actor& actor,
                      BehaviourIncident& incident, Date today) {
  for (const Involvement& involvement : incident.pupils)
    if (involvement.pupil_id > 0)
      WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, involvement.pupil_id));
  incident.type = trimmed(incident.type);
  incident.description = trimmed(incident.description);
  incident.action_taken = trimmed(incident.action_taken);
  incident.follow_up = trimmed(incident.follow_up);
  ErrorList errors;
  if (auto valid = validate_incident(incident, today); !valid.ok()) errors.add_all(valid.error());
  const auto types = types_of(connection, actor.organisation_id);
  if (!incident.type.empty() && std::find(types.begin(), types.end(), incident.type) == types.end())
    errors.add("type", "is not one of your organisation's incident types");
  const auto staff = contact_staff(connection, actor.organisation_id);
  for (std::size_t index = 0; index < incident.pupils.size(); ++index) {
    const Id informer = incident.pupils[index].home_school_informed_by;
    if (informer > 0 && std::none_of(staff.begin(), staff.end(),
                                     [&](const User& user) { return user.id == informer; }))
      errors.add("pupils[" + std::to_string(index) + "].home_school_informed_by",
                 "is not a member of your organisation's staff");
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

// The incident as one pupil's audit entry shows it: that pupil's involvement only.
Json audit_view(const BehaviourIncident& incident, const Involvement& involvement) {
  BehaviourIncident own = incident;
  own.pupils = {involvement};
  return to_json(own);
}

std::string user_name(store::Connection& connection, Id user_id) {
  auto user = user_id == 0 ? std::nullopt : connection.user(user_id);
  return user ? user->display_name : "";
}

}  // namespace

std::vector<IncidentView> incident_views(store::Connection& connection,
                                         std::vector<BehaviourIncident> incidents) {
  std::map<Id, std::string> names, staff;
  std::vector<IncidentView> views;
  for (BehaviourIncident& incident : incidents) {
    IncidentView view;
    for (const Involvement& involvement : incident.pupils) {
      if (!names.contains(involvement.pupil_id)) {
        auto pupil = connection.pupil(involvement.pupil_id);
        names[involvement.pupil_id] = pupil ? pupil->sort_name() : "";
      }
      view.pupils.push_back(NamedPupil{involvement.pupil_id, names[involvement.pupil_id]});
    }
    if (!staff.contains(incident.recorded_by))
      staff[incident.recorded_by] = user_name(connection, incident.recorded_by);
    view.recorded_by_name = staff[incident.recorded_by];
    view.incident = std::move(incident);
    views.push_back(std::move(view));
  }
  return views;
}

Result<std::vector<std::string>> list_incident_types(Context& context, const Actor& actor) {
  if (!actor.can_read()) return Error::forbidden("your account has no role here");
  return types_of(context.store.connection(), actor.organisation_id);
}

Result<std::vector<std::string>> set_incident_types(Context& context, const Actor& actor,
                                                    const std::vector<std::string>& types) {
  if (actor.organisation_kind != OrgKind::Provider || !actor.roles.has(Role::Admin))
    return Error::forbidden("only a provider's admin can choose its incident types");
  std::vector<std::string> cleaned;
  for (const std::string& type : types) {
    std::string name = trimmed(type);
    if (name.empty() || std::find(cleaned.begin(), cleaned.end(), name) != cleaned.end()) continue;
    if (name.size() > 100) return Error::invalid("types", "each type at most 100 characters");
    cleaned.push_back(std::move(name));
  }
  if (cleaned.empty()) return Error::invalid("types", "give at least one incident type");
  if (cleaned.size() > kMaxIncidentTypes)
    return Error::invalid("types", "at most " + std::to_string(kMaxIncidentTypes) + " types");
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<std::vector<std::string>> {
    const auto before = types_of(tx, actor.organisation_id);
    tx.behaviour().set_incident_types(actor.organisation_id, cleaned);
    record_audit(tx, actor, now, "update", "behaviour_incident_types", actor.organisation_id, 0,
                 Json{{"types", before}}, Json{{"types", cleaned}});
    return cleaned;
  });
}

Result<BehaviourIncident> record_incident(Context& context, const Actor& actor,
                                          const BehaviourIncident& request) {
  WAYMARK_TRY_STATUS(require_behaviour_writer(actor));
  auto& connection = context.store.connection();
  BehaviourIncident incident = request;
  incident.organisation_id = actor.organisation_id;
  incident.recorded_by = actor.user_id;
  WAYMARK_TRY_STATUS(check_incident(connection, actor, incident, context.clock.today()));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<BehaviourIncident> {
    incident.id = tx.behaviour().insert_incident(incident, now);
    incident.recorded_at = now;
    for (const Involvement& involvement : incident.pupils)
      record_audit(tx, actor, now, "create", "behaviour_incident", incident.id,
                   involvement.pupil_id, nullptr, audit_view(incident, involvement));
    if (incident.severity == Severity::Serious) {
      Notice notice{.topic = "behaviour.serious_incident",
                    .subject = "A serious behaviour incident was recorded",
                    .body = "A serious incident (" + incident.type + ") was recorded on " +
                            incident.incident_date.iso() + ".",
                    .link = "/behaviour",
                    .pupil_id = std::nullopt};
      WAYMARK_TRY(notify_organisation(tx, now, actor.organisation_id, Roles{Role::Head}, notice));
    }
    return incident;
  });
}

Result<BehaviourIncident> update_incident(Context& context, const Actor& actor, Id incident_id,
                                          const IncidentChange& change) {
  WAYMARK_TRY_STATUS(require_behaviour_writer(actor));
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  const Date today = context.clock.today();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<BehaviourIncident> {
    auto current = tx.behaviour().incident(incident_id);
    if (!current || current->organisation_id != actor.organisation_id)
      return Error::not_found("incident");
    BehaviourIncident changed = *current;
    ErrorList errors;
    change(changed, errors);
    if (!errors.empty()) return errors.to_error();
    // The pupils involved stay; only their home-school fields may change.
    std::vector<Involvement> kept = current->pupils;
    for (Involvement& involvement : kept)
      for (const Involvement& given : changed.pupils)
        if (given.pupil_id == involvement.pupil_id) involvement = given;
    changed.pupils = kept;
    changed.id = current->id;
    changed.organisation_id = current->organisation_id;
    changed.recorded_by = current->recorded_by;
    changed.recorded_at = current->recorded_at;
    WAYMARK_TRY_STATUS(check_incident(tx, actor, changed, today));
    tx.behaviour().update_incident(changed, now);
    for (std::size_t index = 0; index < changed.pupils.size(); ++index)
      record_audit(tx, actor, now, "update", "behaviour_incident", changed.id,
                   changed.pupils[index].pupil_id, audit_view(*current, current->pupils[index]),
                   audit_view(changed, changed.pupils[index]));
    return changed;
  });
}

Result<std::vector<IncidentView>> list_incidents(Context& context, const Actor& actor,
                                                 std::optional<Date> from, std::optional<Date> to) {
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_read())
    return Error::forbidden("a provider's incident list is for its own staff");
  auto& connection = context.store.connection();
  return incident_views(connection,
                        connection.behaviour().incidents_at(actor.organisation_id, from, to));
}

Result<IncidentView> get_incident(Context& context, const Actor& actor, Id incident_id) {
  auto& connection = context.store.connection();
  auto incident = connection.behaviour().incident(incident_id);
  if (!incident || incident->organisation_id != actor.organisation_id || !actor.can_read())
    return Error::not_found("incident");
  return std::move(incident_views(connection, {std::move(*incident)}).front());
}

std::vector<IncidentView> incidents_this_week(store::Connection& connection, Id provider_id,
                                              Date today) {
  const Date monday = today.plus_days(1 - static_cast<int>(today.weekday()));
  return incident_views(
      connection, connection.behaviour().incidents_at(provider_id, monday, monday.plus_days(6)));
}

std::vector<NamedPupil> pupils_placed_now(store::Connection& connection, Id provider_id,
                                          Date today) {
  store::PupilFilter filter;
  filter.provider_id = provider_id;
  filter.limit = 100000;
  const auto pupils =
      connection.pupils(store::Visibility{OrgKind::Provider, provider_id, false}, filter).pupils;
  std::vector<Id> ids;
  for (const Pupil& pupil : pupils) ids.push_back(pupil.id);
  std::vector<Id> current;
  for (const Placement& placement : connection.placements_of_pupils(ids))
    if (placement.provider_id == provider_id && placement.current_on(today))
      current.push_back(placement.pupil_id);
  std::vector<NamedPupil> named;
  for (const Pupil& pupil : pupils)  // already in name order
    if (std::find(current.begin(), current.end(), pupil.id) != current.end())
      named.push_back(NamedPupil{pupil.id, pupil.sort_name()});
  return named;
}

}  // namespace waymark::app
