#include "app/behaviour_pupil.h"

#include <algorithm>
#include <map>

#include "app/audit.h"
#include "app/behaviour_codec.h"
#include "app/visibility.h"
#include "core/exit_ticket.h"
#include "store/behaviour_store.h"

namespace waymark::app {

namespace {

bool is_own_provider(const Actor& actor, Id provider_id) {
  return actor.organisation_kind == OrgKind::Provider && actor.organisation_id == provider_id;
}

// What `actor` may see of `provider_id`'s records about a pupil with `placements`, when the
// actor is not that provider: the most generous agreement of the pupil's placements there.
SharingLevel shared_level(store::Connection& connection, const Actor& actor,
                          const std::vector<Placement>& placements, Id provider_id) {
  if (actor.organisation_kind == OrgKind::Provider) return SharingLevel::None;
  SharingLevel level = SharingLevel::None;
  for (const Placement& placement : placements) {
    if (placement.provider_id != provider_id) continue;
    const SharingLevel agreed =
        connection.behaviour().sharing(placement.id).value_or(kDefaultSharingLevel);
    level = std::max(level, agreed);
  }
  return level;
}

std::string organisation_name(store::Connection& connection, Id id) {
  auto organisation = connection.organisation(id);
  return organisation ? organisation->name : "";
}

PlacementSharing sharing_of(store::Connection& connection, const Placement& placement) {
  auto recorded = connection.behaviour().sharing(placement.id);
  return PlacementSharing{
      .placement = placement,
      .provider_name = organisation_name(connection, placement.provider_id),
      .commissioner_name = organisation_name(connection, placement.commissioner_id),
      .level = recorded.value_or(kDefaultSharingLevel),
      .recorded = recorded.has_value()};
}

bool in_window(Date date, std::optional<Date> from, std::optional<Date> to) {
  return (!from || date >= *from) && (!to || date <= *to);
}

}  // namespace

Result<PupilBehaviour> pupil_behaviour(Context& context, const Actor& actor, Id pupil_id,
                                       std::optional<Date> from, std::optional<Date> to) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  PupilBehaviour view;
  view.pupil_id = pupil_id;
  view.pupil_name = connection.pupil(pupil_id)->display_name();
  const std::vector<Placement> placements = connection.placements_of(pupil_id);
  std::map<Id, SharingLevel> levels;  // provider -> what this reader sees of its records
  const auto level_of = [&](Id provider_id) {
    if (is_own_provider(actor, provider_id)) return SharingLevel::Full;
    auto found = levels.find(provider_id);
    if (found == levels.end())
      found = levels.emplace(provider_id, shared_level(connection, actor, placements, provider_id))
                  .first;
    return found->second;
  };

  std::map<Severity, int> counts;
  std::vector<BehaviourIncident> own, shared;
  for (BehaviourIncident& incident :
       connection.behaviour().incidents_of_pupil(pupil_id, from, to)) {
    const SharingLevel level = level_of(incident.organisation_id);
    if (level == SharingLevel::None) continue;
    ++counts[incident.severity];
    ++view.incident_total;
    if (level == SharingLevel::Summary) {
      view.shared_summary_only = true;
    } else if (is_own_provider(actor, incident.organisation_id)) {
      own.push_back(std::move(incident));
    } else {
      std::erase_if(incident.pupils, [&](const Involvement& involvement) {
        return involvement.pupil_id != pupil_id;
      });
      shared.push_back(std::move(incident));
    }
  }
  for (Severity severity : all_severities())
    view.by_severity.push_back({severity, counts[severity]});
  // Newest first across both lists, as the store gave each.
  view.incidents = incident_views(connection, std::move(own));
  for (BehaviourIncident& incident : shared) {
    IncidentView item;
    item.incident = std::move(incident);
    view.incidents.push_back(std::move(item));
  }
  std::stable_sort(view.incidents.begin(), view.incidents.end(),
                   [](const IncidentView& a, const IncidentView& b) {
                     const auto& x = a.incident;
                     const auto& y = b.incident;
                     return std::tie(x.incident_date, x.time_minutes, x.id) >
                            std::tie(y.incident_date, y.time_minutes, y.id);
                   });

  for (Reward& reward : connection.behaviour().rewards_of_pupil(pupil_id)) {
    if (!in_window(reward.award_date, from, to)) continue;
    const SharingLevel level = level_of(reward.organisation_id);
    if (level == SharingLevel::None) continue;
    view.points_total += reward.points;
    if (reward.kind == RewardKind::StudentOfTheWeek) ++view.student_of_the_week;
    if (level == SharingLevel::Summary)
      view.shared_summary_only = true;
    else
      view.rewards.push_back(std::move(reward));
  }

  view.can_write = actor.organisation_kind == OrgKind::Provider && actor.can_edit_pupils();
  if (actor.organisation_kind == OrgKind::Provider) {
    view.can_set_sharing = actor.roles.has(Role::Admin);
    for (const Placement& placement : placements)
      if (placement.provider_id == actor.organisation_id)
        view.sharing.push_back(sharing_of(connection, placement));
  }
  return view;
}

Result<Reward> add_reward(Context& context, const Actor& actor, const Reward& request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, request.pupil_id));
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_edit_pupils())
    return Error::forbidden(
        "rewards are given by the staff of the provider where the pupil is placed");
  Reward reward = request;
  reward.reason = trimmed(reward.reason);
  reward.organisation_id = actor.organisation_id;
  reward.recorded_by = actor.user_id;
  WAYMARK_TRY_STATUS(validate_reward(reward, context.clock.today()));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<Reward> {
    if (reward.kind == RewardKind::StudentOfTheWeek) {
      auto existing =
          tx.behaviour().student_of_the_week(actor.organisation_id, reward.week_start());
      if (existing)
        return Error::conflict("kind", "there is already a Student of the Week for the week of " +
                                           reward.week_start().iso());
    }
    reward.id = tx.behaviour().insert_reward(reward, now);
    reward.recorded_at = now;
    record_audit(tx, actor, now, "create", "reward", reward.id, reward.pupil_id, nullptr,
                 to_json(reward));
    return reward;
  });
}

Result<PlacementSharing> get_placement_sharing(Context& context, const Actor& actor,
                                               Id placement_id) {
  auto& connection = context.store.connection();
  auto placement = connection.placement(placement_id);
  if (!placement || !connection.pupil_visible(placement->pupil_id, visibility_of(actor)))
    return Error::not_found("placement");
  return sharing_of(connection, *placement);
}

Result<PlacementSharing> set_placement_sharing(Context& context, const Actor& actor,
                                               Id placement_id, SharingLevel level) {
  auto& connection = context.store.connection();
  auto placement = connection.placement(placement_id);
  if (!placement || !connection.pupil_visible(placement->pupil_id, visibility_of(actor)))
    return Error::not_found("placement");
  if (!is_own_provider(actor, placement->provider_id) || !actor.roles.has(Role::Admin))
    return Error::forbidden("what a placement shares is set by the admins of its provider");
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<PlacementSharing> {
    const PlacementSharing before = sharing_of(tx, *placement);
    tx.behaviour().set_sharing(placement_id, level, now);
    record_audit(tx, actor, now, "update", "placement_sharing", placement_id, placement->pupil_id,
                 Json{{"behaviour", to_string(before.level)}},
                 Json{{"behaviour", to_string(level)}});
    return sharing_of(tx, *placement);
  });
}

}  // namespace waymark::app
