#include "reports/chart.h"

#include <gtest/gtest.h>

#include <cairo-pdf.h>

#include <cstdlib>
#include <regex>
#include <set>
#include <string>

namespace waymark::reports {
namespace {

Chart maths_chart() {
  Chart chart;
  chart.id = "chart-maths";
  chart.title = "Maths: grades against target <6> & more";
  chart.ticks = {{0, "U"}, {1, "1"}, {2, "2"}, {3, "3"}, {4, "4"},
                 {5, "5"}, {6, "6"}, {7, "7"}, {8, "8"}, {9, "9"}};
  chart.series = {{"Exit tickets",
                   {{Date::from_ymd(2026, 9, 8), 4, "4"},
                    {Date::from_ymd(2026, 9, 22), 4.67, "5-"},
                    {Date::from_ymd(2026, 10, 6), 5, "5"}}},
                  {"Feedback forms", {{Date::from_ymd(2026, 9, 26), 4.33, "4+"}}}};
  chart.target = 6;
  chart.target_label = "Target 6";
  return chart;
}

// A crude well-formedness check: every opened element is closed in order.
bool balanced(const std::string& svg) {
  std::vector<std::string> open;
  const std::regex tag(R"(<(/?)([A-Za-z][A-Za-z0-9:]*)[^>]*?(/?)>)");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tag); it != std::sregex_iterator();
       ++it) {
    const std::string closing = (*it)[1], name = (*it)[2], self_closing = (*it)[3];
    if (!self_closing.empty()) continue;
    if (closing.empty()) {
      open.push_back(name);
    } else {
      if (open.empty() || open.back() != name) return false;
      open.pop_back();
    }
  }
  return open.empty();
}

TEST(ChartSvg, IsAnInlineSvgWithAnAccessibleTitle) {
  const std::string svg = chart_svg(maths_chart(), 480, 220);
  EXPECT_EQ(svg.find("<?xml"), std::string::npos);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u) << svg.substr(0, 80);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"chart-maths-title\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"chart-maths-title\">Maths: grades against target &lt;6&gt; "
                     "&amp; more</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("viewBox=\"0 0 480 220\""), std::string::npos);
  EXPECT_TRUE(balanced(svg));
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

TEST(ChartSvg, UsesPresentationAttributesAndPrefixedIds) {
  const std::string svg = chart_svg(maths_chart(), 480, 220);
  EXPECT_EQ(svg.find("style="), std::string::npos);
  EXPECT_NE(svg.find("stroke-dasharray=\""), std::string::npos);  // the dashed target line
  const std::regex id(R"re(\sid="([^"]*)")re");
  std::set<std::string> ids;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), id); it != std::sregex_iterator();
       ++it) {
    EXPECT_EQ((*it)[1].str().rfind("chart-maths-", 0), 0u) << (*it)[1].str();
    EXPECT_TRUE(ids.insert((*it)[1].str()).second) << "duplicate id " << (*it)[1].str();
  }
  const std::regex reference(R"re(href="#([^"]*)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), reference);
       it != std::sregex_iterator(); ++it)
    EXPECT_TRUE(ids.count((*it)[1].str())) << "dangling reference " << (*it)[1].str();
}

TEST(ChartSvg, TargetLabelIsDrawnAsText) {
  // cairo draws text as glyph outlines, so the label is checked through the PDF's text instead.
  Chart chart = maths_chart();
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &bytes, 500, 260);
  cairo_t* cr = cairo_create(surface);
  draw_chart(cr, chart, 10, 10, 480, 240);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  const std::string path = ::testing::TempDir() + "wm_chart.pdf";
  FILE* file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  std::fwrite(bytes.data(), 1, bytes.size(), file);
  std::fclose(file);
  std::string text;
  if (FILE* pipe = ::popen(("pdftotext " + path + " - 2>/dev/null").c_str(), "r")) {
    char buffer[4096];
    std::size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, count);
    ::pclose(pipe);
  }
  std::remove(path.c_str());
  for (const char* expected :
       {"Target 6", "Maths: grades against target", "Exit tickets", "Feedback forms", "8 Sep"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected;
}

TEST(ChartSvg, EmptyChartSaysNoDataYet) {
  Chart chart;
  chart.id = "bad id!";
  chart.title = "Science";
  const std::string svg = chart_svg(chart, 300, 160);
  EXPECT_NE(svg.find("aria-labelledby=\"bad-id--title\""), std::string::npos);
  EXPECT_TRUE(balanced(svg));
}

TEST(ChartSvg, TwoChartsOnOnePageShareNoIds) {
  Chart english = maths_chart();
  english.id = "chart-english";
  const std::string first = chart_svg(maths_chart(), 300, 160);
  const std::string second = chart_svg(english, 300, 160);
  EXPECT_EQ(first.find("chart-english-"), std::string::npos);
  EXPECT_NE(second.find("id=\"chart-english-"), std::string::npos);
  EXPECT_EQ(second.find("id=\"chart-maths-"), std::string::npos);
}

}  // namespace
}  // namespace waymark::reports
