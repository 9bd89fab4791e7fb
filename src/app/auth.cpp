#include "app/auth.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "app/audit.h"
#include "app/secrets.h"

namespace waymark::app {

namespace {

const char* const kBadCredentials = "Enter a correct email address and password";

std::string account_key(const std::string& email) {
  return "account:" + email;
}
std::string address_key(const std::string& address) {
  return "address:" + address;
}

// The wait before the next attempt after `failures` consecutive failures.
std::int64_t wait_after(int failures, const ThrottleLimits& limits) {
  if (failures >= limits.lock_after) return kLockSeconds;
  if (failures < limits.slow_after) return 0;
  return std::int64_t{1} << std::min(failures - limits.slow_after + 1, 10);
}

std::string wait_message(std::int64_t seconds) {
  if (seconds >= 90) {
    return fmt::format("Too many failed sign-in attempts. Try again in {} minutes.",
                       (seconds + 59) / 60);
  }
  return fmt::format("Too many failed sign-in attempts. Try again in {} seconds.",
                     std::max<std::int64_t>(seconds, 1));
}

// Locked when the key must still wait.
Status check_throttle(store::Connection& connection, const std::string& key, std::int64_t now) {
  auto record = connection.throttle(key);
  if (record && record->locked_until > now)
    return Error::locked(wait_message(record->locked_until - now));
  return {};
}

void note_failure(store::Connection& connection, const std::string& key,
                  const ThrottleLimits& limits, std::int64_t now) {
  auto record = connection.throttle(key).value_or(store::ThrottleRecord{});
  // A quiet hour forgives earlier failures.
  if (now - record.last_failure_at > 3600) record.failures = 0;
  record.failures += 1;
  record.last_failure_at = now;
  record.locked_until = now + wait_after(record.failures, limits);
  connection.put_throttle(key, record);
}

Result<Actor> actor_from(store::Connection& connection, const User& user) {
  if (!user.active) return Error::unauthenticated("this account has been deactivated");
  auto organisation = connection.organisation(user.organisation_id);
  if (!organisation) return Error::unauthenticated();
  return Actor{user.id, organisation->id, organisation->kind, user.roles, user.display_name};
}

}  // namespace

Result<Actor> actor_for_user(store::Connection& connection, Id user_id) {
  auto user = connection.user(user_id);
  if (!user) return Error::unauthenticated();
  return actor_from(connection, *user);
}

Result<SignedIn> sign_in(Context& context, const std::string& email_input,
                         const std::string& password, const std::string& address) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  const std::string email = normalise_email(email_input);
  if (email.empty() || password.empty()) {
    ErrorList errors;
    if (email.empty()) errors.add("email", "Enter your email address");
    if (password.empty()) errors.add("password", "Enter your password");
    return errors.to_error();
  }
  WAYMARK_TRY_STATUS(check_throttle(connection, address_key(address), now));
  WAYMARK_TRY_STATUS(check_throttle(connection, account_key(email), now));

  auto record = connection.user_by_email(email);
  // Verify against a fixed hash when the account is unknown so both answers take as long.
  static const std::string dummy_hash = hash_password("not-a-real-password-000").value();
  bool verified = verify_password(password, record ? record->password_hash : dummy_hash);
  if (!record || !verified || !record->user.active) {
    in_transaction(connection, [&](store::Connection& tx) -> Status {
      note_failure(tx, account_key(email), kAccountLimits, now);
      note_failure(tx, address_key(address), kAddressLimits, now);
      return {};
    }).ok();
    return Error::invalid("email", kBadCredentials);
  }

  Actor actor = WAYMARK_TRY(actor_from(connection, record->user));
  SignedIn signed_in{random_token(), random_token(), now + kSessionSeconds, actor};
  Status written = in_transaction(connection, [&](store::Connection& tx) -> Status {
    tx.clear_throttle(account_key(email));
    tx.delete_expired_sessions(now);
    tx.insert_session(
        token_hash(signed_in.session_token),
        store::SessionRecord{actor.user_id, signed_in.csrf_token, signed_in.expires_at}, now);
    record_audit(tx, actor, now, "sign_in", "user", actor.user_id, 0, nullptr, nullptr);
    return {};
  });
  WAYMARK_TRY_STATUS(std::move(written));
  return signed_in;
}

