#include "interop/attendance_csv.h"

#include "interop/csv_writer.h"

namespace waymark {

namespace {

std::string minutes(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "";
}

}  // namespace

std::string attendance_export_csv(const std::vector<app::AttendanceExportRow>& rows) {
  std::string csv = csv_line(
      {"upn", "date", "session", "code", "minutes_late", "meaning", "provider_urn", "school_urn"});
  for (const auto& row : rows)
    csv += csv_line({row.mark.upn, row.mark.date.iso(), to_string(row.mark.session), row.mark.code,
                     minutes(row.mark.minutes_late), row.meaning, row.mark.provider_urn,
                     row.mark.commissioner_urn});
  return csv;
}

std::string daily_attendance_csv(const app::DailySummary& summary) {
  std::string csv =
      csv_line({"upn", "name", "date", "provider", "provider_urn", "am_code", "am_meaning",
                "am_minutes_late", "pm_code", "pm_meaning", "pm_minutes_late"});
  for (const auto& row : summary.rows)
    csv += csv_line({row.upn, row.name, summary.date.iso(), row.provider_name, row.provider_urn,
                     row.am.code, row.am.meaning, minutes(row.am.minutes_late), row.pm.code,
                     row.pm.meaning, minutes(row.pm.minutes_late)});
  return csv;
}

}  // namespace waymark
