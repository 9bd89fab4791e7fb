// /pupils/{id}/attendance: a pupil's marks (AM and PM per day), the rate and absence flags for
// the chosen dates, this week and the half term, and every change to a mark (who, when, why).
// Whoever can see the pupil reads it; a commissioning school sees marks as soon as they are saved.
#include <map>

#include <fmt/format.h>

#include "app/attendance_codec.h"
#include "app/attendance_pupil.h"
#include "web/pages/attendance_pages.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

Data summary_data(const std::string& label, const AttendanceSummary& summary) {
  Data item{Data::type::object};
  item.set("label", label);
  item.set("rate", format_rate(summary.rate));
  item.set("possible", std::to_string(summary.possible));
  item.set("attended", std::to_string(summary.present + summary.approved));
  item.set("authorised", std::to_string(summary.authorised));
  item.set("unauthorised", std::to_string(summary.unauthorised));
  item.set("persistent", summary.persistent && !summary.severe);
  item.set("severe", summary.severe);
  return item;
}

std::string mark_text(const store::StoredMark& mark) {
  std::string text = mark.code;
  if (mark.minutes_late) text += fmt::format(" ({} min)", *mark.minutes_late);
  return text;
}

std::string mark_meaning(const store::StoredMark& mark) {
  const AttendanceCode* entry = app::code_entry(mark.code, mark.date);
  return entry ? entry->meaning : "";
}

}  // namespace

void register_pupil_attendance_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/attendance", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    Params query;
    for (const char* name : {"from", "to"}) query.emplace(name, exchange.request.param(name));
    ErrorList errors;
    auto from = read_form_date(query, "from", Required::No, errors);
    auto to = read_form_date(query, "to", Required::No, errors);
    Result<app::PupilAttendance> view = Error::invalid(errors.fields());
    if (errors.empty()) view = app::pupil_attendance(exchange.app, exchange.actor, *id, from, to);
    std::vector<FieldError> shown = errors.fields();
    if (!view.ok() && view.error().kind == ErrorKind::Invalid) {
      if (shown.empty()) shown = view.error().fields;
      view = app::pupil_attendance(exchange.app, exchange.actor, *id, std::nullopt, std::nullopt);
    }
    if (!view.ok()) return error_page(templates, exchange, view.error());

    List periods;
    periods.push_back(summary_data(
        fmt::format("{} to {}", format_date(view->from), format_date(view->to)), view->summary));
    for (const auto& period : view->periods)
      periods.push_back(summary_data(period.label, period.summary));

    // One row per day, AM and PM side by side, newest first.
    std::map<Date, std::pair<const store::StoredMark*, const store::StoredMark*>> days;
    for (const auto& mark : view->marks)
      (mark.session == Session::Am ? days[mark.date].first : days[mark.date].second) = &mark;
    List rows;
    for (auto day = days.rbegin(); day != days.rend(); ++day) {
      Data row{Data::type::object};
      row.set("date", format_date(day->first));
      for (auto [key, mark] : {std::pair{"am", day->second.first}, {"pm", day->second.second}}) {
        row.set(std::string(key), mark ? mark_text(*mark) : "");
        row.set(std::string(key) + "_meaning", mark ? mark_meaning(*mark) : "");
        row.set(std::string(key) + "_n", mark && mark->code == "N");
      }
      rows.push_back(row);
    }
    List history;
    for (const auto& version : view->history) {
      Data item{Data::type::object};
      item.set("when", iso_utc(version.changed_at));
      item.set("session",
               fmt::format("{} {}", format_date(version.date), to_string(version.session)));
      item.set("code", version.minutes_late
                           ? fmt::format("{} ({} min)", version.code, *version.minutes_late)
                           : version.code);
      item.set("version", std::to_string(version.version));
      item.set("by", version.changed_by_name.empty() ? "Unknown" : version.changed_by_name);
      item.set("reason", version.version == 1 ? "First taken" : version.reason);
      history.push_back(item);
    }
    PageFrame frame = page_frame(exchange, "Attendance: " + view->name);
    frame.errors = shown;
    Data data{Data::type::object};
    data.set("pupil_id", std::to_string(*id));
    data.set("name", view->name);
    data.set("from", view->from.iso());
    data.set("to", view->to.iso());
    data.set("periods", periods);
    data.set("days", rows);
    data.set("has_days", !rows.empty());
    data.set("history", history);
    data.set("has_history", !history.empty());
    return render_page(templates, frame, "attendance_pupil", data);
  });
}

}  // namespace waymark::web
