// Academic years and National Curriculum year groups in England.
// An academic year runs from 1 September to 31 August and is named by the calendar year it starts
// in (2025 means 2025/26). A pupil's National Curriculum year is their chronological year group:
// the one they would be in by date of birth alone. Pupils taught out of their year group (common
// in alternative provision) still have this chronological year in DfE returns.
#pragma once

#include <string>

#include "core/date.h"
#include "core/result.h"

namespace waymark {

// The lowest and highest year groups Waymark tracks: Reception (0) to Year 13.
inline constexpr int kReceptionYear = 0;
inline constexpr int kFinalYear = 13;

// The calendar year in which the academic year containing `on` started: 31 Aug 2026 -> 2025,
// 1 Sep 2026 -> 2026. Never fails.
int academic_year_start(Date on);

// The National Curriculum year of a pupil born on `dob` during the academic year starting in
// `academic_year_start`. A pupil is in Year N in the academic year in which they turn N + 5, so
// anyone born 1 Sep 2012 to 31 Aug 2013 is in Year 8 in 2025/26; Reception is 0.
// On success, returns a year from kReceptionYear to kFinalYear.
// On failure (the pupil would be below Reception or above Year 13 that year, including a date of
// birth in the future), returns Invalid on field `field`, with a reason that starts "date of birth
// puts the pupil outside school age" and names the year group and academic year it would give.
Result<int> nc_year_for(Date dob, int academic_year_start, const std::string& field = "dob");

// "Reception" for 0, otherwise "Year N" (e.g. "Year 7").
std::string nc_year_label(int year);

// "2025/26" for 2025; "1999/00" for 1999.
std::string academic_year_label(int start);

}  // namespace waymark
