// Behaviour incidents at a provider (policy 003 theme 6.1): the provider's incident types,
// recording an incident for one or several pupils, following it up, and the provider's list.
//
// Who: the staff (admin, teacher, head) of a provider record and change incidents for pupils
// placed with it (Forbidden for other roles and organisations; NotFound when a pupil is not
// visible). The provider's readers list its incidents with every pupil named. Schools and local
// authorities never see incidents here: they read a pupil's record through behaviour_pupil.h,
// which applies the placement's sharing agreement and names no other pupil. Every write is
// audited once per pupil involved (entity "behaviour_incident"), each entry naming that pupil's
// involvement only, so no pupil's trail shows another pupil.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/behaviour.h"
#include "core/user.h"

namespace waymark::app {

// The actor's organisation's incident types: configured, or core's defaults. Any reader.
Result<std::vector<std::string>> list_incident_types(Context& context, const Actor& actor);
// Admins of a provider. Names trimmed, blank ones dropped, 1..40 of them, each at most 100
// characters (Invalid on "types"). Audited as "behaviour_incident_types".
Result<std::vector<std::string>> set_incident_types(Context& context, const Actor& actor,
                                                    const std::vector<std::string>& types);

// Records an incident at the actor's provider. Core's validate_incident, plus: the type is one of
// the provider's (Invalid on "type"); a home-school informer is one of its staff (Invalid on
// "pupils[i].home_school_informed_by"). A serious incident notifies the provider's heads.
Result<BehaviourIncident> record_incident(Context& context, const Actor& actor,
                                          const BehaviourIncident& request);

using IncidentChange = std::function<void(BehaviourIncident&, ErrorList&)>;
// Changes an incident of the actor's provider (follow-up, home school informed, corrections); the
// pupils involved cannot change. NotFound when it is not the actor's provider's.
Result<BehaviourIncident> update_incident(Context& context, const Actor& actor, Id incident_id,
                                          const IncidentChange& change);

struct NamedPupil {
  Id id = 0;
  std::string name;  // "Smith, Sam"
};

// An incident as its provider sees it: every pupil named.
struct IncidentView {
  BehaviourIncident incident;
  std::vector<NamedPupil> pupils;  // in the order of incident.pupils
  std::string recorded_by_name;
};

// The provider's incidents in [from, to] (open ends when nullopt), newest first. Readers of a
// provider (Forbidden otherwise).
Result<std::vector<IncidentView>> list_incidents(Context& context, const Actor& actor,
                                                 std::optional<Date> from, std::optional<Date> to);
// One incident of the actor's provider; NotFound otherwise.
Result<IncidentView> get_incident(Context& context, const Actor& actor, Id incident_id);

// For dashboards, which authorise first: the provider's incidents in the week (Monday to Sunday)
// containing `today`, newest first.
std::vector<IncidentView> incidents_this_week(store::Connection& connection, Id provider_id,
                                              Date today);

// The incidents with every pupil involved named, for readers already allowed to see that.
std::vector<IncidentView> incident_views(store::Connection& connection,
                                         std::vector<BehaviourIncident> incidents);

// For pages: the pupils placed with the actor's provider now (active placements), by name, for
// choosing who was involved.
std::vector<NamedPupil> pupils_placed_now(store::Connection& connection, Id provider_id,
                                          Date today);

}  // namespace waymark::app
