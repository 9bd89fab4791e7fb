// Organisations: AP providers, schools and local authorities, and how their identifiers are
// checked.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/result.h"

namespace waymark {

enum class OrgKind { Provider, School, LocalAuthority };

const char* to_string(OrgKind kind);
Result<OrgKind> parse_org_kind(std::string_view text, const std::string& field = "kind");

struct Organisation {
  Id id = 0;
  OrgKind kind = OrgKind::School;
  std::string name;
  std::optional<std::string> urn;  // Ofsted/DfE unique reference number, 6 digits
  std::optional<int>
      la_code;  // schools and LAs: 3-digit LA number; providers: the LA area they sit in
  std::optional<int> establishment_number;  // schools and registered providers: 4 digits (DfE
                                            // number = LA code + this)
  bool registered = false;                  // providers: on the DfE register of independent schools
  Id local_authority_id =
      0;  // schools and providers: the LA whose area they are in (0 = none recorded)

  // "801/2000" for a DfE number, empty if not known.
  std::string dfe_number() const;
};

// Validates an organisation for create or update: a name; a 6-digit URN when given; a real LA code
// for a school or LA; a registered provider must have a DfE number (LA code + 4-digit establishment
// number) and a URN. Returns every problem at once, each naming its field.
Status validate_organisation(const Organisation& organisation);

}  // namespace waymark
