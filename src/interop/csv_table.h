// A CSV file read whole into memory: a header row naming the columns, then data rows. Built on
// libcsv with RFC 4180 quoting, for the spreadsheets schools export (Excel's "CSV UTF-8" above
// all). Knows nothing about pupils: importers look cells up by header name and validate them.
//
// What parse() accepts:
// - UTF-8 text, with or without a leading byte order mark (Excel writes one).
// - Lines ending in CRLF, LF or CR. A line break inside a quoted cell is kept as "\n".
// - Cells wrapped in double quotes may hold commas, line breaks and quotes (written as "").
// - Spaces and tabs around a cell are dropped; inside quotes they are kept.
// - Blank lines, and lines whose cells are all empty (",,,", which Excel writes for rows that were
//   formatted but left empty), are skipped, before or after the header.
//
// Row numbers: the header is row 0 and the line after it row 1, and skipped blank lines still
// count, so "row N" is spreadsheet row N + 1 when the header is on the first line. A quoted cell
// spanning several lines is one row, as it is in a spreadsheet.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace waymark {

// `text` without leading and trailing whitespace (ASCII): how importers read a cell.
std::string_view trim_cell(std::string_view text);

struct CsvRow {
  int number;  // 1-based data row number: the first row after the header is row 1 (see above)
  std::vector<std::string> cells;  // as written; may be shorter than the header
};

class CsvTable {
 public:
  // Larger files are refused before parsing: no school export comes near it, and the whole file
  // is held in memory.
  static constexpr std::size_t kMaxBytes = 20 * 1024 * 1024;

  // Parses a whole file. On success the table has the header row's names and every non-blank
  // data row (possibly none).
  // On failure returns Invalid, reporting:
  // - field "file": more than kMaxBytes; or empty (nothing but blank lines): "is empty".
  // - field "header": a header cell that is not valid UTF-8; a header name used twice ("column
  //   'upn' appears twice", one entry per repeated name; empty header names may repeat); or a
  //   quoting error in the header row.
  // - field "row N": a cell that is not valid UTF-8 (the reason names the column and says how to
  //   save as UTF-8); a quote left open until the end of the file; a stray quote (a quote inside a
  //   cell that does not start with one, or text straight after a closing quote); or a value in a
  //   column beyond the last header (usually an unquoted comma inside a cell).
  // Stray quotes and unclosed quotes stop parsing, so only the first is reported; other row
  // problems are all reported together, up to a limit, after which a "file" entry says so.
  static Result<CsvTable> parse(std::string_view bytes);

  // The header row's names, trimmed and lower-cased (ASCII only), one per column. A column with
  // an empty header cell has an empty name.
  const std::vector<std::string>& headers() const { return headers_; }

  // The index of the column named `header`, compared after trimming and ASCII lower-casing, or
  // nullopt if there is none (always nullopt for an empty name).
  std::optional<std::size_t> column(std::string_view header) const;

  const std::vector<CsvRow>& rows() const { return rows_; }

  // The cell of `row` under `header`, or "" when there is no such column or the row is too short
  // to reach it. The view points into `row` and lives as long as it does.
  std::string_view cell(const CsvRow& row, std::string_view header) const;

  // Checks the header against an importer's columns: the first `required_count` of `known` must
  // be present, and every other non-empty header must be one of `known` (an unknown column is
  // usually a typo, and silently ignoring it would drop the user's data). Invalid with one
  // "header" entry per problem, all reported at once.
  Status check_columns(const std::vector<std::string>& known, std::size_t required_count) const;

 private:
  std::vector<std::string> headers_;
  std::vector<CsvRow> rows_;
};

}  // namespace waymark
