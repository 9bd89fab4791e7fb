#include "core/organisation.h"

#include <cctype>

#include <fmt/format.h>

#include "core/la_codes.h"

namespace waymark {

const char* to_string(OrgKind kind) {
  switch (kind) {
    case OrgKind::Provider:
      return "provider";
    case OrgKind::School:
      return "school";
    case OrgKind::LocalAuthority:
      return "local_authority";
  }
  return "school";
}

Result<OrgKind> parse_org_kind(std::string_view text, const std::string& field) {
  if (text == "provider") return OrgKind::Provider;
  if (text == "school") return OrgKind::School;
  if (text == "local_authority" || text == "la") return OrgKind::LocalAuthority;
  return Error::invalid(field, "must be provider, school or local_authority");
}

std::string Organisation::dfe_number() const {
  if (!la_code || !establishment_number) return "";
  return fmt::format("{:03}/{:04}", *la_code, *establishment_number);
}

Status validate_organisation(const Organisation& organisation) {
  ErrorList errors;
  bool blank_name = true;
  for (char c : organisation.name)
    if (!std::isspace(static_cast<unsigned char>(c))) blank_name = false;
  if (blank_name) errors.add("name", "is required");
  if (organisation.name.size() > 200) errors.add("name", "must be at most 200 characters");
  if (organisation.urn) {
    const std::string& urn = *organisation.urn;
    bool digits = urn.size() == 6;
    for (char c : urn)
      if (!std::isdigit(static_cast<unsigned char>(c))) digits = false;
    if (!digits) errors.add("urn", "must be 6 digits");
  }
  if (organisation.la_code && !is_la_code(*organisation.la_code)) {
    errors.add("la_code",
               fmt::format("{} is not a recognised local authority number", *organisation.la_code));
  }
  if (organisation.establishment_number &&
      (*organisation.establishment_number < 1000 || *organisation.establishment_number > 9999)) {
    errors.add("establishment_number", "must be 4 digits (1000-9999)");
  }
  switch (organisation.kind) {
    case OrgKind::School:
    case OrgKind::LocalAuthority:
      if (!organisation.la_code) errors.add("la_code", "is required");
      break;
    case OrgKind::Provider:
      if (organisation.registered) {
        if (!organisation.la_code || !organisation.establishment_number)
          errors.add(
              "establishment_number",
              "a registered provider needs its DfE number (LA code and establishment number)");
        if (!organisation.urn) errors.add("urn", "a registered provider needs its URN");
      }
      break;
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace waymark
