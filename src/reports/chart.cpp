#include "reports/chart.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "reports/text_kit.h"

namespace waymark::reports {
namespace {

struct Rgb {
  double red, green, blue;
};
// The service's teal, a dark grey and a purple: distinct in colour and, with the dashes and
// markers, in greyscale.
constexpr std::array<Rgb, 3> kSeriesColours = {Rgb{0.0, 0x57 / 255.0, 0x4b / 255.0},
                                               Rgb{0x50 / 255.0, 0x5a / 255.0, 0x5f / 255.0},
                                               Rgb{0x4c / 255.0, 0x2c / 255.0, 0x92 / 255.0}};
constexpr Rgb kTargetColour = {0xd4 / 255.0, 0x35 / 255.0, 0x1c / 255.0};
constexpr Rgb kGrid = {0xd8 / 255.0, 0xdd / 255.0, 0xe0 / 255.0};
constexpr Rgb kInk = {0x0b / 255.0, 0x0c / 255.0, 0x0c / 255.0};

void set_colour(cairo_t* cr, Rgb colour) {
  cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue);
}

std::string short_date(Date date) {
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return std::to_string(date.day()) + " " + kMonths[date.month() - 1];
}

void marker(cairo_t* cr, std::size_t series_idx, double x, double y) {
  constexpr double kSize = 3.2;
  switch (series_idx % 3) {
    case 0:
      cairo_arc(cr, x, y, kSize, 0, 2 * M_PI);
      break;
    case 1:
      cairo_rectangle(cr, x - kSize, y - kSize, 2 * kSize, 2 * kSize);
      break;
    default:  // a diamond
      cairo_move_to(cr, x, y - kSize - 1);
      cairo_line_to(cr, x + kSize + 1, y);
      cairo_line_to(cr, x, y + kSize + 1);
      cairo_line_to(cr, x - kSize - 1, y);
      cairo_close_path(cr);
      break;
  }
  cairo_fill(cr);
}

void series_line_style(cairo_t* cr, std::size_t series_idx) {
  static constexpr double kDashes[] = {5, 3};
  static constexpr double kDots[] = {1.5, 2.5};
  cairo_set_line_width(cr, 1.6);
  switch (series_idx % 3) {
    case 0:
      cairo_set_dash(cr, nullptr, 0, 0);
      break;
    case 1:
      cairo_set_dash(cr, kDashes, 2, 0);
      break;
    default:
      cairo_set_dash(cr, kDots, 2, 0);
      break;
  }
}

}  // namespace

