// Errors as values. Anything a user, a file or another organisation can get wrong comes back as
// an Error (a kind, the fields at fault and a reason for each), never as an exception. The web
// edge maps ErrorKind to an HTTP status; the CLI prints the field errors one per line.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace waymark {

enum class ErrorKind {
  Invalid,          // input failed validation; `fields` says where and why (HTTP 422)
  NotFound,         // no such record, or not visible to the asker (HTTP 404: existence never leaks)
  Conflict,         // clashes with existing data, e.g. a duplicate UPN (HTTP 409)
  Unauthenticated,  // no valid session or token (HTTP 401)
  Forbidden,        // visible but the asker's role may not do this (HTTP 403)
  Locked,           // too many failed logins; try later (HTTP 429)
  Internal,         // a fault of ours (HTTP 500); the message carries no personal data
};

const char* to_string(ErrorKind kind);

struct FieldError {
  std::string field;   // e.g. "upn", "placements[2].start_date", "row 7, column upn"
  std::string reason;  // a sentence a user can act on
  bool operator==(const FieldError&) const = default;
};

struct Error {
  ErrorKind kind = ErrorKind::Invalid;
  std::string message;             // one line for the whole failure
  std::vector<FieldError> fields;  // empty unless kind == Invalid (may also carry Conflict detail)

  static Error invalid(std::string field, std::string reason) {
    std::string message = field + ": " + reason;
    return Error{ErrorKind::Invalid, std::move(message), {{std::move(field), std::move(reason)}}};
  }
  static Error invalid(std::vector<FieldError> fields) {
    std::string message =
        fields.empty() ? "invalid input" : fields.front().field + ": " + fields.front().reason;
    if (fields.size() > 1) message += " (and " + std::to_string(fields.size() - 1) + " more)";
    return Error{ErrorKind::Invalid, std::move(message), std::move(fields)};
  }
  static Error not_found(std::string what) {
    return Error{ErrorKind::NotFound, std::move(what) + " not found", {}};
  }
  static Error conflict(std::string field, std::string reason) {
    std::string message = field + ": " + reason;
    return Error{ErrorKind::Conflict, std::move(message), {{std::move(field), std::move(reason)}}};
  }
  static Error unauthenticated(std::string message = "please sign in") {
    return Error{ErrorKind::Unauthenticated, std::move(message), {}};
  }
  static Error forbidden(std::string message) {
    return Error{ErrorKind::Forbidden, std::move(message), {}};
  }
  static Error locked(std::string message) {
    return Error{ErrorKind::Locked, std::move(message), {}};
  }
  static Error internal(std::string message) {
    return Error{ErrorKind::Internal, std::move(message), {}};
  }
};

// Result<T>: a T or an Error. [[nodiscard]] so that a failure cannot be dropped silently.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design, like ErrorOr
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // REQUIRES: !ok().
  const Error& error() const& { return std::get<1>(state_); }
  Error&& error() && { return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

// Collects field errors across a whole form or file so that every problem is reported at once.
class ErrorList {
 public:
  void add(std::string field, std::string reason) {
    fields_.push_back({std::move(field), std::move(reason)});
  }
  void add_all(const Error& error, const std::string& prefix = "");
  bool empty() const { return fields_.empty(); }
  const std::vector<FieldError>& fields() const { return fields_; }
  Error to_error() const { return Error::invalid(fields_); }

 private:
  std::vector<FieldError> fields_;
};

}  // namespace waymark

// Propagates an error from a Result-returning expression; evaluates to the value otherwise.
#define WAYMARK_TRY(expr)                                                 \
  ({                                                                      \
    auto _waymark_result = (expr);                                        \
    if (!_waymark_result.ok()) return std::move(_waymark_result).error(); \
    std::move(_waymark_result).value();                                   \
  })

#define WAYMARK_TRY_STATUS(expr)                                          \
  do {                                                                    \
    auto _waymark_status = (expr);                                        \
    if (!_waymark_status.ok()) return std::move(_waymark_status).error(); \
  } while (false)
