// /behaviour/analysis: the provider's incidents in a period (six weeks by default) by pupil, type,
// severity, day of the week and time of day, as tables with a bar drawn beside each count.
// FIXME: reports/chart.h draws line charts over dates only; a bar chart there would let these
// breakdowns be SVG (and PDF) charts. Until then each row carries a bar as a <meter>.
#include <fmt/format.h>

#include "app/behaviour_analysis.h"
#include "web/pages/contact_behaviour_pages.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

Data table(const char* id, const char* caption, const char* heading,
           const std::vector<app::AnalysisRow>& rows) {
  int most = 1;
  for (const app::AnalysisRow& row : rows) most = std::max(most, row.incidents);
  List items;
  for (const app::AnalysisRow& row : rows) {
    Data item{Data::type::object};
    item.set("label", row.label);
    item.set("incidents", std::to_string(row.incidents));
    item.set("serious", std::to_string(row.serious));
    item.set("max", std::to_string(most));
    items.push_back(item);
  }
  Data data{Data::type::object};
  data.set("id", id);
  data.set("caption", caption);
  data.set("heading", heading);
  data.set("rows", items);
  data.set("has_rows", !items.empty());
  return data;
}

}  // namespace

void register_behaviour_analysis_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/behaviour/analysis", [&templates](Exchange& exchange) {
    ErrorList errors;
    const Params& query = exchange.request.query;
    const Date to =
        read_form_date(query, "to", Required::No, errors).value_or(exchange.app.clock.today());
    const Date from =
        read_form_date(query, "from", Required::No, errors).value_or(to.plus_days(-41));
    if (!errors.empty()) return error_page(templates, exchange, errors.to_error());
    auto analysis = app::behaviour_analysis(exchange.app, exchange.actor, from, to);
    if (!analysis.ok()) return error_page(templates, exchange, analysis.error());
    Data data{Data::type::object};
    data.set("from", from.iso());
    data.set("to", to.iso());
    data.set("incidents", std::to_string(analysis->incidents));
    data.set("serious", std::to_string(analysis->serious));
    data.set("points", std::to_string(analysis->points));
    List tables;
    tables.push_back(table("by-pupil", "Incidents by pupil", "Pupil", analysis->by_pupil));
    tables.push_back(table("by-type", "Incidents by type", "Type", analysis->by_type));
    tables.push_back(
        table("by-severity", "Incidents by severity", "Severity", analysis->by_severity));
    tables.push_back(table("by-day", "Incidents by day of the week", "Day", analysis->by_weekday));
    tables.push_back(table("by-time", "Incidents by time of day", "Time", analysis->by_hour));
    data.set("tables", tables);
    return render_page(templates, page_frame(exchange, "Behaviour analysis", "/behaviour"),
                       "behaviour_analysis", data);
  });
}

}  // namespace waymark::web
