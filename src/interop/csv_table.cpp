#include "interop/csv_table.h"

#include <csv.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace waymark {

namespace {

constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// Enough to show a user the pattern of a problem without burying them; the rest follow the same
// pattern far more often than not.
constexpr std::size_t kMaxReportedRowProblems = 50;

constexpr std::string_view kSaveAsUtf8 =
    "save the file from Excel as \"CSV UTF-8 (Comma delimited)\" and try again";

// A record as libcsv delivered it, before the header is known.
struct Record {
  int index;  // position among all records in the file, blank ones included; the first is 0
  std::vector<std::string> cells;
};

// What the libcsv callbacks build up.
struct Reader {
  std::vector<Record> records;     // non-blank records only
  std::vector<std::string> cells;  // of the record being read
  int record_index = 0;            // index of the record being read
};

bool all_empty(const std::vector<std::string>& cells) {
  return std::ranges::all_of(cells, [](const std::string& cell) { return cell.empty(); });
}

void on_cell(void* data, std::size_t length, void* context) {
  auto* reader = static_cast<Reader*>(context);
  if (data == nullptr) {
    reader->cells.emplace_back();
  } else {
    reader->cells.emplace_back(static_cast<const char*>(data), length);
  }
}

// Called at every line end outside quotes (CSV_REPALL_NL reports blank lines too, which keeps
// record_index in step with the lines a spreadsheet shows) and at the end of the file.
void on_record_end(int /*terminator*/, void* context) {
  auto* reader = static_cast<Reader*>(context);
  if (!all_empty(reader->cells)) {
    reader->records.push_back({reader->record_index, std::move(reader->cells)});
  }
  reader->cells.clear();
  ++reader->record_index;
}

// libcsv sees CR and LF each as a line end, so CRLF would look like a line and a blank line.
// Turning every CRLF and lone CR into LF first makes one byte one line end, and gives quoted
// cells a single form of line break.
std::string with_lf_line_ends(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t byte_idx = 0; byte_idx < text.size(); ++byte_idx) {
    if (text[byte_idx] != '\r') {
      result.push_back(text[byte_idx]);
    } else if (byte_idx + 1 == text.size() || text[byte_idx + 1] != '\n') {
      result.push_back('\n');
    }
  }
  return result;
}

