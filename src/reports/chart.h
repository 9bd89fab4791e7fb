// A line chart of one subject's grades over time against the pupil's target, drawn once with
// cairo for every output: draw_chart() onto any cairo context (a PDF page), chart_svg() into an SVG
// string that a page embeds inline. Grades are placed on a numeric axis by the caller (the rank of
// a grade on its scale, or a percentage) and the axis ticks carry their labels ("U", "1", ... "9",
// or "F-" ... "E+"), so the chart knows nothing about scales.
#pragma once

#include <cairo.h>

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace waymark::reports {

struct ChartPoint {
  Date date;
  double value = 0;   // on the vertical axis
  std::string label;  // the value as shown, "5+" or "72%", for the page's text alternative
};

// Series are told apart by marker shape and line dash as well as colour, so the chart reads in
// greyscale: the first series is a solid line with round markers, the second dashed with square
// markers, and so on.
struct ChartSeries {
  std::string name;  // shown in the legend: "Exit tickets", "Feedback forms"
  std::vector<ChartPoint> points;
};

struct AxisTick {
  double value = 0;
  std::string label;
};

struct Chart {
  // Distinguishes this chart's SVG ids from other charts on the same page: [A-Za-z0-9_-], e.g.
  // "chart-maths". Other characters are replaced with '-'.
  std::string id = "chart";
  std::string title;  // "Maths: grades against target"; the SVG's <title>
  std::vector<ChartSeries> series;
  std::optional<double> target;  // drawn as a dashed horizontal line
  std::string target_label;      // "Target 6"
  // The vertical axis, lowest first. The axis spans the first to the last tick; with no ticks it
  // spans the data (and the target).
  std::vector<AxisTick> ticks;
};

// Draws the chart inside the rectangle (x, y, width, height) of `cr`'s user space, in points.
// Points outside the axis range are clamped to its edge. An empty chart draws its frame and
// "No data yet". Leaves `cr`'s state as it found it. Never fails.
void draw_chart(cairo_t* cr, const Chart& chart, double x, double y, double width, double height);

// The chart as an SVG document fragment for inline use in HTML: no XML declaration; the root
// <svg> has role="img", aria-labelledby pointing at its <title> (the chart's title) and a viewBox
// of width x height; ids are prefixed with the chart's id; styling is by presentation attributes
// only (no style="" attributes, which the pages' CSP forbids). Never fails.
std::string chart_svg(const Chart& chart, double width, double height);

}  // namespace waymark::reports
