// Register marks for export (`waymark export attendance`): every current mark in a date range,
// optionally only those of placements commissioned by one school or local authority (by URN).
// The CLI runs as the database's operator, so there is no Actor: whoever holds the database file
// may read it whole.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/attendance_store.h"
#include "store/store.h"

namespace waymark::app {

struct AttendanceExportRow {
  store::MarkExportRow mark;
  std::string meaning;  // the code's DfE meaning
};

// `from` and `to` are the texts given on the command line (YYYY-MM-DD or DD/MM/YYYY). Invalid on
// "--from" / "--to" for a bad date, on "--to" when it is before --from or the range is longer
// than ten years, and on "--school" when no school or local authority has that URN.
Result<std::vector<AttendanceExportRow>> export_attendance(
    store::Connection& connection, const std::string& from, const std::string& to,
    const std::optional<std::string>& school_urn);

}  // namespace waymark::app
