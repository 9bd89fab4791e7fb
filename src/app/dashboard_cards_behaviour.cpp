// Behaviour card for a provider's readers: this week's incidents, serious ones urgent.
#include <fmt/format.h>

#include "app/behaviour_incidents.h"
#include "app/dashboard_cards.h"

namespace waymark::app::dashboard_cards {

namespace {

std::string pupil_names(const IncidentView& view) {
  std::string names;
  for (const NamedPupil& pupil : view.pupils) names += (names.empty() ? "" : "; ") + pupil.name;
  return names;
}

}  // namespace

std::vector<DashboardCard> incidents(Context& context, const Actor& actor) {
  if (actor.organisation_kind != OrgKind::Provider) return {};
  DashboardCard card{.key = "incidents_this_week",
                     .title = "Incidents this week",
                     .href = "/behaviour",
                     .empty_text = "No incidents have been recorded this week.",
                     .items = {}};
  for (const IncidentView& view : incidents_this_week(context.store.connection(),
                                                      actor.organisation_id, context.clock.today()))
    card.items.push_back({.text = fmt::format("{}: {}", view.incident.type, pupil_names(view)),
                          .href = "/behaviour",
                          .detail = fmt::format("{}, on", label(view.incident.severity)),
                          .date = view.incident.incident_date,
                          .urgent = view.incident.severity == Severity::Serious});
  finish_card(card);
  return {card};
}

}  // namespace waymark::app::dashboard_cards
