// The attendance pages (issue 4), one registration per file, all called from
// register_attendance_pages (attendance_register_pages.cpp).
#pragma once

#include "web/router.h"
#include "web/templates.h"

namespace waymark::web {

// /registers/{date}/{session}: the keyboard grid (GET) and its no-JavaScript save (POST).
void register_register_grid_page(Router& router, const Templates& templates);
// /pupils/{id}/attendance: marks, rates, flags and the history of changes.
void register_pupil_attendance_page(Router& router, const Templates& templates);
// /attendance/daily and /attendance/daily.csv: a commissioning school's daily summary.
void register_daily_attendance_pages(Router& router, const Templates& templates);

}  // namespace waymark::web
