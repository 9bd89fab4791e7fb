// Internal to the CSV imports (import_*.cpp): turning a row's field errors into "row N, column C"
// entries, and the small comparisons both imports use. Not part of app's interface.
#pragma once

#include <map>
#include <string>

#include <fmt/format.h>
#include <cctype>
#include "app/codec.h"
#include "app/import.h"
#include "core/result.h"

namespace waymark::app::import_rows {

using ColumnMap = std::map<std::string, std::string>;

// Where a field's error goes when a row does not say: the column a reader would have used.
inline const ColumnMap& default_pupil_columns() {
  static const ColumnMap columns = {{"legal_forename", "forename"},
                                    {"legal_surname", "surname"},
                                    {"nc_year_override", "nc_year"}};
  return columns;
}

inline const ColumnMap& default_placement_columns() {
  static const ColumnMap columns = {{"pupil_id", "upn"},
                                    {"provider_id", "provider_urn"},
                                    {"commissioner_id", "commissioner_urn"}};
  return columns;
}

// Adds `error` to `errors` with each field turned into the CSV cell it came from.
inline void add_row_error(ErrorList& errors, int row, const Error& error, const ColumnMap& columns,
                          const ColumnMap& defaults) {
  if (error.fields.empty()) {
    errors.add(fmt::format("row {}", row), error.message);
    return;
  }
  for (const FieldError& field : error.fields) {
    std::string column = field.field;
    if (auto named = columns.find(field.field); named != columns.end()) {
      column = named->second;
    } else if (auto fallback = defaults.find(field.field); fallback != defaults.end()) {
      column = fallback->second;
    }
    errors.add(row_column(row, column), field.reason);
  }
}

// Whether two records hold the same data; ids and timestamps aside.
inline bool same_record(Json before, Json after) {
  before.erase("updated_at");
  after.erase("updated_at");
  return before == after;
}

inline std::string lower(std::string text) {
  for (char& character : text)
    character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
  return text;
}

}  // namespace waymark::app::import_rows
