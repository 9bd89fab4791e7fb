// Users, and the Actor: who is asking, as every use case sees them.
#pragma once

#include <string>

#include "core/ids.h"
#include "core/organisation.h"
#include "core/result.h"
#include "core/role.h"

namespace waymark {

struct User {
  Id id = 0;
  Id organisation_id = 0;
  std::string email;  // the login name, stored lower-case
  std::string display_name;
  Roles roles;
  bool active = true;
};

// Checks email (plausible, at most 254 characters), display name (1..100) and roles (at least one;
// commissioner only in a school or local authority).
Status validate_user(const User& user, OrgKind organisation_kind);

// Passwords: at least 12 characters, at most 128 (argon2id takes longer inputs, but a cap stops
// a megabyte "password" from costing the server).
Status validate_password(const std::string& password, const std::string& field = "password");

std::string normalise_email(std::string email);

// Who is making a request. Built by app/ from a session or token; never from request data.
struct Actor {
  Id user_id = 0;
  Id organisation_id = 0;
  OrgKind organisation_kind = OrgKind::School;
  Roles roles;
  std::string display_name;

  bool can_read() const { return !roles.empty(); }
  // Whether this actor may change pupil, placement and calendar records (auditors and pure
  // commissioners may not; commissioners may still refer pupils and create placements).
  bool can_edit_pupils() const {
    return roles.has(Role::Admin) || roles.has(Role::Teacher) || roles.has(Role::Head);
  }
  bool can_commission() const { return can_edit_pupils() || roles.has(Role::Commissioner); }
  bool can_read_audit() const { return roles.has(Role::Admin) || roles.has(Role::Head); }
  bool can_manage_users() const { return roles.has(Role::Admin); }
  // A user who is only a commissioner sees the pupils their organisation placed, not its roll.
  bool commissioner_only() const {
    return roles.has(Role::Commissioner) && !roles.has(Role::Admin) && !roles.has(Role::Teacher) &&
           !roles.has(Role::Head) && !roles.has(Role::Auditor);
  }
};

}  // namespace waymark
