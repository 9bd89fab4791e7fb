// The dashboard page (GET /dashboard): the signed-in user's cards and day-by-day charts, drawn
// with the same chart code as the timeline (an SVG on the page, a table beside it for screen
// readers and for anyone who prefers numbers).
#include <fmt/format.h>

#include "app/dashboard.h"
#include "reports/chart.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

Data card_data(const app::DashboardCard& card) {
  Data data{Data::type::object};
  data.set("key", card.key);
  data.set("title", card.title);
  data.set("count", std::to_string(card.count));
  data.set("urgent", card.urgent > 0 ? Data(std::to_string(card.urgent)) : Data(false));
  data.set("href", card.href);
  data.set("empty_text", card.empty_text);
  data.set("more", card.count > static_cast<int>(card.items.size()));
  List items;
  for (const app::DashboardItem& item : card.items) {
    Data row{Data::type::object};
    row.set("text", item.text);
    row.set("href", item.href);
    std::string detail = item.detail;
    if (item.date) detail += (detail.empty() ? "" : " ") + format_date(*item.date);
    row.set("detail", detail);
    row.set("urgent", item.urgent);
    items.push_back(row);
  }
  data.set("items", items);
  data.set("has_items", !items.empty());
  return data;
}

Data series_data(const app::DashboardSeries& series) {
  reports::Chart chart;
  chart.id = "dashboard-" + series.key;
  chart.title = series.title;
  reports::ChartSeries line{.name = series.title, .points = {}};
  List rows;
  for (const app::DashboardPoint& point : series.points) {
    const std::string label = fmt::format("{:.1f}%", point.value);
    line.points.push_back({.date = point.date, .value = point.value, .label = label});
    Data row{Data::type::object};
    row.set("date", format_date(point.date));
    row.set("value", label);
    rows.push_back(row);
  }
  chart.series.push_back(std::move(line));
  for (int tick = 0; tick <= 100; tick += 25)
    chart.ticks.push_back({.value = static_cast<double>(tick), .label = fmt::format("{}%", tick)});
  Data data{Data::type::object};
  data.set("title", series.title);
  data.set("svg", reports::chart_svg(chart, 600, 220));
  data.set("rows", rows);
  return data;
}

Response dashboard_page(const Templates& templates, Exchange& exchange) {
  auto dashboard = app::dashboard_for(exchange.app, exchange.actor);
  if (!dashboard.ok()) return error_page(templates, exchange, dashboard.error());
  Data data{Data::type::object};
  data.set("today", format_date(dashboard->today));
  List cards;
  for (const app::DashboardCard& card : dashboard->cards) cards.push_back(card_data(card));
  data.set("cards", cards);
  List charts;
  for (const app::DashboardSeries& series : dashboard->series)
    charts.push_back(series_data(series));
  data.set("charts", charts);
  data.set("has_charts", !charts.empty());
  PageFrame frame = page_frame(exchange, "Dashboard", "/dashboard");
  return render_page(templates, frame, "dashboard", data);
}

}  // namespace

void register_dashboard_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/dashboard",
              [&templates](Exchange& exchange) { return dashboard_page(templates, exchange); });
}

}  // namespace waymark::web
