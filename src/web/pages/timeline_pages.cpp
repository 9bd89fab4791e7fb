// GET /pupils/{id}/timeline: the pupil's baselines, targets, exit tickets and feedback forms in
// one chronological list, with a chart per subject of grades over time against the current target
// (drawn by reports/chart.h as inline SVG; a table beside each chart is its text alternative).
#include <cctype>

#include <fmt/format.h>

#include "app/timeline.h"
#include "reports/chart.h"
#include "store/store.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {
namespace {

std::string chart_id(const std::string& subject, std::size_t index) {
  std::string id = "chart-" + std::to_string(index) + "-";
  for (char character : subject)
    id += std::isalnum(static_cast<unsigned char>(character))
              ? static_cast<char>(std::tolower(static_cast<unsigned char>(character)))
              : '-';
  return id;
}

reports::Chart chart_of(const app::SubjectProgress& subject, std::size_t index) {
  reports::Chart chart;
  chart.id = chart_id(subject.subject, index);
  chart.title = subject.subject + ": grades over time against the target";
  for (const app::TimelineTick& tick : subject.ticks)
    chart.ticks.push_back({tick.value, tick.label});
  auto series = [](const std::string& name, const std::vector<app::TimelinePoint>& points) {
    reports::ChartSeries out{name, {}};
    for (const app::TimelinePoint& point : points)
      out.points.push_back({point.date, point.value, point.label});
    return out;
  };
  chart.series.push_back(series("Exit tickets", subject.exit_tickets));
  chart.series.push_back(series("Feedback forms (working at)", subject.feedback_forms));
  if (subject.target) {
    chart.target = subject.target->value;
    chart.target_label = "Target " + subject.target->label;
  }
  return chart;
}

Response timeline_page(const Templates& templates, Exchange& exchange) {
  auto id = exchange.id("id", "pupil");
  if (!id.ok()) return error_page(templates, exchange, id.error());
  auto timeline = app::pupil_timeline(exchange.app, exchange.actor, *id);
  if (!timeline.ok()) return error_page(templates, exchange, timeline.error());
  auto pupil = exchange.app.store.connection().pupil(*id);
  if (!pupil) return error_page(templates, exchange, Error::not_found("pupil"));

  Data data{Data::type::object};
  data.set("name", pupil->display_name());
  data.set("profile_href", fmt::format("/pupils/{}", *id));
  List entries;
  for (const app::TimelineEntry& entry : timeline->entries) {
    Data item{Data::type::object};
    item.set("date", format_date(entry.date));
    item.set("kind", app::label(entry.kind));
    item.set("subject", optional_text(entry.subject));
    item.set("title", entry.title);
    item.set("detail", optional_text(entry.detail));
    entries.push_back(item);
  }
  data.set("has_entries", !entries.empty());
  data.set("entries", entries);
  List charts;
  for (std::size_t subject_idx = 0; subject_idx < timeline->subjects.size(); ++subject_idx) {
    const app::SubjectProgress& subject = timeline->subjects[subject_idx];
    Data item{Data::type::object};
    item.set("subject", subject.subject);
    item.set("svg", reports::chart_svg(chart_of(subject, subject_idx), 600, 240));
    item.set("target", subject.target ? Data(subject.target->label) : Data(false));
    List points;
    for (const auto& [series, values] : {std::pair{"Exit ticket", &subject.exit_tickets},
                                         std::pair{"Feedback form", &subject.feedback_forms}})
      for (const app::TimelinePoint& point : *values) {
        Data row{Data::type::object};
        row.set("date", format_date(point.date));
        row.set("series", series);
        row.set("value", point.label);
        points.push_back(row);
      }
    item.set("points", points);
    charts.push_back(item);
  }
  data.set("has_charts", !charts.empty());
  data.set("charts", charts);
  PageFrame frame = page_frame(exchange, pupil->display_name() + ": assessment timeline");
  return render_page(templates, frame, "timeline_pupil", data);
}

}  // namespace

void register_timeline_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/timeline",
              [&templates](Exchange& exchange) { return timeline_page(templates, exchange); });
}

}  // namespace waymark::web
