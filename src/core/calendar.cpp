#include "core/calendar.h"

namespace waymark {

Status validate_term(const Term& term, const Term* parent) {
  ErrorList errors;
  if (term.name.empty()) errors.add("name", "is required");
  if (term.name.size() > 60) errors.add("name", "must be at most 60 characters");
  if (term.end_date < term.start_date) errors.add("end_date", "must not be before the start date");
  Date year_start = Date::from_ymd(term.academic_year, 9, 1);
  Date year_end = Date::from_ymd(term.academic_year + 1, 8, 31);
  if (term.start_date < year_start || term.start_date > year_end)
    errors.add("start_date", "must fall within the academic year (1 September to 31 August)");
  if (term.end_date < year_start || term.end_date > year_end)
    errors.add("end_date", "must fall within the academic year (1 September to 31 August)");
  if (parent != nullptr &&
      (term.start_date < parent->start_date || term.end_date > parent->end_date))
    errors.add("start_date", "a half term must fall within its term");
  if (!errors.empty()) return errors.to_error();
  return {};
}

bool is_school_day(Date on, const std::vector<Term>& terms,
                   const std::vector<ClosureDay>& closures) {
  if (on.weekday() > 5) return false;
  // Half-term holidays lie inside a term but between its half terms, so where a term is divided
  // into half terms, only the half terms count.
  bool in_session = false;
  for (const auto& term : terms) {
    if (!(term.start_date <= on && on <= term.end_date)) continue;
    if (term.parent_term_id != 0) {
      in_session = true;
      continue;
    }
    bool divided = false;
    for (const auto& other : terms)
      if (other.parent_term_id == term.id) divided = true;
    if (!divided) in_session = true;
  }
  if (!in_session) return false;
  for (const auto& closure : closures)
    if (closure.date == on) return false;
  return true;
}

Status validate_subject(const Subject& subject) {
  ErrorList errors;
  if (subject.name.empty()) errors.add("name", "is required");
  if (subject.name.size() > 80) errors.add("name", "must be at most 80 characters");
  if (subject.code.size() > 10) errors.add("code", "must be at most 10 characters");
  if (!errors.empty()) return errors.to_error();
  return {};
}

Status validate_teaching_group(const TeachingGroup& group) {
  ErrorList errors;
  if (group.name.empty()) errors.add("name", "is required");
  if (group.name.size() > 60) errors.add("name", "must be at most 60 characters");
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace waymark