void draw_chart(cairo_t* cr, const Chart& chart, double x, double y, double width, double height) {
  TextKit& kit = TextKit::for_this_thread();
  cairo_save(cr);

  // The ranges of both axes.
  bool has_points = false;
  Date first_date, last_date;
  double low = 0, high = 0;
  for (const ChartSeries& series : chart.series)
    for (const ChartPoint& point : series.points) {
      if (!has_points || point.date < first_date) first_date = point.date;
      if (!has_points || point.date > last_date) last_date = point.date;
      if (!has_points || point.value < low) low = point.value;
      if (!has_points || point.value > high) high = point.value;
      has_points = true;
    }
  if (chart.ticks.size() >= 2) {
    low = chart.ticks.front().value;
    high = chart.ticks.back().value;
  } else if (chart.target) {
    if (!has_points) low = high = *chart.target;
    low = std::min(low, *chart.target);
    high = std::max(high, *chart.target);
  }
  if (high <= low) {
    low -= 1;
    high += 1;
  }
  if (!has_points) first_date = last_date = Date::today();
  if (last_date <= first_date) {
    first_date = first_date.plus_days(-7);
    last_date = last_date.plus_days(7);
  }

  // The frame: title on top, tick labels on the left, dates and the legend below.
  set_colour(cr, kInk);
  Text title = kit.lay_out(TextStyle::BodyBold, chart.title, width);
  title.draw(cr, x, y);
  double label_width = 0;
  std::vector<Text> tick_labels;
  for (const AxisTick& tick : chart.ticks) {
    tick_labels.push_back(kit.lay_out(TextStyle::Small, tick.label));
    label_width = std::max(label_width, tick_labels.back().width());
  }
  const double plot_left = x + label_width + 8;
  const double plot_top = y + title.height() + 8;
  const double plot_right = x + width - (chart.target ? 56 : 8);
  const double plot_bottom = y + height - 34;
  const double plot_width = std::max(1.0, plot_right - plot_left);
  const double plot_height = std::max(1.0, plot_bottom - plot_top);
  const double day_span = static_cast<double>(last_date.days() - first_date.days());
  auto to_x = [&](Date date) {
    return plot_left + plot_width * static_cast<double>(date.days() - first_date.days()) / day_span;
  };
  auto to_y = [&](double value) {
    const double clamped = std::clamp(value, low, high);
    return plot_bottom - plot_height * (clamped - low) / (high - low);
  };

  cairo_set_line_width(cr, 0.6);
  for (std::size_t tick_idx = 0; tick_idx < chart.ticks.size(); ++tick_idx) {
    const double tick_y = to_y(chart.ticks[tick_idx].value);
    set_colour(cr, kGrid);
    cairo_move_to(cr, plot_left, tick_y);
    cairo_line_to(cr, plot_right, tick_y);
    cairo_stroke(cr);
    set_colour(cr, kInk);
    const Text& label = tick_labels[tick_idx];
    label.draw(cr, plot_left - 5 - label.width(), tick_y - label.height() / 2);
  }
  set_colour(cr, kInk);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, plot_left, plot_top);
  cairo_line_to(cr, plot_left, plot_bottom);
  cairo_line_to(cr, plot_right, plot_bottom);
  cairo_stroke(cr);

  // Date labels: the first and last date and up to three between, as space allows.
  const int date_labels = std::clamp(static_cast<int>(plot_width / 70), 1, 4);
  for (int label_idx = 0; label_idx <= date_labels; ++label_idx) {
    const Date date = first_date.plus_days(static_cast<std::int64_t>(
        std::lround(day_span * label_idx / static_cast<double>(date_labels))));
    Text label = kit.lay_out(TextStyle::Small, short_date(date));
    label.draw(cr, to_x(date) - label.width() / 2, plot_bottom + 3);
  }

  if (!has_points) {
    Text empty = kit.lay_out(TextStyle::Body, "No data yet");
    empty.draw(cr, plot_left + (plot_width - empty.width()) / 2,
               plot_top + (plot_height - empty.height()) / 2);
  }

  if (chart.target) {
    static constexpr double kTargetDash[] = {6, 4};
    const double target_y = to_y(*chart.target);
    set_colour(cr, kTargetColour);
    cairo_set_line_width(cr, 1.4);
    cairo_set_dash(cr, kTargetDash, 2, 0);
    cairo_move_to(cr, plot_left, target_y);
    cairo_line_to(cr, plot_right, target_y);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    Text label = kit.lay_out(TextStyle::Small, chart.target_label, 52);
    label.draw(cr, plot_right + 4, target_y - label.height() / 2);
  }

  // The series, then the legend beneath the date labels.
  double legend_x = plot_left;
  const double legend_y = plot_bottom + 18;
  for (std::size_t series_idx = 0; series_idx < chart.series.size(); ++series_idx) {
    const ChartSeries& series = chart.series[series_idx];
    std::vector<ChartPoint> points = series.points;
    std::stable_sort(points.begin(), points.end(),
                     [](const ChartPoint& a, const ChartPoint& b) { return a.date < b.date; });
    set_colour(cr, kSeriesColours[series_idx % kSeriesColours.size()]);
    series_line_style(cr, series_idx);
    for (std::size_t point_idx = 0; point_idx < points.size(); ++point_idx) {
      const double point_x = to_x(points[point_idx].date);
      const double point_y = to_y(points[point_idx].value);
      if (point_idx == 0)
        cairo_move_to(cr, point_x, point_y);
      else
        cairo_line_to(cr, point_x, point_y);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    for (const ChartPoint& point : points)
      marker(cr, series_idx, to_x(point.date), to_y(point.value));

    series_line_style(cr, series_idx);
    cairo_move_to(cr, legend_x, legend_y + 5);
    cairo_line_to(cr, legend_x + 18, legend_y + 5);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    marker(cr, series_idx, legend_x + 9, legend_y + 5);
    set_colour(cr, kInk);
    Text name = kit.lay_out(TextStyle::Small, series.name);
    name.draw(cr, legend_x + 22, legend_y);
    legend_x += 22 + name.width() + 14;
  }
  cairo_restore(cr);
}

}  // namespace waymark::reports
