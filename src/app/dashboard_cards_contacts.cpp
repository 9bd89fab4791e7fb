// Calls-home cards for provider staff: the calls due to the signed-in key worker, and for heads
// and admins (who share out the work) the calls no key worker owns.
#include <fmt/format.h>

#include "app/dashboard_cards.h"
#include "app/parent_contacts_due.h"

namespace waymark::app::dashboard_cards {

namespace {

DashboardItem call_item(const CallDue& call) {
  const bool overdue = call.state == ContactState::Overdue;
  return {.text = call.pupil_name,
          .href = fmt::format("/pupils/{}/contact-log", call.pupil_id),
          .detail = overdue ? fmt::format("Overdue by {} day{}, due by", call.days_overdue,
                                          call.days_overdue == 1 ? "" : "s")
                            : std::string("Due by"),
          .date = call.due.due_by,
          .urgent = overdue};
}

DashboardCard mine_card(Context& context, const Actor& actor) {
  DashboardCard card{.key = "calls_due",
                     .title = "Your calls due",
                     .href = "/contacts-due",
                     .empty_text = "No calls home are due for you.",
                     .items = {}};
  for (const CallDue& call : calls_due_for_user(context.store.connection(), actor.organisation_id,
                                                actor.user_id, context.clock.today()))
    card.items.push_back(call_item(call));
  finish_card(card);
  return card;
}

DashboardCard unassigned_card(Context& context, const Actor& actor) {
  DashboardCard card{.key = "calls_unassigned",
                     .title = "Calls due with no key worker",
                     .href = "/contacts-due",
                     .empty_text = "Every call due has a key worker.",
                     .items = {}};
  for (const CallDue& call : calls_due_at_provider(context.store.connection(),
                                                   actor.organisation_id, context.clock.today()))
    if (call.key_worker_id == 0) card.items.push_back(call_item(call));
  finish_card(card);
  return card;
}

}  // namespace

std::vector<DashboardCard> calls_due(Context& context, const Actor& actor) {
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_edit_pupils()) return {};
  std::vector<DashboardCard> cards{mine_card(context, actor)};
  if (actor.roles.has(Role::Head) || actor.roles.has(Role::Admin))
    cards.push_back(unassigned_card(context, actor));
  return cards;
}

}  // namespace waymark::app::dashboard_cards
