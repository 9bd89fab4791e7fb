#include "app/users.h"

#include "app/audit.h"
#include "app/codec.h"
#include "app/secrets.h"

namespace waymark::app {

namespace {
Status require_admin(const Actor& actor) {
  if (!actor.can_manage_users())
    return Error::forbidden("only your organisation's admins manage users");
  return {};
}
}  // namespace

Result<std::vector<User>> list_users(Context& context, const Actor& actor) {
  WAYMARK_TRY_STATUS(require_admin(actor));
  return context.store.connection().users_in(actor.organisation_id);
}

Result<Id> create_user(Context& context, const Actor& actor, User user,
                       const std::string& password) {
  WAYMARK_TRY_STATUS(require_admin(actor));
  user.organisation_id = actor.organisation_id;
  user.email = normalise_email(user.email);
  ErrorList errors;
  if (auto valid = validate_user(user, actor.organisation_kind); !valid.ok())
    errors.add_all(valid.error());
  if (auto valid = validate_password(password); !valid.ok()) errors.add_all(valid.error());
  if (!errors.empty()) return errors.to_error();
  std::string hash = WAYMARK_TRY(hash_password(password));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(context.store.connection(), [&](store::Connection& tx) -> Result<Id> {
    user.id = WAYMARK_TRY(tx.insert_user(user, hash));
    record_audit(tx, actor, now, "create", "user", user.id, 0, nullptr, to_json(user));
    return user.id;
  });
}

Result<User> update_user(Context& context, const Actor& actor, Id user_id,
                         const UserChange& change) {
  WAYMARK_TRY_STATUS(require_admin(actor));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(context.store.connection(), [&](store::Connection& tx) -> Result<User> {
    auto current = tx.user(user_id);
    if (!current || current->organisation_id != actor.organisation_id)
      return Error::not_found("user");
    User changed = *current;
    ErrorList errors;
    change(changed, errors);
    changed.id = current->id;
    changed.organisation_id = current->organisation_id;
    changed.email = normalise_email(changed.email);
    if (auto valid = validate_user(changed, actor.organisation_kind); !valid.ok())
      errors.add_all(valid.error());
    if (user_id == actor.user_id && !changed.roles.has(Role::Admin))
      errors.add("roles", "you cannot remove your own admin role; ask another admin");
    if (user_id == actor.user_id && !changed.active)
      errors.add("active", "you cannot deactivate yourself");
    if (!errors.empty()) return errors.to_error();
    WAYMARK_TRY_STATUS(tx.update_user(changed));
    if (!changed.active) tx.delete_sessions_of(user_id);
    record_audit(tx, actor, now, "update", "user", user_id, 0, to_json(*current), to_json(changed));
    return changed;
  });
}

Status reset_user_password(Context& context, const Actor& actor, Id user_id,
                           const std::string& password) {
  WAYMARK_TRY_STATUS(require_admin(actor));
  WAYMARK_TRY_STATUS(validate_password(password));
  std::string hash = WAYMARK_TRY(hash_password(password));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(context.store.connection(), [&](store::Connection& tx) -> Status {
    auto current = tx.user(user_id);
    if (!current || current->organisation_id != actor.organisation_id)
      return Error::not_found("user");
    tx.set_password_hash(user_id, hash);
    tx.delete_sessions_of(user_id);
    record_audit(tx, actor, now, "reset_password", "user", user_id, 0, nullptr, nullptr);
    return {};
  });
}

std::vector<Organisation> list_organisations(Context& context) {
  return context.store.connection().organisations();
}

Result<Organisation> get_organisation(Context& context, Id organisation_id) {
  auto organisation = context.store.connection().organisation(organisation_id);
  if (!organisation) return Error::not_found("organisation");
  return std::move(*organisation);
}

}  // namespace waymark::app
