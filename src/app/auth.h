// Signing in and out, sessions, personal API tokens, and throttling of failed sign-ins.
//
// Sessions: the browser holds a random token in a cookie; the database holds only its hash, with a
// CSRF token and an expiry. API tokens: "wm_" + 64 hex characters, shown once, stored hashed.
// Throttling, per account: from the 3rd consecutive failure each attempt must wait (2, 4, 8 ...
// seconds); from the 10th the account is locked for 15 minutes. Per address the same happens from
// the 10th and 50th failures, since a whole school may sign in from one address. A success clears
// the account's counter. Unknown emails and wrong passwords get the same answer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/user.h"

namespace waymark::app {

inline constexpr std::int64_t kSessionSeconds = 12 * 60 * 60;
struct ThrottleLimits {
  int slow_after;  // failures before each attempt must wait
  int lock_after;  // failures before the key is locked for kLockSeconds
};
inline constexpr ThrottleLimits kAccountLimits{3, 10};
inline constexpr ThrottleLimits kAddressLimits{10, 50};
inline constexpr std::int64_t kLockSeconds = 15 * 60;

struct SignedIn {
  std::string session_token;  // for the cookie; never logged
  std::string csrf_token;
  std::int64_t expires_at = 0;
  Actor actor;
};

// Fails with Invalid (field "email", "Enter a correct email address and password"), or Locked with
// how long to wait. `address` is the client's IP address, used only as a throttle key.
Result<SignedIn> sign_in(Context& context, const std::string& email, const std::string& password,
                         const std::string& address);

struct SessionActor {
  Actor actor;
  std::string csrf_token;
};

// The actor behind a session cookie; Unauthenticated when unknown, expired or the user is inactive.
Result<SessionActor> session_actor(Context& context, const std::string& session_token);
// The actor behind an API bearer token; Unauthenticated when unknown, revoked or the user inactive.
Result<Actor> token_actor(Context& context, const std::string& bearer_token);
// The actor for a user id (used by the CLI and tests).
Result<Actor> actor_for_user(store::Connection& connection, Id user_id);

void sign_out(Context& context, const std::string& session_token);

struct NewApiToken {
  store::ApiTokenRecord record;
  std::string token;  // shown to the user once
};
Result<NewApiToken> create_api_token(Context& context, const Actor& actor, const std::string& name);
Result<std::vector<store::ApiTokenRecord>> list_api_tokens(Context& context, const Actor& actor);
// NotFound when the token is not the actor's own or is already revoked.
Status revoke_api_token(Context& context, const Actor& actor, Id token_id);

// Changes the actor's own password after checking the current one; ends all their sessions (they
// sign in again).
Status change_password(Context& context, const Actor& actor, const std::string& current_password,
                       const std::string& new_password);

}  // namespace waymark::app
