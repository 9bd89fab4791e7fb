#include "app/monitoring_access.h"

#include <algorithm>
#include <map>

#include "app/visibility.h"
#include "store/monitoring_store.h"

namespace waymark::app {

Status require_monitoring_writer(const Actor& actor, const char* what) {
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_edit_pupils())
    return Error::forbidden(std::string(what) +
                            " are kept by the staff of the provider where the pupil is placed");
  return {};
}

Status require_provider_reader(const Actor& actor) {
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_read())
    return Error::forbidden("the weekly RAG is kept by providers");
  return {};
}

Status require_rule_setter(const Actor& actor) {
  if (actor.organisation_kind != OrgKind::Provider ||
      !(actor.roles.has(Role::Admin) || actor.roles.has(Role::Head)))
    return Error::forbidden("a provider's RAG rules are set by its admins and heads");
  return {};
}

bool placement_in_week(const Placement& placement, Date monday) {
  const Date friday = monday.plus_days(4);
  if (placement.status != PlacementStatus::Active && placement.status != PlacementStatus::Ended)
    return false;
  if (placement.start_date && *placement.start_date > friday) return false;
  if (placement.status == PlacementStatus::Ended &&
      (!placement.actual_end_date || *placement.actual_end_date < monday))
    return false;
  return true;
}

std::vector<PlacedPupil> placed_pupils_in_week(store::Connection& connection, Id provider_id,
                                               Date monday) {
  store::PupilFilter filter;
  filter.provider_id = provider_id;
  filter.limit = 100000;  // a provider's whole roll: a few hundred pupils at most
  const store::PupilPage page =
      connection.pupils(store::Visibility{OrgKind::Provider, provider_id, false}, filter);
  std::vector<Id> ids;
  std::map<Id, std::string> names;
  for (const Pupil& pupil : page.pupils) {
    ids.push_back(pupil.id);
    names[pupil.id] = pupil.sort_name();
  }
  std::map<Id, Placement> latest;
  for (const Placement& placement : connection.placements_of_pupils(ids)) {
    if (placement.provider_id != provider_id || !placement_in_week(placement, monday)) continue;
    auto [found, inserted] = latest.try_emplace(placement.pupil_id, placement);
    if (!inserted && found->second.id < placement.id) found->second = placement;
  }
  std::vector<PlacedPupil> placed;
  for (const Pupil& pupil : page.pupils)  // already in sort-name order
    if (auto found = latest.find(pupil.id); found != latest.end())
      placed.push_back({found->second, names[pupil.id]});
  return placed;
}

std::optional<Placement> placement_for_week(store::Connection& connection, Id pupil_id,
                                            Id provider_id, Date monday) {
  std::optional<Placement> chosen;
  for (const Placement& placement : connection.placements_of(pupil_id))
    if (placement.provider_id == provider_id && placement_in_week(placement, monday) &&
        (!chosen || chosen->id < placement.id))
      chosen = placement;
  return chosen;
}

RagRules rag_rules_of(store::Connection& connection, Id provider_id) {
  return connection.monitoring().rag_rules(provider_id).value_or(RagRules{});
}

DeteriorationRule deterioration_rule_of(store::Connection& connection, Id provider_id) {
  return connection.monitoring().deterioration_rule(provider_id).value_or(DeteriorationRule{});
}

Result<Date> started_week(Date any_day, Date today, const char* field) {
  const Date monday = week_monday(any_day);
  if (monday > week_monday(today)) return Error::invalid(field, "that week has not begun yet");
  return monday;
}

}  // namespace waymark::app
