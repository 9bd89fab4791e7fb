#include "core/role.h"

namespace waymark {

namespace {
constexpr Role kAllRoles[] = {Role::Admin, Role::Teacher, Role::Head, Role::Commissioner,
                              Role::Auditor};
}

const char* to_string(Role role) {
  switch (role) {
    case Role::Admin:
      return "admin";
    case Role::Teacher:
      return "teacher";
    case Role::Head:
      return "head";
    case Role::Commissioner:
      return "commissioner";
    case Role::Auditor:
      return "auditor";
  }
  return "auditor";
}

Result<Role> parse_role(std::string_view text, const std::string& field) {
  for (Role role : kAllRoles)
    if (text == to_string(role)) return role;
  return Error::invalid(field, "'" + std::string(text) +
                                   "' is not a role (admin, teacher, head, commissioner, auditor)");
}

std::vector<Role> Roles::list() const {
  std::vector<Role> roles;
  for (Role role : kAllRoles)
    if (has(role)) roles.push_back(role);
  return roles;
}

std::string Roles::joined() const {
  std::string text;
  for (Role role : list()) {
    if (!text.empty()) text += ',';
    text += to_string(role);
  }
  return text;
}

Result<Roles> Roles::parse_joined(std::string_view text, const std::string& field) {
  Roles roles;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string_view part = text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) roles.add(WAYMARK_TRY(parse_role(part, field)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (roles.empty()) return Error::invalid(field, "at least one role is required");
  return roles;
}

}  // namespace waymark
