// The dashboards: what a member of provider staff, or a commissioning school or LA, should look at
// today, as a list of cards. Each card is one question ("which registers are not taken yet?") with
// a count, how many of those are urgent, a link to the full list and its first few items. Cards
// come from the areas that own the data (dashboard_cards_*.cpp); this file only assembles them,
// so a new area adds a card without touching the others.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/date.h"
#include "core/user.h"

namespace waymark::app {

struct DashboardItem {
  std::string text;    // "Ava Smith: period 3"
  std::string href;    // where it is dealt with
  std::string detail;  // "Overdue since", "Due", "Balance Learning Centre": read before `date`
  std::optional<Date> date;  // shown after `detail` when set
  bool urgent = false;       // overdue, or an alert
};

struct DashboardCard {
  std::string key;                   // stable, for the API and tests: "feedback_forms_due"
  std::string title;                 // "Feedback forms due"
  int count = 0;                     // every item, not only those listed
  int urgent = 0;                    // how many of them are overdue or alerts
  std::string href;                  // the full list
  std::string empty_text;            // shown when count is 0: "No feedback forms are due."
  std::vector<DashboardItem> items;  // the first kDashboardItems, urgent first
};

// One point of a day-by-day series, e.g. the attendance rate of a school's pupils per day.
struct DashboardPoint {
  Date date;
  double value = 0;  // 0-100
};

struct DashboardSeries {
  std::string key;    // "attendance_by_day"
  std::string title;  // "Attendance of your pupils, last four weeks"
  std::vector<DashboardPoint> points;
};

struct Dashboard {
  Date today;
  std::vector<DashboardCard> cards;
  std::vector<DashboardSeries> series;  // drawn as charts on the page
};

inline constexpr std::size_t kDashboardItems = 5;

// The actor's dashboard: provider staff see their provider's work to do; a commissioning school's
// or an LA's users see their pupils. Forbidden for an account with no role. Only data the actor
// may read appears (each card reads through the same visibility rules as its area's pages).
Result<Dashboard> dashboard_for(Context& context, const Actor& actor);

// Keeps the first kDashboardItems of `card.items`, urgent ones first (stable otherwise), after
// setting `count` and `urgent` from the full list.
void finish_card(DashboardCard& card);

}  // namespace waymark::app
