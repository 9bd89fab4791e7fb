#include "core/user.h"

#include <algorithm>
#include <cctype>

namespace waymark {

std::string normalise_email(std::string email) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  email.erase(email.begin(), std::find_if(email.begin(), email.end(), not_space));
  email.erase(std::find_if(email.rbegin(), email.rend(), not_space).base(), email.end());
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return email;
}

Status validate_user(const User& user, OrgKind organisation_kind) {
  ErrorList errors;
  const std::string& email = user.email;
  auto at = email.find('@');
  if (email.empty()) {
    errors.add("email", "is required");
  } else if (email.size() > 254 || at == std::string::npos || at == 0 ||
             email.find('.', at) == std::string::npos || email.find(' ') != std::string::npos) {
    errors.add("email", "is not an email address");
  }
  if (user.display_name.empty()) errors.add("display_name", "is required");
  if (user.display_name.size() > 100) errors.add("display_name", "must be at most 100 characters");
  if (user.roles.empty()) errors.add("roles", "at least one role is required");
  if (user.roles.has(Role::Commissioner) && organisation_kind == OrgKind::Provider)
    errors.add("roles", "commissioner is a role for schools and local authorities, not providers");
  if (!errors.empty()) return errors.to_error();
  return {};
}

Status validate_password(const std::string& password, const std::string& field) {
  if (password.size() < 12) return Error::invalid(field, "must be at least 12 characters");
  if (password.size() > 128) return Error::invalid(field, "must be at most 128 characters");
  return {};
}

}  // namespace waymark
