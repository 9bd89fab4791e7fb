#include "interop/pupil_csv.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "interop/csv_table.h"

namespace waymark::interop {

namespace {

constexpr std::size_t kRequiredColumns = 5;  // the first five of pupil_csv_columns()

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& character : result)
    character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
  return result;
}

Result<bool> parse_yes_no(std::string_view text, const std::string& field) {
  std::string answer = lower(trim_cell(text));
  if (answer.empty() || answer == "n" || answer == "no" || answer == "false" || answer == "0")
    return false;
  if (answer == "y" || answer == "yes" || answer == "true" || answer == "1") return true;
  return Error::invalid(field, fmt::format("'{}' is not yes or no (use Y or N)", text));
}

// A year group as schools write it: "7", "Y7", "Year 7", "R" or "Reception".
Result<std::optional<int>> parse_nc_year(std::string_view text, const std::string& field) {
  std::string year = lower(trim_cell(text));
  if (year.empty()) return std::optional<int>{};
  if (year == "r" || year == "reception") return std::optional<int>{0};
  std::string_view digits = year;
  if (digits.starts_with("year")) {
    digits.remove_prefix(4);
  } else if (digits.starts_with("y")) {
    digits.remove_prefix(1);
  }
  digits = trim_cell(digits);
  int value = 0;
  auto [end, status] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || status != std::errc{} || end != digits.data() + digits.size())
    return Error::invalid(
        field, fmt::format("'{}' is not a year group (0 to 14, or R for Reception)", text));
  return std::optional<int>{value};
}

// Optional free-text columns, each named as its Pupil field.
struct TextColumn {
  const char* name;
  std::string Pupil::*member;
};
constexpr TextColumn kOptionalTextColumns[] = {
    {"preferred_forename", &Pupil::preferred_forename},
    {"preferred_surname", &Pupil::preferred_surname},
    {"medical_needs", &Pupil::medical_needs},
};

// Reads one data row, adding every cell problem to `errors`.
app::PupilImportRow read_row(const CsvTable& table, const CsvRow& csv_row, ErrorList& errors) {
  app::PupilImportRow row;
  row.row = csv_row.number;
  Pupil& pupil = row.pupil;
  auto has = [&](std::string_view column) { return table.column(column).has_value(); };
  auto cell = [&](std::string_view column) { return table.cell(csv_row, column); };
  auto field = [&](std::string_view column) { return app::row_column(row.row, column); };
  // Stores a parsed value, or records why the cell could not be read.
  auto take = [&](auto parsed, auto& into) {
    if (parsed.ok()) {
      into = std::move(parsed).value();
    } else {
      errors.add_all(parsed.error());
    }
    return parsed.ok();
  };
  auto supplies = [&](const std::string& field_name, const std::string& column) {
    row.column_of_field[field_name] = column;
  };

  supplies("upn", "upn");
  if (!trim_cell(cell("upn")).empty()) {
    auto upn = Upn::parse(cell("upn"), field("upn"));
    if (upn.ok()) {
      pupil.upn = std::move(upn).value();
    } else {
      errors.add_all(upn.error());
    }
  }
  supplies("legal_forename", "forename");
  pupil.legal_forename = std::string(cell("forename"));
  supplies("legal_surname", "surname");
  pupil.legal_surname = std::string(cell("surname"));
  supplies("dob", "dob");
  take(Date::parse(trim_cell(cell("dob")), field("dob")), pupil.dob);
  supplies("sex", "sex");
  take(parse_sex(trim_cell(cell("sex")), field("sex")), pupil.sex);

  for (auto [column, member] : kOptionalTextColumns) {
    if (!has(column)) continue;
    supplies(column, column);
    pupil.*member = std::string(cell(column));
  }
  if (has("nc_year")) {
    supplies("nc_year_override", "nc_year");
    take(parse_nc_year(cell("nc_year"), field("nc_year")), pupil.nc_year_override);
  }
  for (const FlagField& flag : flag_fields()) {
    if (!has(flag.key)) continue;
    supplies(flag.key, flag.key);
    take(parse_yes_no(cell(flag.key), field(flag.key)), pupil.flags.*flag.member);
  }

  // SEN: a sen column, an ehcp column, or both (which must then agree).
  std::optional<SenStatus> sen;
  if (has("sen") && !trim_cell(cell("sen")).empty()) {
    SenStatus parsed = SenStatus::None;
    if (take(parse_sen_status(trim_cell(cell("sen")), field("sen")), parsed)) sen = parsed;
  }
  std::optional<bool> ehcp;
  if (has("ehcp")) {
    bool parsed = false;
    if (take(parse_yes_no(cell("ehcp"), field("ehcp")), parsed)) ehcp = parsed;
  }
  if (has("sen")) {
    supplies("sen", "sen");
    if (sen && ehcp && !trim_cell(cell("ehcp")).empty() && *ehcp != (*sen == SenStatus::Ehcp)) {
      errors.add(field("ehcp"),
                 fmt::format("says {}, but column sen says {}",
                             *ehcp ? "the pupil has an EHCP" : "no EHCP", to_string(*sen)));
    }
    pupil.sen = sen ? *sen : (ehcp.value_or(false) ? SenStatus::Ehcp : SenStatus::None);
  } else {
    row.ehcp = ehcp;
  }

  if (has("admission_date") && !trim_cell(cell("admission_date")).empty()) {
    Date admission;
    if (take(Date::parse(trim_cell(cell("admission_date")), field("admission_date")), admission))
      row.admission_date = admission;
  }
  row.commissioner_urn = std::string(trim_cell(cell("commissioner_urn")));
  row.provider_urn = std::string(trim_cell(cell("provider_urn")));
  return row;
}

}  // namespace

const std::vector<std::string>& pupil_csv_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> list = {
        "upn",     "forename", "surname", "dob", "sex", "preferred_forename", "preferred_surname",
        "nc_year", "sen",      "ehcp"};
    for (const FlagField& flag : flag_fields()) list.emplace_back(flag.key);
    for (const char* column :
         {"medical_needs", "admission_date", "commissioner_urn", "provider_urn"})
      list.emplace_back(column);
    return list;
  }();
  return columns;
}

Result<std::vector<app::PupilImportRow>> read_pupil_csv(std::string_view bytes) {
  CsvTable table = WAYMARK_TRY(CsvTable::parse(bytes));
  WAYMARK_TRY_STATUS(table.check_columns(pupil_csv_columns(), kRequiredColumns));
  ErrorList errors;
  std::vector<app::PupilImportRow> rows;
  for (const CsvRow& csv_row : table.rows()) rows.push_back(read_row(table, csv_row, errors));
  if (!errors.empty()) return errors.to_error();
  return rows;
}

}  // namespace waymark::interop
