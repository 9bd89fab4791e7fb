// One pupil's behaviour record and rewards, as the reader may see it, and the per-placement
// sharing agreement that decides what the home school sees.
//
// What a reader sees of a provider's records about the pupil:
// - that provider's own staff: everything, every pupil involved named;
// - anyone else who can see the pupil (the commissioning or home school, the local authority):
//   what the pupil's placement(s) at that provider share (the most generous if several):
//   none = nothing; summary = counts by severity and reward points; full = the incidents and
//   rewards, each showing this pupil's own involvement and never another pupil;
// - another provider: nothing.
// A placement with no recorded agreement shares a summary (core's kDefaultSharingLevel).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/behaviour_incidents.h"
#include "app/context.h"
#include "core/behaviour.h"
#include "core/placement.h"
#include "core/user.h"

namespace waymark::app {

struct SeverityCount {
  Severity severity = Severity::Low;
  int count = 0;
};

struct PlacementSharing {
  Placement placement;
  std::string provider_name;
  std::string commissioner_name;
  SharingLevel level = kDefaultSharingLevel;
  bool recorded = false;  // false: the default applies
};

struct PupilBehaviour {
  Id pupil_id = 0;
  std::string pupil_name;
  // Incidents shown in full. For the provider's own staff `pupils` names everyone involved; for
  // anyone else incidents carry only this pupil's involvement and `pupils` is empty.
  std::vector<IncidentView> incidents;
  std::vector<SeverityCount> by_severity;  // every severity, counting incidents shown or summarised
  int incident_total = 0;
  std::vector<Reward> rewards;  // shown in full
  int points_total = 0;
  int student_of_the_week = 0;       // times
  bool shared_summary_only = false;  // some records are summarised, not listed
  bool can_write = false;            // the actor may record incidents and rewards for the pupil
  bool can_set_sharing = false;      // the actor may change `sharing`
  std::vector<PlacementSharing> sharing;  // the pupil's placements at the actor's provider
};

// NotFound when the pupil is not visible. Incidents with dates in [from, to] (open when nullopt).
Result<PupilBehaviour> pupil_behaviour(Context& context, const Actor& actor, Id pupil_id,
                                       std::optional<Date> from, std::optional<Date> to);

// Awards points or Student of the Week to a pupil placed with the actor's provider: staff
// (admin, teacher, head) of a provider; NotFound when the pupil is not visible; Forbidden for
// other roles; core's validate_reward; Conflict on "kind" when the provider already has a Student
// of the Week that week. Audited as "reward".
Result<Reward> add_reward(Context& context, const Actor& actor, const Reward& request);

// The sharing agreement of a placement. Reading: whoever can see the pupil. Setting: admins of
// the placement's provider (Forbidden otherwise); NotFound when the pupil is not visible. Audited
// as "placement_sharing".
Result<PlacementSharing> get_placement_sharing(Context& context, const Actor& actor,
                                               Id placement_id);
Result<PlacementSharing> set_placement_sharing(Context& context, const Actor& actor,
                                               Id placement_id, SharingLevel level);

}  // namespace waymark::app