Result<SessionActor> session_actor(Context& context, const std::string& session_token) {
  if (session_token.size() != 64) return Error::unauthenticated();
  auto& connection = context.store.connection();
  auto session = connection.session(token_hash(session_token));
  if (!session || session->expires_at <= context.clock.now_seconds())
    return Error::unauthenticated("your session has ended: please sign in again");
  Actor actor = WAYMARK_TRY(actor_for_user(connection, session->user_id));
  return SessionActor{std::move(actor), session->csrf_token};
}

Result<Actor> token_actor(Context& context, const std::string& bearer_token) {
  if (bearer_token.size() != 67 || bearer_token.rfind("wm_", 0) != 0)
    return Error::unauthenticated("invalid API token");
  auto& connection = context.store.connection();
  const std::string hash = token_hash(bearer_token);
  const std::int64_t now = context.clock.now_seconds();
  // Integrations call in bursts, so each thread remembers whom a token stood for until anything in
  // the database changes (a revocation, a deactivated user, a new role: all are writes).
  struct Cached {
    std::uint64_t marker = 0;
    Id token_id = 0;
    std::int64_t last_used_at = 0;
    Actor actor;
  };
  thread_local std::unordered_map<std::string, Cached> cache;
  thread_local std::uint64_t cache_owner = 0;
  if (cache_owner != context.store.generation() || cache.size() > 1024) {
    cache.clear();
    cache_owner = context.store.generation();
  }
  const std::uint64_t marker = connection.change_marker();
  auto found = cache.find(hash);
  if (found == cache.end() || found->second.marker != marker) {
    auto token = connection.api_token_by_hash(hash);
    if (!token || token->revoked_at) {
      cache.erase(hash);
      return Error::unauthenticated("invalid or revoked API token");
    }
    Actor actor = WAYMARK_TRY(actor_for_user(connection, token->user_id));
    found = cache
                .insert_or_assign(hash,
                                  Cached{marker, token->id, token->last_used_at.value_or(0), actor})
                .first;
  }
  // Recording every use would turn each read into a write; a minute's precision is enough.
  if (now - found->second.last_used_at > 60) {
    connection.touch_api_token(found->second.token_id, now);
    found->second.last_used_at = now;
    found->second.marker = connection.change_marker();
  }
  return found->second.actor;
}

void sign_out(Context& context, const std::string& session_token) {
  if (session_token.empty()) return;
  context.store.connection().delete_session(token_hash(session_token));
}

Result<NewApiToken> create_api_token(Context& context, const Actor& actor,
                                     const std::string& name) {
  if (name.empty()) return Error::invalid("name", "is required (say what the token is for)");
  if (name.size() > 80) return Error::invalid("name", "must be at most 80 characters");
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  NewApiToken created;
  created.token = "wm_" + random_token();
  created.record.user_id = actor.user_id;
  created.record.name = name;
  created.record.prefix = created.token.substr(0, 10);
  created.record.created_at = now;
  Status written = in_transaction(connection, [&](store::Connection& tx) -> Status {
    created.record.id = tx.insert_api_token(created.record, token_hash(created.token));
    record_audit(tx, actor, now, "create", "api_token", created.record.id, 0, nullptr,
                 Json{{"name", name}, {"prefix", created.record.prefix}});
    return {};
  });
  WAYMARK_TRY_STATUS(std::move(written));
  return created;
}

Result<std::vector<store::ApiTokenRecord>> list_api_tokens(Context& context, const Actor& actor) {
  return context.store.connection().api_tokens_of(actor.user_id);
}

Status revoke_api_token(Context& context, const Actor& actor, Id token_id) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Status {
    if (!tx.revoke_api_token(token_id, actor.user_id, now)) return Error::not_found("API token");
    record_audit(tx, actor, now, "revoke", "api_token", token_id, 0, nullptr, nullptr);
    return {};
  });
}

Status change_password(Context& context, const Actor& actor, const std::string& current_password,
                       const std::string& new_password) {
  auto& connection = context.store.connection();
  auto user = connection.user(actor.user_id);
  if (!user) return Error::unauthenticated();
  auto record = connection.user_by_email(user->email);
  if (!record || !verify_password(current_password, record->password_hash))
    return Error::invalid("current_password", "is not your current password");
  WAYMARK_TRY_STATUS(validate_password(new_password, "new_password"));
  std::string hash = WAYMARK_TRY(hash_password(new_password));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Status {
    tx.set_password_hash(actor.user_id, hash);
    tx.delete_sessions_of(actor.user_id);
    record_audit(tx, actor, now, "change_password", "user", actor.user_id, 0, nullptr, nullptr);
    return {};
  });
}

}  // namespace waymark::app
