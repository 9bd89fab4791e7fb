#include "web/pages/multipart.h"

#include <restinio/helpers/http_field_parsers/content-disposition.hpp>
#include <restinio/helpers/http_field_parsers/content-type.hpp>
#include <restinio/helpers/multipart_body.hpp>

namespace waymark::web {

namespace {

namespace hfp = restinio::http_field_parsers;
namespace mp = restinio::multipart_body;

Error not_multipart(std::string reason) {
  return Error::invalid("body", std::move(reason));
}

// "--" + the boundary parameter of a multipart/form-data Content-Type.
Result<std::string> boundary_of(const Request& request) {
  const std::string content_type = request.header("content-type");
  const auto parsed = hfp::content_type_value_t::try_parse(content_type);
  if (!parsed || !restinio::impl::is_equal_caseless(parsed->media_type.type, "multipart") ||
      !restinio::impl::is_equal_caseless(parsed->media_type.subtype, "form-data"))
    return not_multipart("must be sent as multipart/form-data");
  const auto boundary = hfp::find_first(parsed->media_type.parameters, "boundary");
  if (!boundary || mp::check_boundary_value(*boundary))
    return not_multipart("has no valid multipart boundary");
  return "--" + std::string(boundary->data(), boundary->size());
}

std::string text(restinio::string_view_t view) {
  return std::string(view.data(), view.size());
}

struct PartView {
  restinio::string_view_t name;
  std::optional<restinio::string_view_t> filename;
  std::optional<restinio::string_view_t> content_type;
  restinio::string_view_t body;
};

// Calls `visit(PartView)` for each part in order until it returns false. The views point into
// the request's body and the parsed headers, so they are valid only during the call.
template <typename Visitor>
Status visit_parts(const Request& request, Visitor&& visit) {
  const std::string boundary = WAYMARK_TRY(boundary_of(request));
  const auto raw_parts = mp::split_multipart_body(request.body, boundary);
  if (raw_parts.empty()) return not_multipart("is not a complete multipart body");
  for (const auto raw : raw_parts) {
    auto parsed = mp::try_parse_part(raw);
    if (!parsed) return not_multipart("has a part that cannot be read");
    const auto disposition = parsed->fields.opt_value_of(restinio::http_field::content_disposition);
    if (!disposition) return not_multipart("has a part without a Content-Disposition");
    const auto parsed_disposition = hfp::content_disposition_value_t::try_parse(*disposition);
    if (!parsed_disposition || parsed_disposition->value != "form-data")
      return not_multipart("has a part whose Content-Disposition is not form-data");
    const auto name = hfp::find_first(parsed_disposition->parameters, "name");
    if (!name) return not_multipart("has a part without a name");
    PartView part{*name, std::nullopt, std::nullopt, parsed->body};
    if (const auto filename = hfp::find_first(parsed_disposition->parameters, "filename"))
      part.filename = *filename;
    if (const auto type = parsed->fields.opt_value_of(restinio::http_field::content_type))
      part.content_type = *type;
    if (!visit(part)) break;
  }
  return {};
}

}  // namespace

Result<std::vector<MultipartPart>> multipart_parts(const Request& request) {
  std::vector<MultipartPart> parts;
  WAYMARK_TRY_STATUS(visit_parts(request, [&](const PartView& view) {
    MultipartPart part;
    part.name = text(view.name);
    if (view.filename) part.filename = text(*view.filename);
    if (view.content_type) part.content_type = text(*view.content_type);
    part.body = text(view.body);
    parts.push_back(std::move(part));
    return true;
  }));
  return parts;
}

std::string multipart_field(const Request& request, std::string_view name) {
  std::string value;
  Status read = visit_parts(request, [&](const PartView& view) {
    if (std::string_view(view.name.data(), view.name.size()) != name) return true;
    value = text(view.body);
    return false;
  });
  return read.ok() ? value : "";
}

}  // namespace waymark::web
