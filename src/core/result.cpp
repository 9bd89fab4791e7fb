#include "core/result.h"

namespace waymark {

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Invalid:
      return "invalid";
    case ErrorKind::NotFound:
      return "not_found";
    case ErrorKind::Conflict:
      return "conflict";
    case ErrorKind::Unauthenticated:
      return "unauthenticated";
    case ErrorKind::Forbidden:
      return "forbidden";
    case ErrorKind::Locked:
      return "locked";
    case ErrorKind::Internal:
      return "internal";
  }
  return "internal";
}

void ErrorList::add_all(const Error& error, const std::string& prefix) {
  if (error.fields.empty()) {
    add(prefix.empty() ? "record" : prefix, error.message);
    return;
  }
  for (const auto& field : error.fields)
    add(prefix.empty() ? field.field : prefix + field.field, field.reason);
}

}  // namespace waymark
