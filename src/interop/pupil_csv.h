// Reading a pupil CSV file (upload or `waymark import pupils`) into rows for app::import_pupils.
// This file knows columns and cell formats; what a row means for the database is app/'s business.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/import.h"
#include "core/result.h"

namespace waymark::interop {

// Columns, matched ignoring case and surrounding spaces (see CsvTable for the file format: UTF-8
// with or without a byte order mark, CRLF or LF, quoted cells):
//   required: upn, forename, surname, dob, sex
//   optional: preferred_forename, preferred_surname, nc_year, sen, ehcp, each flag of
//             flag_fields() (pupil_premium, fsm, looked_after, child_in_need, child_protection,
//             eal, young_carer), medical_needs, admission_date, commissioner_urn, provider_urn
// Cells: an empty upn is a pupil without a UPN; dates are YYYY-MM-DD or DD/MM/YYYY; sex F, M or U;
// sen N, K or E (empty = N); nc_year a year group 0-14 or R (empty = none: the year follows the
// date of birth); flags and ehcp Y/N, yes/no, true/false or 1/0, empty = no. ehcp Y means sen E;
// when both columns are given they must agree. An optional column that is present is "supplied"
// (PupilImportRow::column_of_field), so an empty cell there clears the stored value on import.
//
// On success returns one row per data row, numbered as CsvTable numbers them (possibly none).
// On failure returns Invalid with every problem, and no rows:
// - CsvTable's own problems (empty file, bad UTF-8, quoting, ...);
// - "header": "missing column 'dob'", "column 'x' is not recognised (known columns: ...)";
// - "row N, column C": a cell that cannot be read, e.g. "row 7, column upn": "UPN invalid (wrong
//   check letter at character 1)". Header problems stop before the rows are read; cell problems
//   are reported for all rows.
Result<std::vector<app::PupilImportRow>> read_pupil_csv(std::string_view bytes);

// The columns read_pupil_csv knows, required ones first: for help text and templates.
const std::vector<std::string>& pupil_csv_columns();

}  // namespace waymark::interop
