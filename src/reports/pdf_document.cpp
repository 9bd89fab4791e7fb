#include "reports/pdf_document.h"

#include <cairo-pdf.h>

namespace waymark::reports {
namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfDocument::PdfDocument(const std::string& title) {
  bytes_.reserve(64 * 1024);
  surface_ = cairo_pdf_surface_create_for_stream(append_bytes, &bytes_, kA4Width, kA4Height);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Waymark");
  cr_ = cairo_create(surface_);
}

PdfDocument::~PdfDocument() {
  if (cr_ != nullptr) cairo_destroy(cr_);
  if (surface_ != nullptr) cairo_surface_destroy(surface_);
}

Result<std::string> PdfDocument::finish() {
  cairo_status_t status = cairo_status(cr_);
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface_);
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  if (status != CAIRO_STATUS_SUCCESS)
    return Error::internal(std::string("PDF rendering failed: ") + cairo_status_to_string(status));
  return std::move(bytes_);
}

}  // namespace waymark::reports
