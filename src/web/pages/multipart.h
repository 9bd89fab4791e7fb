// multipart/form-data request bodies (HTML forms with a file input), read with RESTinio's
// multipart helpers. Only multipart.cpp includes those helpers: restinio::multipart_body's
// try_parse_part is defined in its header without `inline`, so a second translation unit that
// included it would fail to link.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "web/http.h"

namespace waymark::web {

struct MultipartPart {
  std::string name;                     // Content-Disposition's name
  std::optional<std::string> filename;  // set for a file input (possibly empty: no file chosen)
  std::string content_type;             // the part's Content-Type, "" when it has none
  std::string body;
};

// The parts of a multipart/form-data request, in body order.
// Invalid on field "body" when the Content-Type is not multipart/form-data with a valid boundary,
// or when the body is not a well-formed multipart body (for example, cut short).
Result<std::vector<MultipartPart>> multipart_parts(const Request& request);

// The body of the first part named `name`; "" when there is none, or when the request is not a
// well-formed multipart/form-data request. Meant for small text fields such as csrf_token.
std::string multipart_field(const Request& request, std::string_view name);

}  // namespace waymark::web
