// Shared by the classwork API and pages: the HTTP answer for an evidence download, and the
// page registrations of classwork_*.cpp.
#pragma once

#include <fmt/format.h>

#include "app/evidence_files.h"
#include "web/http.h"
#include "web/router.h"
#include "web/templates.h"

namespace waymark::web {

// The file with its stored (content-checked) type, always as an attachment so that a browser
// never renders it in our origin; the name shown is the sanitised original.
inline Response evidence_response(const app::EvidenceDownload& download) {
  Response response{200, media_type(download.file.type), download.bytes, {}};
  response.with_header("Content-Disposition",
                       fmt::format("attachment; filename=\"{}\"", download.file.original_name));
  response.with_header("Cache-Control", "private, no-store");
  return response;
}

// The classwork pages, one registration per file, all called from register_classwork_pages.
void register_classwork_grid_page(Router& router, const Templates& templates);
void register_pupil_classwork_page(Router& router, const Templates& templates);

}  // namespace waymark::web
