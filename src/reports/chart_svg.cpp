// chart_svg(): the chart drawn by draw_chart() onto a cairo SVG surface, then made fit to sit
// inline in a page. cairo 1.16 writes its styling as style="" attributes, which a CSP without
// 'unsafe-inline' in style-src makes the browser ignore (paths would turn black), so each one is
// rewritten as the equivalent presentation attributes; and cairo numbers its ids from 1 in every
// document, so two charts on one page would share glyph ids, so each id gets the chart's prefix.
#include <cairo-svg.h>

#include <string_view>

#include "reports/chart.h"

namespace waymark::reports {
namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string xml_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char character : text) {
    switch (character) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      default:
        escaped += character;
    }
  }
  return escaped;
}

std::string safe_id(std::string_view id) {
  std::string safe = id.empty() ? std::string("chart") : std::string(id);
  for (char& character : safe) {
    const bool allowed =
        (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
        (character >= '0' && character <= '9') || character == '-' || character == '_';
    if (!allowed) character = '-';
  }
  return safe;
}

// style="fill:none;stroke-width:2;" -> fill="none" stroke-width="2". cairo's declarations are
// all SVG presentation properties and carry no quotes, so a plain split is exact.
std::string style_to_attributes(std::string_view declarations) {
  std::string attributes;
  while (!declarations.empty()) {
    const std::size_t end = declarations.find(';');
    std::string_view declaration = declarations.substr(0, end);
    declarations =
        end == std::string_view::npos ? std::string_view() : declarations.substr(end + 1);
    const std::size_t colon = declaration.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = declaration.substr(0, colon);
    std::string_view value = declaration.substr(colon + 1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (name.empty()) continue;
    if (!attributes.empty()) attributes += ' ';
    attributes.append(name).append("=\"").append(value).append("\"");
  }
  return attributes;
}

std::string make_inline(const std::string& svg, const std::string& prefix) {
  std::string out;
  out.reserve(svg.size() + 256);
  std::size_t at = 0;
  if (svg.compare(0, 5, "<?xml") == 0) {
    at = svg.find("?>");
    at = at == std::string::npos ? 0 : at + 2;
    while (at < svg.size() && (svg[at] == '\n' || svg[at] == '\r')) ++at;
  }
  static constexpr std::string_view kStyle = "style=\"";
  static constexpr std::string_view kId = "id=\"";
  static constexpr std::string_view kHref = "href=\"#";
  static constexpr std::string_view kUrl = "url(#";
  while (at < svg.size()) {
    std::string_view rest(svg.data() + at, svg.size() - at);
    // Attributes only begin after a space, so "id=" inside "glyph-id=" cannot match.
    const bool after_space = at > 0 && svg[at - 1] == ' ';
    if (after_space && rest.starts_with(kStyle)) {
      const std::size_t close = rest.find('"', kStyle.size());
      if (close != std::string_view::npos) {
        out += style_to_attributes(rest.substr(kStyle.size(), close - kStyle.size()));
        at += close + 1;
        continue;
      }
    }
    if (after_space && rest.starts_with(kId)) {
      out.append(kId).append(prefix).append("-");
      at += kId.size();
      continue;
    }
    if (rest.starts_with(kHref)) {
      out.append(kHref).append(prefix).append("-");
      at += kHref.size();
      continue;
    }
    if (rest.starts_with(kUrl)) {
      out.append(kUrl).append(prefix).append("-");
      at += kUrl.size();
      continue;
    }
    out += svg[at++];
  }
  return out;
}

}  // namespace

std::string chart_svg(const Chart& chart, double width, double height) {
  std::string raw;
  cairo_surface_t* surface = cairo_svg_surface_create_for_stream(append_bytes, &raw, width, height);
  // Sizes in user units (CSS pixels) rather than points, so that the chart is the size asked.
  cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_USER);
  cairo_t* cr = cairo_create(surface);
  draw_chart(cr, chart, 0, 0, width, height);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);

  const std::string prefix = safe_id(chart.id);
  std::string svg = make_inline(raw, prefix);
  // Accessible name: role="img" and the chart's title, inserted as the root's first child.
  const std::size_t root = svg.find("<svg");
  const std::size_t root_end = root == std::string::npos ? root : svg.find('>', root);
  if (root_end == std::string::npos) return svg;  // cairo always writes a root; defensive only
  const std::string title_id = prefix + "-title";
  svg.insert(root_end + 1,
             "\n<title id=\"" + title_id + "\">" + xml_escape(chart.title) + "</title>");
  svg.insert(root + 4, " role=\"img\" aria-labelledby=\"" + title_id + "\"");
  return svg;
}

}  // namespace waymark::reports
