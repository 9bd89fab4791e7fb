#include "interop/csv_writer.h"

#include <csv.h>

namespace waymark {

namespace {

bool needs_quotes(const std::string& cell) {
  if (cell.empty()) return false;
  if (cell.front() == ' ' || cell.back() == ' ') return true;
  return cell.find_first_of(",\"\r\n") != std::string::npos;
}

std::string defused(const std::string& cell) {
  if (!cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos)
    return "'" + cell;
  return cell;
}

std::string quoted(const std::string& cell) {
  // csv_write reports the size it needs; the second call writes into a buffer of that size.
  const std::size_t size = csv_write(nullptr, 0, cell.data(), cell.size());
  std::string out(size, '\0');
  csv_write(out.data(), out.size(), cell.data(), cell.size());
  return out;
}

}  // namespace

std::string csv_line(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t index = 0; index < cells.size(); ++index) {
    if (index > 0) line += ',';
    const std::string cell = defused(cells[index]);
    line += needs_quotes(cell) ? quoted(cell) : cell;
  }
  line += "\r\n";
  return line;
}

}  // namespace waymark
