// /attendance/daily?date=: a commissioning school's (or LA's) daily summary of its placed pupils'
// AM and PM marks, with /attendance/daily.csv?date= for its own register. Providers are refused.
#include <fmt/format.h>

#include "app/attendance_daily.h"
#include "interop/attendance_csv.h"
#include "web/pages/attendance_pages.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

Result<Date> requested_date(const Exchange& exchange) {
  const std::string text = exchange.request.param("date");
  if (!text.empty()) return Date::parse(text, "date");
  // At the weekend the latest weekday is the day a school wants to see.
  Date day = exchange.app.clock.today();
  while (day.weekday() > 5) day = day.plus_days(-1);
  return day;
}

Data session_data(const app::DailySession& session) {
  Data data{Data::type::object};
  data.set("code", optional_text(session.minutes_late ? fmt::format("{} ({} min)", session.code,
                                                                    *session.minutes_late)
                                                      : session.code));
  data.set("meaning", session.meaning);
  data.set("n", session.code == "N");
  return data;
}

}  // namespace

void register_daily_attendance_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/attendance/daily", [&templates](Exchange& exchange) {
    auto date = requested_date(exchange);
    std::vector<FieldError> errors;
    if (!date.ok()) {
      errors = date.error().fields;
      date = exchange.app.clock.today();
    }
    auto summary = app::daily_attendance(exchange.app, exchange.actor, *date);
    if (!summary.ok()) return error_page(templates, exchange, summary.error());
    List rows;
    for (const auto& row : summary->rows) {
      Data item{Data::type::object};
      item.set("href", fmt::format("/pupils/{}/attendance", row.pupil_id));
      item.set("name", row.name);
      item.set("upn", row.upn);
      item.set("provider", row.provider_name);
      item.set("am", session_data(row.am));
      item.set("pm", session_data(row.pm));
      rows.push_back(item);
    }
    PageFrame frame = page_frame(exchange, "Daily attendance", "/attendance/daily");
    frame.errors = errors;
    Data data{Data::type::object};
    data.set("date", date->iso());
    data.set("date_label", format_date(*date));
    data.set("organisation", summary->organisation_name);
    data.set("rows", rows);
    data.set("has_rows", !rows.empty());
    data.set("csv_href", fmt::format("/attendance/daily.csv?date={}", date->iso()));
    return render_page(templates, frame, "attendance_daily", data);
  });
  router.page(Method::Get, "/attendance/daily.csv", [&templates](Exchange& exchange) {
    auto date = requested_date(exchange);
    if (!date.ok()) return error_page(templates, exchange, Error::not_found("date"));
    auto summary = app::daily_attendance(exchange.app, exchange.actor, *date);
    if (!summary.ok()) return error_page(templates, exchange, summary.error());
    Response response = Response::text(200, daily_attendance_csv(*summary));
    response.content_type = "text/csv; charset=utf-8";
    response.with_header("Content-Disposition",
                         fmt::format("attachment; filename=\"attendance-{}.csv\"", date->iso()));
    response.with_header("Cache-Control", "no-store");
    return response;
  });
}

}  // namespace waymark::web
