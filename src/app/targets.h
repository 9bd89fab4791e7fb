// Targets (issue 3 item 4; policy 004 §4.5): a target per pupil and subject, on the subject's
// scale for the pupil's stage, set from the baseline. Every revision is a new record (who, when,
// why); the current target is the latest; a revision without a reason is refused.
//
// Who may set one: the admins, teachers and heads of a provider where the pupil is placed, or of
// a school with the pupil on its roll, for one of their own organisation's subjects. Anyone who
// sees the pupil reads. Another organisation's pupil is NotFound.
#pragma once

#include <string>
#include <vector>

#include "app/context.h"
#include "core/target.h"
#include "core/user.h"

namespace waymark::app {

// The latest target per subject, ordered by subject name. No authorisation: for other areas,
// whose use cases have already checked the pupil is visible.
std::vector<Target> current_targets(store::Connection& connection, Id pupil_id);

struct TargetsView {
  std::vector<Target> current;  // per subject, by subject name
  std::vector<Target> history;  // every revision, newest first
  bool can_set = false;
};
Result<TargetsView> list_targets(Context& context, const Actor& actor, Id pupil_id);

// Sets or revises the target for (pupil, subject). `grade` is read on the subject's scale for the
// pupil's NC year this academic year: Invalid on "grade" with the scale's message when it is not on
// it; on "subject_id" for a subject not of the actor's organisation; on "reason" for a revision
// without one. Forbidden for a role or organisation that may not set targets.
Result<Target> set_target(Context& context, const Actor& actor, Id pupil_id, Id subject_id,
                          const std::string& grade, const std::string& reason);

}  // namespace waymark::app
