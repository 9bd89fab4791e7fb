#include "app/dashboard.h"

#include <algorithm>

#include "app/dashboard_cards.h"

namespace waymark::app {

void finish_card(DashboardCard& card) {
  card.count = static_cast<int>(card.items.size());
  card.urgent = static_cast<int>(
      std::count_if(card.items.begin(), card.items.end(), [](const auto& i) { return i.urgent; }));
  std::stable_partition(card.items.begin(), card.items.end(),
                        [](const DashboardItem& item) { return item.urgent; });
  if (card.items.size() > kDashboardItems) card.items.resize(kDashboardItems);
}

Result<Dashboard> dashboard_for(Context& context, const Actor& actor) {
  if (!actor.can_read()) return Error::forbidden("your account has no role");
  Dashboard dashboard;
  dashboard.today = context.clock.today();
  auto add = [&](std::vector<DashboardCard> cards) {
    for (DashboardCard& card : cards) dashboard.cards.push_back(std::move(card));
  };
  add(dashboard_cards::attendance(context, actor));
  add(dashboard_cards::calls_due(context, actor));
  add(dashboard_cards::monitoring(context, actor));
  add(dashboard_cards::incidents(context, actor));
  add(dashboard_cards::feedback_forms(context, actor));
  add(dashboard_cards::notifications(context, actor));
  dashboard.series = dashboard_cards::attendance_series(context, actor);
  return dashboard;
}

}  // namespace waymark::app
