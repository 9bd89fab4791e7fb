// Each organisation's school calendar, subjects and teaching groups.
// Dates are Europe/London calendar dates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"

namespace waymark {

// A term or a half term. Half terms have a parent term.
struct Term {
  Id id = 0;
  Id organisation_id = 0;
  int academic_year = 2025;  // the year the academic year starts in: 2025 means 2025/26
  std::string name;          // "Autumn", "Autumn 1"
  Date start_date;
  Date end_date;
  Id parent_term_id = 0;  // 0 for a term; the term's id for a half term
};

struct ClosureDay {
  Id id = 0;
  Id organisation_id = 0;
  Date date;
  std::string reason;  // "INSET day", "Bank holiday"
};

// Name required; start <= end; both inside the academic year (1 Sep .. 31 Aug); a half term inside
// its parent term (checked when `parent` is given).
Status validate_term(const Term& term, const Term* parent);

// Whether `on` is a school day: Monday to Friday, inside a term, not a closure day.
bool is_school_day(Date on, const std::vector<Term>& terms,
                   const std::vector<ClosureDay>& closures);

struct Subject {
  Id id = 0;
  Id organisation_id = 0;
  std::string name;  // "Mathematics"
  std::string code;  // "MA"
};

Status validate_subject(const Subject& subject);

struct TeachingGroup {
  Id id = 0;
  Id organisation_id = 0;
  std::string name;   // "10MA1", "KS4 English"
  Id subject_id = 0;  // 0 when the group is not tied to one subject (a tutor group)
  int academic_year = 2025;
  std::vector<Id> staff_ids;
  std::vector<Id> pupil_ids;
};

Status validate_teaching_group(const TeachingGroup& group);

}  // namespace waymark
