// Who may write classwork, and which subjects take exit tickets. Shared by exit_tickets.cpp,
// classwork_work.cpp and evidence_files.cpp.
#pragma once

#include <vector>

#include "app/context.h"
#include "core/calendar.h"
#include "core/user.h"

namespace waymark::app {

// Ok when the actor may record classwork for the pupil: the pupil is visible (NotFound
// otherwise) and the actor is a teacher, head or admin of a provider (Forbidden otherwise; a
// provider only sees pupils placed with it, so visibility settles "placed here").
Status require_classwork_writer(store::Connection& connection, const Actor& actor, Id pupil_id);

// The subjects of `organisation_id` that take exit tickets: those configured, or by default its
// subjects named Mathematics (or Maths), English and Science. Ordered by name.
std::vector<Subject> exit_ticket_subjects(store::Connection& connection, Id organisation_id);

// The actor's organisation's exit-ticket subjects (any signed-in reader).
Result<std::vector<Subject>> list_exit_ticket_subjects(Context& context, const Actor& actor);
// Replaces the list (admins of the organisation). Invalid on "subject_ids" when one is not a
// subject of the organisation or the list is empty. Audited as entity "exit_ticket_subjects".
Result<std::vector<Subject>> set_exit_ticket_subjects(Context& context, const Actor& actor,
                                                      const std::vector<Id>& subject_ids);

// Ok when `subject_id` is one of `organisation_id`'s subjects; Invalid on `field` otherwise.
Status check_own_subject(store::Connection& connection, Id organisation_id, Id subject_id,
                         const char* field = "subject_id");

}  // namespace waymark::app