// Rejects truncated and over-long sequences, UTF-16 surrogates and code points past U+10FFFF,
// as Windows-1252 text (Excel's plain "CSV" on a UK machine) would otherwise slip through.
bool is_valid_utf8(std::string_view text) {
  std::size_t byte_idx = 0;
  while (byte_idx < text.size()) {
    auto lead = static_cast<unsigned char>(text[byte_idx]);
    if (lead < 0x80) {
      ++byte_idx;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if ((lead & 0xE0) == 0xC0) {
      length = 2;
      code_point = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code_point = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      code_point = lead & 0x07;
    } else {
      return false;
    }
    if (byte_idx + length > text.size()) return false;
    for (std::size_t continuation_idx = 1; continuation_idx < length; ++continuation_idx) {
      auto continuation = static_cast<unsigned char>(text[byte_idx + continuation_idx]);
      if ((continuation & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (continuation & 0x3F);
    }
    constexpr std::uint32_t kSmallestForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kSmallestForLength[length]) return false;
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return false;
    byte_idx += length;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  auto is_space = [](char character) {
    return character == ' ' || character == '\t' || character == '\n';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string header_key(std::string_view text) {
  std::string key(trim(text));
  for (char& character : key) {
    if (character >= 'A' && character <= 'Z') character = static_cast<char>(character - 'A' + 'a');
  }
  return key;
}

// Where libcsv stopped, for an error that ends parsing: the record being read when it stopped.
std::string location(const Reader& reader) {
  if (reader.records.empty()) return "header";
  return fmt::format("row {}", reader.record_index - reader.records.front().index);
}

std::string describe_column(const std::vector<std::string>& headers, std::size_t column_idx) {
  if (column_idx < headers.size() && !headers[column_idx].empty()) {
    return fmt::format("column '{}'", headers[column_idx]);
  }
  return fmt::format("column {}", column_idx + 1);
}

// The first thing wrong with a data row, if anything.
std::optional<std::string> row_problem(const std::vector<std::string>& headers,
                                       const std::vector<std::string>& cells) {
  for (std::size_t column_idx = 0; column_idx < cells.size(); ++column_idx) {
    if (!is_valid_utf8(cells[column_idx])) {
      return fmt::format("{} is not valid UTF-8 text; {}", describe_column(headers, column_idx),
                         kSaveAsUtf8);
    }
  }
  // Empty cells past the header are harmless (spare commas); a value there would be lost.
  for (std::size_t column_idx = headers.size(); column_idx < cells.size(); ++column_idx) {
    if (!cells[column_idx].empty()) {
      return fmt::format(
          "has a value in column {}, which has no header; if a cell contains a "
          "comma, put quote marks (\") around the cell",
          column_idx + 1);
    }
  }
  return std::nullopt;
}

// Owns a libcsv parser's buffer for the length of one parse().
class Parser {
 public:
  Parser() { initialised_ = csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) == 0; }
  ~Parser() {
    if (initialised_) csv_free(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool initialised() const { return initialised_; }
  csv_parser* get() { return &parser_; }

 private:
  csv_parser parser_{};
  bool initialised_ = false;
};

}  // namespace

Result<CsvTable> CsvTable::parse(std::string_view bytes) {
  if (bytes.size() > kMaxBytes) {
    return Error::invalid(
        "file",
        fmt::format("is too large ({:.1f} MiB; the limit is {} MiB): split it into "
                    "smaller files",
                    static_cast<double>(bytes.size()) / (1024 * 1024), kMaxBytes / (1024 * 1024)));
  }
  if (bytes.starts_with(kUtf8ByteOrderMark)) bytes.remove_prefix(kUtf8ByteOrderMark.size());
  std::string text = with_lf_line_ends(bytes);

  Parser parser;
  if (!parser.initialised()) return Error::internal("could not start the CSV parser");
  Reader reader;
  std::size_t parsed =
      csv_parse(parser.get(), text.data(), text.size(), on_cell, on_record_end, &reader);
  if (parsed != text.size()) {
    int status = csv_error(parser.get());
    if (status != CSV_EPARSE) {
      return Error::internal(fmt::format("CSV parser failed: {}", csv_strerror(status)));
    }
    return Error::invalid(location(reader),
                          "has a stray quote mark (\"): a cell that contains quote marks must "
                          "start and end with one, and each quote mark inside it must be doubled");
  }
  // With CSV_STRICT_FINI, the only failure left is a quoted cell still open at the end of file.
  if (csv_fini(parser.get(), on_cell, on_record_end, &reader) != 0) {
    return Error::invalid(location(reader),
                          "has a cell that opens with a quote mark (\") but never closes it, so "
                          "the rest of the file was read into that cell");
  }
  if (reader.records.empty()) return Error::invalid("file", "is empty");

  const Record& header = reader.records.front();
  CsvTable table;
  ErrorList problems;
  for (std::size_t column_idx = 0; column_idx < header.cells.size(); ++column_idx) {
    if (!is_valid_utf8(header.cells[column_idx])) {
      return Error::invalid("header", fmt::format("column {} is not valid UTF-8 text; {}",
                                                  column_idx + 1, kSaveAsUtf8));
    }
    std::string key = header_key(header.cells[column_idx]);
    // Reported once per name, at its second use. Empty names are exempt: they come from spare
    // commas at the end of a header and no importer can ask for them.
    if (!key.empty() && std::ranges::count(table.headers_, key) == 1) {
      problems.add("header", fmt::format("column '{}' appears twice", key));
    }
    table.headers_.push_back(std::move(key));
  }
  if (!problems.empty()) return problems.to_error();

  for (std::size_t record_idx = 1; record_idx < reader.records.size(); ++record_idx) {
    Record& record = reader.records[record_idx];
    int number = record.index - header.index;
    if (std::optional<std::string> problem = row_problem(table.headers_, record.cells)) {
      if (problems.fields().size() == kMaxReportedRowProblems) {
        problems.add("file",
                     "has more rows with problems than are listed; fix these and try again");
        break;
      }
      problems.add(fmt::format("row {}", number), std::move(*problem));
      continue;
    }
    table.rows_.push_back({.number = number, .cells = std::move(record.cells)});
  }
  if (!problems.empty()) return problems.to_error();
  return table;
}

std::optional<std::size_t> CsvTable::column(std::string_view header) const {
  std::string key = header_key(header);
  if (key.empty()) return std::nullopt;
  auto found = std::ranges::find(headers_, key);
  if (found == headers_.end()) return std::nullopt;
  return static_cast<std::size_t>(found - headers_.begin());
}

std::string_view CsvTable::cell(const CsvRow& row, std::string_view header) const {
  std::optional<std::size_t> column_idx = column(header);
  if (!column_idx || *column_idx >= row.cells.size()) return {};
  return row.cells[*column_idx];
}

std::string_view trim_cell(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

Status CsvTable::check_columns(const std::vector<std::string>& known,
                               std::size_t required_count) const {
  ErrorList errors;
  for (std::size_t column_idx = 0; column_idx < required_count && column_idx < known.size();
       ++column_idx)
    if (!column(known[column_idx]))
      errors.add("header", fmt::format("missing column '{}'", known[column_idx]));
  // Empty header names (spare commas at the end of a header) are not columns anyone meant.
  for (const std::string& header : headers_) {
    if (header.empty() || std::ranges::find(known, header) != known.end()) continue;
    errors.add("header", fmt::format("column '{}' is not recognised (known columns: {})", header,
                                     fmt::join(known, ", ")));
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace waymark
