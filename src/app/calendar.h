// The actor's own organisation's calendar (terms, half terms, closure days), subjects and teaching
// groups. Anyone in the organisation reads them; admins and heads change the calendar and
// subjects; admins, heads and teachers manage teaching groups.
#pragma once

#include <vector>

#include "app/context.h"
#include "core/calendar.h"
#include "core/user.h"

namespace waymark::app {

struct CalendarView {
  std::vector<Term> terms;  // terms and half terms, by start date
  std::vector<ClosureDay> closure_days;
};

CalendarView organisation_calendar(Context& context, const Actor& actor);
// Invalid for bad dates or a half term outside its parent (parent_term_id must be a term of the
// actor's organisation).
Result<Term> add_term(Context& context, const Actor& actor, Term term);  // the term as stored
Result<Id> add_closure_day(Context& context, const Actor& actor, ClosureDay closure);

std::vector<Subject> organisation_subjects(Context& context, const Actor& actor);
Result<Id> add_subject(Context& context, const Actor& actor, Subject subject);

std::vector<TeachingGroup> organisation_groups(Context& context, const Actor& actor);
// Staff must be users of the organisation; pupils must be visible to the actor (else Invalid,
// naming the position in the list, without saying whether the pupil exists).
Result<Id> save_teaching_group(Context& context, const Actor& actor, TeachingGroup group);

}  // namespace waymark::app
