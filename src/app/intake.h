// Intake from the home school (issue 3 item 1; policy 000 ¶1, policy 004 §4.3), per placement, and
// the work the home school wants completed, tracked to completion.
//
// Who may do what: anyone who sees the pupil reads. The intake and the list of work are written by
// the commissioning organisation's users (commissioner, admin, teacher or head of that school or
// LA) and by the provider's admins and heads; the provider's teachers may also move work on
// (status, completion). Others get Forbidden; a placement whose pupil the actor cannot see is
// NotFound. Every write is audited in its transaction.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "app/context.h"
#include "core/intake.h"
#include "core/placement.h"
#include "core/user.h"

namespace waymark::app {

struct IntakeView {
  Placement placement;
  std::optional<Intake> intake;  // nullopt until someone enters it
  std::vector<HomeSchoolWork> work;
  bool can_edit = false;         // may change the intake and add work
  bool can_update_work = false;  // may move work on
};

Result<IntakeView> get_intake(Context& context, const Actor& actor, Id placement_id);

// Applies `change` to the current intake (or a blank one) and saves it. Grades are checked against
// their scales (as the provider sees them); a grade given without a scale takes the default:
// working-at on ks3 for Years 7-9 and gcse_fine otherwise, KS4 target gcse_fine, KS3 target ks3.
// A grade not on its scale is Invalid on e.g. "maths.working_at" with GradeScale::parse's
// message; an unknown scale on "maths.working_at.scale".
using IntakeChange = std::function<void(Intake&, ErrorList&)>;
Result<Intake> put_intake(Context& context, const Actor& actor, Id placement_id,
                          const IntakeChange& change);

// The intake of the pupil's latest placement that has one (placements newest referral first), for
// other areas (feedback forms use the KS4 target). No authorisation: callers check visibility.
std::optional<Intake> intake_for_pupil(store::Connection& connection, Id pupil_id);

// Adds an item to the placement's list (status Set unless given; completed today when given as
// completed without a date). Invalid as validate_home_school_work reports it.
Result<HomeSchoolWork> add_home_school_work(Context& context, const Actor& actor, Id placement_id,
                                            HomeSchoolWork work);

using WorkChange = std::function<void(HomeSchoolWork&, ErrorList&)>;
// Completing an item without a completed date records today; moving it back clears the date.
Result<HomeSchoolWork> update_home_school_work(Context& context, const Actor& actor, Id work_id,
                                               const WorkChange& change);

}  // namespace waymark::app
