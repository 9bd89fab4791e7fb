// Attendance as CSV: the `waymark export attendance` file and the daily summary download.
#pragma once

#include <string>
#include <vector>

#include "app/attendance_daily.h"
#include "app/attendance_export.h"

namespace waymark {

// Header: upn,date,session,code,minutes_late,meaning,provider_urn,school_urn (session AM or PM;
// school_urn is the commissioning school's or local authority's URN).
std::string attendance_export_csv(const std::vector<app::AttendanceExportRow>& rows);

// Header: upn,name,date,provider,provider_urn,am_code,am_meaning,am_minutes_late,pm_code,
// pm_meaning,pm_minutes_late.
std::string daily_attendance_csv(const app::DailySummary& summary);

}  // namespace waymark
