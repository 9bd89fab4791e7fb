// Shared by the API files that take a date window: ?from=&to= as optional dates.
#pragma once

#include <optional>
#include <utility>

#include "core/date.h"
#include "core/result.h"
#include "web/http.h"

namespace waymark::web {

// Each of `from` and `to` when given; Invalid naming the parameter when it is not a date.
inline Result<std::pair<std::optional<Date>, std::optional<Date>>> query_dates(
    const Request& request) {
  ErrorList errors;
  std::optional<Date> from, to;
  for (auto [name, into] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    const std::string text = request.param(name);
    if (text.empty()) continue;
    auto date = Date::parse(text, name);
    if (date.ok())
      *into = *date;
    else
      errors.add_all(date.error());
  }
  if (!errors.empty()) return errors.to_error();
  return std::pair{from, to};
}

}  // namespace waymark::web
