// Managing an organisation's users (admins only, their own organisation only) and reading
// organisations (their names and identifiers are not personal data; any signed-in user may list
// them).
#pragma once

#include <functional>
#include <vector>

#include "app/context.h"
#include "core/organisation.h"
#include "core/user.h"

namespace waymark::app {

Result<std::vector<User>> list_users(Context& context, const Actor& actor);

// Creates a user in the admin's own organisation. Invalid for a bad email, name, roles or password;
// Conflict when the email is taken. The password is stored as an argon2id hash only.
Result<Id> create_user(Context& context, const Actor& actor, User user,
                       const std::string& password);

// Changes display name, email, roles and active. An admin cannot remove their own admin role or
// deactivate themselves (so an organisation cannot lose its last way in by accident). Deactivating
// a user ends their sessions. NotFound for a user of another organisation.
using UserChange = std::function<void(User&, ErrorList&)>;
Result<User> update_user(Context& context, const Actor& actor, Id user_id,
                         const UserChange& change);

// Sets a new password for a user of the admin's organisation and ends that user's sessions.
Status reset_user_password(Context& context, const Actor& actor, Id user_id,
                           const std::string& password);

std::vector<Organisation> list_organisations(Context& context);
Result<Organisation> get_organisation(Context& context, Id organisation_id);

}  // namespace waymark::app
