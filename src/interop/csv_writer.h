// Writing CSV (RFC 4180, CRLF line ends) for downloads and exports. Quoting and quote-doubling are
// libcsv's (csv_write); a cell is quoted only when it must be (a comma, quote, line break or
// surrounding space), so simple files read as plainly as `upn,date,session,code`.
//
// A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
// return) is written with a leading apostrophe: exports hold names typed by users, and opening
// one must never run anything.
#pragma once

#include <string>
#include <vector>

namespace waymark {

// One record, ending in CRLF.
std::string csv_line(const std::vector<std::string>& cells);

}  // namespace waymark
