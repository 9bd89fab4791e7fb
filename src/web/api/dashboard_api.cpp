// GET /api/v1/dashboard: the signed-in user's dashboard cards and series as JSON (the same data
// as the /dashboard page).
#include "app/dashboard.h"
#include "app/json_out.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

void write_card(app::JsonOut& out, const app::DashboardCard& card) {
  out.begin_object();
  out.field("key", card.key);
  out.field("title", card.title);
  out.field("count", card.count);
  out.field("urgent", card.urgent);
  out.field("href", card.href);
  out.key("items");
  out.begin_array();
  for (const app::DashboardItem& item : card.items) {
    out.begin_object();
    out.field("text", item.text);
    out.field("href", item.href);
    out.field("detail", item.detail);
    out.key("date");
    if (item.date)
      out.value(item.date->iso());
    else
      out.null();
    out.field("urgent", item.urgent);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_series(app::JsonOut& out, const app::DashboardSeries& series) {
  out.begin_object();
  out.field("key", series.key);
  out.field("title", series.title);
  out.key("points");
  out.begin_array();
  for (const app::DashboardPoint& point : series.points) {
    out.begin_object();
    out.field("date", point.date.iso());
    out.field("value", point.value);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace

void register_dashboard_api(Router& router) {
  router.api(Method::Get, "/api/v1/dashboard", [](Exchange& exchange) {
    auto dashboard = app::dashboard_for(exchange.app, exchange.actor);
    if (!dashboard.ok()) return error_response(dashboard.error());
    app::JsonOut out;
    out.begin_object();
    out.field("today", dashboard->today.iso());
    out.key("cards");
    out.begin_array();
    for (const app::DashboardCard& card : dashboard->cards) write_card(out, card);
    out.end_array();
    out.key("series");
    out.begin_array();
    for (const app::DashboardSeries& series : dashboard->series) write_series(out, series);
    out.end_array();
    out.end_object();
    return Response{200, "application/json", out.text(), {}};
  });
}

}  // namespace waymark::web
