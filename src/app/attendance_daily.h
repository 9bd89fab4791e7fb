// The daily attendance summary a commissioning school (or local authority) needs for its own
// register: each pupil it has placed, with the AM and PM codes the provider recorded that day and
// what they mean. The school records its own code (B, D, K ...) by its own rules; this says what
// happened at the provider.
//
// Who: users of a school or local authority with the read rights to see the pupils (commissioner-
// only users included). Providers are Forbidden: they have the registers themselves.
#pragma once

#include <string>
#include <vector>

#include "app/attendance_queries.h"
#include "app/context.h"
#include "core/user.h"

namespace waymark::app {

struct DailySession {
  std::string code;     // the recorded code; "" when none
  std::string meaning;  // the code's meaning, or "Not yet taken" / "Not timetabled"
  std::optional<int> minutes_late;
};

struct DailyRow {
  Id pupil_id = 0;
  std::string upn;
  std::string name;  // "Smith, Sam"
  std::string provider_name;
  std::string provider_urn;
  DailySession am;
  DailySession pm;
};

struct DailySummary {
  Date date;
  std::string organisation_name;
  std::vector<DailyRow> rows;  // by name
};

// Every pupil with a current placement commissioned by the actor's organisation on `date` (or a
// mark that day). Forbidden for providers.
Result<DailySummary> daily_attendance(Context& context, const Actor& actor, Date date);

// This school week's attendance (Monday to `day`) of the pupils the actor's organisation placed,
// per pupil. Forbidden for providers, as above.
Result<std::vector<PupilWeekAttendance>> commissioned_week_attendance(Context& context,
                                                                      const Actor& actor, Date day);

}  // namespace waymark::app
