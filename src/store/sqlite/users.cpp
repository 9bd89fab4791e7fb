// Users, browser sessions, API tokens and the failed sign-in throttle.
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kUserColumns =
    "SELECT id, organisation_id, email, display_name, roles, active, password_hash FROM users ";

User read_user(const Statement& row) {
  User user;
  user.id = row.int64(0);
  user.organisation_id = row.int64(1);
  user.email = row.text(2);
  user.display_name = row.text(3);
  auto roles = Roles::parse_joined(row.text(4));
  if (!roles.ok()) throw StoreFault("a stored user has roles this program does not know");
  user.roles = *roles;
  user.active = row.boolean(5);
  return user;
}

Error email_taken() {
  return Error::conflict("email", "another user already has this email");
}

constexpr const char* kTokenColumns =
    "SELECT id, user_id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens ";

ApiTokenRecord read_token(const Statement& row) {
  return ApiTokenRecord{.id = row.int64(0),
                        .user_id = row.int64(1),
                        .name = row.text(2),
                        .prefix = row.text(3),
                        .created_at = row.int64(4),
                        .last_used_at = row.optional_int64(5),
                        .revoked_at = row.optional_int64(6)};
}

}  // namespace

std::optional<UserRecord> SqliteConnection::user_by_email(const std::string& email) {
  static const std::string sql = std::string(kUserColumns) + "WHERE email = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(normalise_email(email));
  if (!statement.next_row()) return std::nullopt;
  return UserRecord{read_user(statement), statement.text(6)};
}

std::optional<User> SqliteConnection::user(Id id) {
  static const std::string sql = std::string(kUserColumns) + "WHERE id = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(id);
  if (!statement.next_row()) return std::nullopt;
  return read_user(statement);
}

std::vector<User> SqliteConnection::users_in(Id organisation_id) {
  static const std::string sql =
      std::string(kUserColumns) +
      "WHERE organisation_id = ? ORDER BY display_name COLLATE NOCASE, id";
  Statement statement = db_.prepare(sql);
  statement.bind_all(organisation_id);
  std::vector<User> users;
  while (statement.next_row()) users.push_back(read_user(statement));
  return users;
}

Result<Id> SqliteConnection::insert_user(const User& user, const std::string& password_hash) {
  std::int64_t now = now_utc_seconds();
  Statement statement = db_.prepare(
      "INSERT INTO users (organisation_id, email, display_name, roles, password_hash, active, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind_all(user.organisation_id, normalise_email(user.email), user.display_name,
                     user.roles.joined(), password_hash, user.active, now, now);
  try {
    statement.run();
  } catch (const SqliteFault& fault) {
    if (fault.unique_violation_on("users.email")) return email_taken();
    throw;
  }
  return db_.last_insert_id();
}

Status SqliteConnection::update_user(const User& user) {
  Statement statement = db_.prepare(
      "UPDATE users SET email = ?, display_name = ?, roles = ?, active = ?, updated_at = ? "
      "WHERE id = ?");
  statement.bind_all(normalise_email(user.email), user.display_name, user.roles.joined(),
                     user.active, now_utc_seconds(), user.id);
  try {
    if (statement.run() == 0) return Error::not_found("user");
  } catch (const SqliteFault& fault) {
    if (fault.unique_violation_on("users.email")) return email_taken();
    throw;
  }
  return {};
}

void SqliteConnection::set_password_hash(Id user_id, const std::string& password_hash) {
  Statement statement =
      db_.prepare("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?");
  statement.bind_all(password_hash, now_utc_seconds(), user_id);
  statement.run();
}

// Sessions.

void SqliteConnection::insert_session(const std::string& token_hash, const SessionRecord& session,
                                      std::int64_t now) {
  Statement statement = db_.prepare(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?)");
  statement.bind_all(token_hash, session.user_id, session.csrf_token, now, session.expires_at);
  statement.run();
}

std::optional<SessionRecord> SqliteConnection::session(const std::string& token_hash) {
  Statement statement =
      db_.prepare("SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ?");
  statement.bind_all(token_hash);
  if (!statement.next_row()) return std::nullopt;
  return SessionRecord{statement.int64(0), statement.text(1), statement.int64(2)};
}

void SqliteConnection::delete_session(const std::string& token_hash) {
  Statement statement = db_.prepare("DELETE FROM sessions WHERE token_hash = ?");
  statement.bind_all(token_hash);
  statement.run();
}

void SqliteConnection::delete_sessions_of(Id user_id) {
  Statement statement = db_.prepare("DELETE FROM sessions WHERE user_id = ?");
  statement.bind_all(user_id);
  statement.run();
}

void SqliteConnection::delete_expired_sessions(std::int64_t now) {
  Statement statement = db_.prepare("DELETE FROM sessions WHERE expires_at <= ?");
  statement.bind_all(now);
  statement.run();
}

// API tokens.

Id SqliteConnection::insert_api_token(const ApiTokenRecord& token, const std::string& token_hash) {
  Statement statement = db_.prepare(
      "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, last_used_at, "
      "revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  statement.bind_all(token.user_id, token.name, token_hash, token.prefix, token.created_at,
                     token.last_used_at, token.revoked_at);
  statement.run();
  return db_.last_insert_id();
}

std::optional<ApiTokenRecord> SqliteConnection::api_token_by_hash(const std::string& token_hash) {
  static const std::string sql = std::string(kTokenColumns) + "WHERE token_hash = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(token_hash);
  if (!statement.next_row()) return std::nullopt;
  return read_token(statement);
}

std::vector<ApiTokenRecord> SqliteConnection::api_tokens_of(Id user_id) {
  static const std::string sql =
      std::string(kTokenColumns) + "WHERE user_id = ? ORDER BY created_at DESC, id DESC";
  Statement statement = db_.prepare(sql);
  statement.bind_all(user_id);
  std::vector<ApiTokenRecord> tokens;
  while (statement.next_row()) tokens.push_back(read_token(statement));
  return tokens;
}

bool SqliteConnection::revoke_api_token(Id token_id, Id user_id, std::int64_t now) {
  Statement statement = db_.prepare(
      "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL");
  statement.bind_all(now, token_id, user_id);
  return statement.run() > 0;
}

void SqliteConnection::touch_api_token(Id token_id, std::int64_t now) {
  Statement statement = db_.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
  statement.bind_all(now, token_id);
  statement.run();
}

// Failed sign-in throttle.

std::optional<ThrottleRecord> SqliteConnection::throttle(const std::string& key) {
  Statement statement = db_.prepare(
      "SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?");
  statement.bind_all(key);
  if (!statement.next_row()) return std::nullopt;
  return ThrottleRecord{statement.integer(0), statement.int64(1), statement.int64(2)};
}

void SqliteConnection::put_throttle(const std::string& key, const ThrottleRecord& record) {
  Statement statement = db_.prepare(
      "INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) "
      "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, "
      "last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until");
  statement.bind_all(key, record.failures, record.last_failure_at, record.locked_until);
  statement.run();
}

void SqliteConnection::clear_throttle(const std::string& key) {
  Statement statement = db_.prepare("DELETE FROM login_throttle WHERE key = ?");
  statement.bind_all(key);
  statement.run();
}

}  // namespace waymark::store::sqlite
