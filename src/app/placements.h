// Use cases on placements and on the roll (enrolments).
//
// Who may do what: a placement is written by the staff of its provider (admin, teacher, head) or of
// its commissioner (those roles, or commissioner); the pupil must be visible to them. A status
// change follows core's check_status_change and is audited as "status". Enrolments (a school's
// roll) are written by that school's admins, teachers and heads.
#pragma once

#include <functional>

#include "app/context.h"
#include "core/placement.h"
#include "core/user.h"

namespace waymark::app {

// `placement.pupil_id` names the pupil. Invalid with every problem (including a provider that is
// not a provider, or a commissioner that is not a school or LA); NotFound for an invisible pupil;
// Forbidden when the actor's organisation is neither the provider nor the commissioner.
Result<Id> create_placement(Context& context, const Actor& actor, const Placement& placement);

using PlacementChange = std::function<void(Placement&, ErrorList&)>;
Result<Placement> update_placement(Context& context, const Actor& actor, Id placement_id,
                                   const PlacementChange& change,
                                   std::optional<std::int64_t> expected_updated_at = std::nullopt);

// NotFound when the placement's pupil is not visible.
Result<Placement> get_placement(Context& context, const Actor& actor, Id placement_id);

Result<Id> create_enrolment(Context& context, const Actor& actor, const Enrolment& enrolment);
using EnrolmentChange = std::function<void(Enrolment&, ErrorList&)>;
Result<Enrolment> update_enrolment(Context& context, const Actor& actor, Id pupil_id,
                                   Id enrolment_id, const EnrolmentChange& change);

}  // namespace waymark::app
