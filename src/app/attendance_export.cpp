#include "app/attendance_export.h"

#include "app/attendance_codec.h"

namespace waymark::app {

namespace {

constexpr int kMaxRangeDays = 3660;

}  // namespace

Result<std::vector<AttendanceExportRow>> export_attendance(
    store::Connection& connection, const std::string& from_text, const std::string& to_text,
    const std::optional<std::string>& school_urn) {
  ErrorList errors;
  auto from = Date::parse(from_text, "--from");
  if (!from.ok()) errors.add_all(from.error());
  auto to = Date::parse(to_text, "--to");
  if (!to.ok()) errors.add_all(to.error());
  if (from.ok() && to.ok()) {
    if (*to < *from)
      errors.add("--to", "must be on or after --from");
    else if (to->days() - from->days() > kMaxRangeDays)
      errors.add("--to", "the range can be at most ten years");
  }
  std::optional<Id> commissioner_id;
  if (school_urn) {
    auto organisation = connection.organisation_by_urn(*school_urn);
    if (!organisation || organisation->kind == OrgKind::Provider)
      errors.add("--school", "no school or local authority has URN " + *school_urn);
    else
      commissioner_id = organisation->id;
  }
  if (!errors.empty()) return errors.to_error();
  std::vector<AttendanceExportRow> rows;
  for (store::MarkExportRow& mark :
       connection.attendance().export_rows(*from, *to, commissioner_id)) {
    const AttendanceCode* entry = code_entry(mark.code, mark.date);
    rows.push_back(AttendanceExportRow{std::move(mark), entry ? entry->meaning : ""});
  }
  return rows;
}

}  // namespace waymark::app
