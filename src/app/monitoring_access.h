// Shared by the monitoring use cases (weekly RAG, weekly updates, deterioration alerts, action
// plans): who may do what, which placements a provider rates in a week, and the provider's rules.
#pragma once

#include <optional>
#include <vector>

#include "app/context.h"
#include "core/deterioration.h"
#include "core/placement.h"
#include "core/user.h"
#include "core/weekly_rag.h"

namespace waymark::app {

// Provider staff who rate pupils, send updates and keep action plans: a provider's admins, heads
// and teachers. Forbidden (with `what` in the message) for anyone else.
Status require_monitoring_writer(const Actor& actor, const char* what);
// Anyone at a provider with a role (auditors included) reads its weeks; Forbidden otherwise.
Status require_provider_reader(const Actor& actor);
// A provider's admins and heads change its rules; Forbidden otherwise.
Status require_rule_setter(const Actor& actor);

// Whether the placement had the pupil at the provider during the week starting `monday`: active
// (or since ended) and started by that Friday, not ended before that Monday.
bool placement_in_week(const Placement& placement, Date monday);

// The placements at `provider_id` that were running during the week, one per pupil (the latest
// when a pupil has several), ordered by pupil sort name. Each with the pupil's sort name.
struct PlacedPupil {
  Placement placement;
  std::string name;  // "Smith, Sam"
};
std::vector<PlacedPupil> placed_pupils_in_week(store::Connection& connection, Id provider_id,
                                               Date monday);

// The pupil's placement at `provider_id` running during the week, if any.
std::optional<Placement> placement_for_week(store::Connection& connection, Id pupil_id,
                                            Id provider_id, Date monday);

// The provider's rules, or core's defaults when it has not set its own.
RagRules rag_rules_of(store::Connection& connection, Id provider_id);
DeteriorationRule deterioration_rule_of(store::Connection& connection, Id provider_id);

// A week given as any of its days, as its Monday; Invalid on `field` when the week has not begun.
Result<Date> started_week(Date any_day, Date today, const char* field = "week");

}  // namespace waymark::app
