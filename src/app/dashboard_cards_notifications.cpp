// Notifications card for everyone: the latest unread notifications, counting every unread one.
// Notices are news rather than overdue work, so none of them counts as urgent; the cards that own
// the work (attendance, alerts) mark what is.
#include <fmt/format.h>

#include "app/dashboard_cards.h"
#include "app/notifications.h"

namespace waymark::app::dashboard_cards {

std::vector<DashboardCard> notifications(Context& context, const Actor& actor) {
  DashboardCard card{.key = "notifications",
                     .title = "Notifications",
                     .href = "/notifications",
                     .empty_text = "You have no unread notifications.",
                     .items = {}};
  auto latest =
      list_notifications(context, actor, UnreadOnly::Yes, static_cast<int>(kDashboardItems), 0);
  if (!latest.ok()) return {};
  for (const NotificationRecord& notice : latest->items)
    card.items.push_back({.text = notice.subject,
                          .href = notice.link.starts_with('/') ? notice.link : "/notifications",
                          .detail = "",
                          .date = std::nullopt,
                          .urgent = false});
  finish_card(card);
  // Only the latest few were read; the count is every unread one.
  card.count = unread_notification_count(context, actor);
  return {card};
}

}  // namespace waymark::app::dashboard_cards
