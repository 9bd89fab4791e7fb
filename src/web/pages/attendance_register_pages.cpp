// /registers: the provider's registers for a day (today by default), each AM and PM register
// with how many pupils are expected and marked, and "Not taken" until it is saved.
#include <fmt/format.h>

#include "app/attendance_registers.h"
#include "web/pages/attendance_pages.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

void register_list_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/registers", [&templates](Exchange& exchange) {
    Date date = exchange.app.clock.today();
    const std::string text = exchange.request.param("date");
    if (!text.empty()) {
      auto parsed = Date::parse(text, "date");
      if (!parsed.ok()) return error_page(templates, exchange, Error::not_found("register date"));
      date = *parsed;
    }
    auto statuses = app::registers_for_day(exchange.app, exchange.actor, date);
    if (!statuses.ok()) return error_page(templates, exchange, statuses.error());
    List items;
    for (const auto& status : *statuses) {
      Data item{Data::type::object};
      item.set("session", to_string(status.session));
      item.set("session_label", status.session == Session::Am ? "Morning (AM)" : "Afternoon (PM)");
      item.set("href", fmt::format("/registers/{}/{}", date.iso(), to_string(status.session)));
      item.set("expected", std::to_string(status.expected));
      item.set("marked", std::to_string(status.marked));
      item.set("taken", status.taken);
      item.set("none_expected", status.expected == 0);
      items.push_back(item);
    }
    Data data{Data::type::object};
    data.set("date", date.iso());
    data.set("date_label", format_date(date));
    data.set("registers", items);
    data.set("school_day", app::is_register_day(exchange.app.store.connection(),
                                                exchange.actor.organisation_id, date));
    data.set("previous", date.plus_days(date.weekday() == 1 ? -3 : -1).iso());
    data.set("next", date.plus_days(date.weekday() == 5 ? 3 : 1).iso());
    return render_page(templates, page_frame(exchange, "Registers", "/registers"),
                       "attendance_registers", data);
  });
}

}  // namespace

void register_attendance_pages(Router& router, const Templates& templates) {
  register_list_page(router, templates);
  register_register_grid_page(router, templates);
  register_pupil_attendance_page(router, templates);
  register_daily_attendance_pages(router, templates);
}

}  // namespace waymark::web
