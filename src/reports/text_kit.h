// Text for reports: pango laid out at 72 dpi with unhinted metrics, so one point is one PDF or
// SVG unit and a layout measured once draws the same on any cairo surface. One TextKit per thread
// keeps the font map, the pango context and the font descriptions alive across documents, which
// is most of what makes the second and later forms cheap to render (bench/feedback_form_pdf.cpp).
// Thread safety: TextKit::for_this_thread() gives each thread its own kit; a Text must be drawn
// on the thread that made it.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <map>
#include <string>
#include <string_view>
#include <tuple>

namespace waymark::reports {

// The resolution pango lays text out at: 72 dpi, so one point is one PDF unit.
inline constexpr double kPangoResolution = 72.0;

enum class TextStyle {
  Title,       // Sans Bold 16: the provider's name in the header band
  Heading,     // Sans Bold 12: section and subject headings
  Subheading,  // Sans 11: "Progress feedback", the pupil line
  Body,        // Sans 9.5
  BodyBold,    // Sans Bold 9.5: table column headings, key terms
  Small,       // Sans 8: footers, chart axis labels
};

enum class Align { Left, Centre, Right };

// One laid-out piece of text. Move-only; owns its PangoLayout.
class Text {
 public:
  Text() = default;
  explicit Text(PangoLayout* layout) : layout_(layout) {}
  Text(Text&& other) noexcept : layout_(other.layout_) { other.layout_ = nullptr; }
  Text& operator=(Text&& other) noexcept;
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;
  ~Text();

  double width() const;   // the ink-independent logical width, in points
  double height() const;  // the logical height of all lines, in points
  // Draws with the top-left of the layout's logical box at (x, y) in `cr`'s user space, in the
  // current source colour. Leaves the current point and path cleared.
  void draw(cairo_t* cr, double x, double y) const;

 private:
  PangoLayout* layout_ = nullptr;
};

class TextKit {
 public:
  static TextKit& for_this_thread();

  // Lays out UTF-8 `text` in `style`, wrapped at word (or, for one over-long word, character)
  // boundaries to `wrap_width` points; wrap_width <= 0 means one unwrapped line per paragraph.
  // Invalid UTF-8 is shown with replacement marks, never rejected. Never fails.
  Text lay_out(TextStyle style, std::string_view text, double wrap_width = 0,
               Align align = Align::Left);

  // The same for text that every document repeats (column headings, keys, bullets): laid out once
  // per thread and kept, so later documents skip the shaping. The reference stays valid for the
  // thread's lifetime. Use only for a bounded set of fixed strings, never for personal data.
  const Text& fixed(TextStyle style, std::string_view text, double wrap_width = 0,
                    Align align = Align::Left);

  TextKit(const TextKit&) = delete;
  TextKit& operator=(const TextKit&) = delete;
  ~TextKit();

 private:
  TextKit();
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
  PangoFontDescription* fonts_[6] = {};
  PangoAttrList* attributes_ = nullptr;  // shared by every layout: ligatures off
  std::map<std::tuple<int, std::string, int, int>, Text, std::less<>> fixed_;
};

}  // namespace waymark::reports
