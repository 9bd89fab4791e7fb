// A PDF being drawn into memory: an A4 cairo PDF surface whose bytes collect in a std::string.
// Shared by every PDF report; pages are drawn with cairo in points (1/72 inch), origin top-left.
#pragma once

#include <cairo.h>

#include <string>

#include "core/result.h"

namespace waymark::reports {

inline constexpr double kA4Width = 595.28;   // points
inline constexpr double kA4Height = 841.89;  // points

class PdfDocument {
 public:
  // Starts an A4 document. `title` goes into the PDF's metadata (shown by viewers as the window
  // title); the creator is "Waymark".
  explicit PdfDocument(const std::string& title);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  cairo_t* cr() const { return cr_; }

  // Ends the current page and starts a new one (same size).
  void next_page() { cairo_show_page(cr_); }

  // Finishes the document and hands over its bytes. Fails with Internal when cairo reported an
  // error at any point (the message names cairo's status only). Call once; the drawing context
  // is unusable afterwards.
  Result<std::string> finish();

 private:
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
};

}  // namespace waymark::reports
