#include "interop/placement_csv.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "interop/csv_table.h"

namespace waymark::interop {

namespace {

constexpr std::size_t kRequiredColumns = 4;  // the first four of placement_csv_columns()

// "Planning meeting" -> "planning_meeting": labels as a spreadsheet shows them, as keys.
std::string as_key(std::string_view text) {
  std::string key;
  for (char character : trim_cell(text))
    key += character == ' ' || character == '-'
               ? '_'
               : static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
  return key;
}

Result<double> parse_hours(std::string_view text, const std::string& field) {
  text = trim_cell(text);
  if (text.empty()) return 0.0;
  double hours = 0;
  auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), hours);
  if (status != std::errc{} || end != text.data() + text.size())
    return Error::invalid(field, fmt::format("'{}' is not a number of hours (like 12.5)", text));
  return hours;
}

Result<std::vector<TimetableSlot>> parse_timetable(std::string_view text,
                                                   const std::string& field) {
  std::vector<TimetableSlot> slots;
  while (!text.empty()) {
    std::size_t end = text.find(';');
    std::string_view session = trim_cell(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (session.empty()) continue;  // "Mon AM;" and ";;" are slips, not sessions
    slots.push_back(WAYMARK_TRY(parse_timetable_slot(session, field)));
  }
  return slots;
}

Result<std::optional<Date>> parse_optional_date(std::string_view text, const std::string& field) {
  text = trim_cell(text);
  if (text.empty()) return std::optional<Date>{};
  return std::optional<Date>{WAYMARK_TRY(Date::parse(text, field))};
}

Result<std::optional<EndReason>> parse_optional_end_reason(std::string_view text,
                                                           const std::string& field) {
  std::string key = as_key(text);
  if (key.empty()) return std::optional<EndReason>{};
  return std::optional<EndReason>{WAYMARK_TRY(parse_end_reason(key, field))};
}

struct DateColumn {
  const char* name;
  std::optional<Date> Placement::*member;
};
constexpr DateColumn kOptionalDateColumns[] = {
    {"start_date", &Placement::start_date},
    {"planned_end_date", &Placement::planned_end_date},
    {"actual_end_date", &Placement::actual_end_date},
};

struct TextColumn {
  const char* name;
  std::string Placement::*member;
};
constexpr TextColumn kOptionalTextColumns[] = {
    {"reason", &Placement::reason},
    {"objectives", &Placement::objectives},
    {"reintegration_plan", &Placement::reintegration_plan},
    {"end_notes", &Placement::end_notes},
};

// Reads one data row, adding every cell problem to `errors`.
app::PlacementImportRow read_row(const CsvTable& table, const CsvRow& csv_row, ErrorList& errors) {
  app::PlacementImportRow row;
  row.row = csv_row.number;
  Placement& placement = row.placement;
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
  };
  auto supplies = [&](const char* column) { row.column_of_field[column] = column; };

  std::string_view upn = trim_cell(cell("upn"));
  if (upn.empty()) {
    errors.add(field("upn"), "is required: placements are matched to pupils by UPN");
  } else if (auto parsed = Upn::parse(upn, field("upn")); parsed.ok()) {
    row.upn = parsed->str();
  } else {
    errors.add_all(parsed.error());
  }
  row.provider_urn = std::string(trim_cell(cell("provider_urn")));
  if (row.provider_urn.empty()) errors.add(field("provider_urn"), "is required");
  row.commissioner_urn = std::string(trim_cell(cell("commissioner_urn")));
  if (row.commissioner_urn.empty()) errors.add(field("commissioner_urn"), "is required");
  supplies("referral_date");
  take(Date::parse(trim_cell(cell("referral_date")), field("referral_date")),
       placement.referral_date);

  for (auto [column, member] : kOptionalDateColumns) {
    if (!has(column)) continue;
    supplies(column);
    take(parse_optional_date(cell(column), field(column)), placement.*member);
  }
  for (auto [column, member] : kOptionalTextColumns) {
    if (!has(column)) continue;
    supplies(column);
    placement.*member = std::string(cell(column));
  }
  if (has("hours_per_week")) {
    supplies("hours_per_week");
    take(parse_hours(cell("hours_per_week"), field("hours_per_week")), placement.hours_per_week);
  }
  if (has("timetable")) {
    supplies("timetable");
    take(parse_timetable(cell("timetable"), field("timetable")), placement.timetable);
  }
  if (std::string status = as_key(cell("status")); !status.empty()) {
    supplies("status");
    take(parse_placement_status(status, field("status")), placement.status);
  }
  if (has("end_reason")) {
    supplies("end_reason");
    take(parse_optional_end_reason(cell("end_reason"), field("end_reason")), placement.end_reason);
  }
  return row;
}

}  // namespace

const std::vector<std::string>& placement_csv_columns() {
  static const std::vector<std::string> columns = {"upn",
                                                   "provider_urn",
                                                   "commissioner_urn",
                                                   "referral_date",
                                                   "start_date",
                                                   "planned_end_date",
                                                   "actual_end_date",
                                                   "hours_per_week",
                                                   "status",
                                                   "timetable",
                                                   "reason",
                                                   "objectives",
                                                   "reintegration_plan",
                                                   "end_reason",
                                                   "end_notes"};
  return columns;
}

Result<std::vector<app::PlacementImportRow>> read_placement_csv(std::string_view bytes) {
  CsvTable table = WAYMARK_TRY(CsvTable::parse(bytes));
  WAYMARK_TRY_STATUS(table.check_columns(placement_csv_columns(), kRequiredColumns));
  ErrorList errors;
  std::vector<app::PlacementImportRow> rows;
  for (const CsvRow& csv_row : table.rows()) rows.push_back(read_row(table, csv_row, errors));
  if (!errors.empty()) return errors.to_error();
  return rows;
}

}  // namespace waymark::interop
