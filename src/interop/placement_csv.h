// Reading a placement CSV file into rows for app::import_placements. The pupils must already be
// recorded (import them first); this file only knows columns and cell formats.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/import.h"
#include "core/result.h"

namespace waymark::interop {

// Columns, matched ignoring case and surrounding spaces (file format as for CsvTable):
//   required: upn, provider_urn, commissioner_urn, referral_date
//   optional: start_date, planned_end_date, actual_end_date, hours_per_week, status, timetable,
//             reason, objectives, reintegration_plan, end_reason, end_notes
// Cells: upn a valid UPN (required: placements are matched to pupils by UPN); dates YYYY-MM-DD or
// DD/MM/YYYY, empty = none; hours a number like 12.5, empty = 0; status and end_reason as their
// keys or labels in any case ("active", "Planning meeting", "moved_on"); timetable sessions
// separated by ';' ("Mon AM; Tue PM"), empty = none. An optional column that is present is
// supplied (PlacementImportRow::column_of_field) and its empty cells clear the stored value,
// except status: an empty status leaves it as it is (Referred for a new placement).
//
// On success returns one row per data row, numbered as CsvTable numbers them. On failure returns
// Invalid with every problem: CsvTable's own; "header": "missing column 'referral_date'", "column
// 'x' is not recognised (known columns: ...)"; and "row N, column C" for each cell that cannot be
// read, across all rows.
Result<std::vector<app::PlacementImportRow>> read_placement_csv(std::string_view bytes);

// The columns read_placement_csv knows, required ones first.
const std::vector<std::string>& placement_csv_columns();

}  // namespace waymark::interop
