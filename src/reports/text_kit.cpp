#include "reports/text_kit.h"

namespace waymark::reports {

Text& Text::operator=(Text&& other) noexcept {
  if (this != &other) {
    if (layout_ != nullptr) g_object_unref(layout_);
    layout_ = other.layout_;
    other.layout_ = nullptr;
  }
  return *this;
}

Text::~Text() {
  if (layout_ != nullptr) g_object_unref(layout_);
}

double Text::width() const {
  if (layout_ == nullptr) return 0;
  int width = 0;
  pango_layout_get_size(layout_, &width, nullptr);
  return static_cast<double>(width) / PANGO_SCALE;
}

double Text::height() const {
  if (layout_ == nullptr) return 0;
  int height = 0;
  pango_layout_get_size(layout_, nullptr, &height);
  return static_cast<double>(height) / PANGO_SCALE;
}

void Text::draw(cairo_t* cr, double x, double y) const {
  if (layout_ == nullptr) return;
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout_);
  cairo_new_path(cr);
}

TextKit& TextKit::for_this_thread() {
  thread_local TextKit kit;
  return kit;
}

TextKit::TextKit() {
  // A font map of our own rather than the process-wide default, so that kits on different threads
  // share no mutable pango state.
  font_map_ = pango_cairo_font_map_new();
  context_ = pango_font_map_create_context(font_map_);
  pango_cairo_context_set_resolution(context_, kPangoResolution);
  // Unhinted metrics and outlines: positions are exact in points, as a PDF wants, and a layout
  // measures the same whichever surface it is drawn on.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_, FALSE);

  const char* descriptions[6] = {"Sans Bold 16", "Sans Bold 12",  "Sans 11",
                                 "Sans 9.5",     "Sans Bold 9.5", "Sans 8"};
  for (int style_idx = 0; style_idx < 6; ++style_idx)
    fonts_[style_idx] = pango_font_description_from_string(descriptions[style_idx]);

  // No ligatures: a ligature glyph ("fi" in "Northfield") has no place in the PDF's Latin font
  // encoding, so cairo would embed a second, composite copy of the font for that one glyph in
  // every document, costing size and time. Text extraction also reads plain letters more reliably.
  attributes_ = pango_attr_list_new();
  pango_attr_list_insert(attributes_, pango_attr_font_features_new("liga=0, clig=0"));
}

TextKit::~TextKit() {
  for (PangoFontDescription* font : fonts_)
    if (font != nullptr) pango_font_description_free(font);
  if (attributes_ != nullptr) pango_attr_list_unref(attributes_);
  if (context_ != nullptr) g_object_unref(context_);
  if (font_map_ != nullptr) g_object_unref(font_map_);
}

Text TextKit::lay_out(TextStyle style, std::string_view text, double wrap_width, Align align) {
  PangoLayout* layout = pango_layout_new(context_);
  pango_layout_set_font_description(layout, fonts_[static_cast<int>(style)]);
  pango_layout_set_attributes(layout, attributes_);
  if (wrap_width > 0) {
    pango_layout_set_width(layout, static_cast<int>(wrap_width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  switch (align) {
    case Align::Left:
      break;
    case Align::Centre:
      pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
      break;
    case Align::Right:
      pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
      break;
  }
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  return Text(layout);
}

const Text& TextKit::fixed(TextStyle style, std::string_view text, double wrap_width, Align align) {
  auto key = std::make_tuple(static_cast<int>(style), std::string(text),
                             static_cast<int>(wrap_width * 100), static_cast<int>(align));
  auto found = fixed_.find(key);
  if (found == fixed_.end())
    found = fixed_.emplace(std::move(key), lay_out(style, text, wrap_width, align)).first;
  return found->second;
}

}  // namespace waymark::reports
