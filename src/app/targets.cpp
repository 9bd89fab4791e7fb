#include "app/targets.h"

#include <algorithm>
#include <map>

#include "app/assessment_setup_codec.h"
#include "app/audit.h"
#include "app/grade_scales.h"
#include "app/visibility.h"
#include "core/nc_year.h"
#include "store/assessment_setup_store.h"

namespace waymark::app {

namespace {

// Providers where the pupil is placed (not ended), and schools with the pupil on roll.
bool works_with_pupil(store::Connection& connection, const Actor& actor, Id pupil_id) {
  if (actor.organisation_kind == OrgKind::Provider) {
    for (const Placement& placement : connection.placements_of(pupil_id))
      if (placement.provider_id == actor.organisation_id &&
          placement.status != PlacementStatus::Ended)
        return true;
    return false;
  }
  if (actor.organisation_kind == OrgKind::School) {
    for (const Enrolment& enrolment : connection.enrolments_of(pupil_id))
      if (enrolment.school_id == actor.organisation_id && !enrolment.leaving_date) return true;
  }
  return false;
}

bool may_set(store::Connection& connection, const Actor& actor, Id pupil_id) {
  return actor.can_edit_pupils() && works_with_pupil(connection, actor, pupil_id);
}

}  // namespace

std::vector<Target> current_targets(store::Connection& connection, Id pupil_id) {
  std::map<Id, Target> latest;  // by subject; revisions come oldest first, so the last wins
  for (Target& target : connection.assessment_setup().targets_of(pupil_id))
    latest[target.subject_id] = std::move(target);
  std::vector<Target> current;
  for (auto& [subject_id, target] : latest) current.push_back(std::move(target));
  std::stable_sort(current.begin(), current.end(), [](const Target& left, const Target& right) {
    return left.subject_name < right.subject_name;
  });
  return current;
}

Result<TargetsView> list_targets(Context& context, const Actor& actor, Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  TargetsView view;
  view.current = current_targets(connection, pupil_id);
  view.history = connection.assessment_setup().targets_of(pupil_id);
  std::reverse(view.history.begin(), view.history.end());
  view.can_set = may_set(connection, actor, pupil_id);
  return view;
}

Result<Target> set_target(Context& context, const Actor& actor, Id pupil_id, Id subject_id,
                          const std::string& grade, const std::string& reason) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  const Date today = context.clock.today();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<Target> {
    WAYMARK_TRY_STATUS(require_visible_pupil(tx, actor, pupil_id));
    WAYMARK_TRY_STATUS(require_pupil_editor(actor));
    if (!may_set(tx, actor, pupil_id))
      return Error::forbidden(
          "targets are set by the provider where the pupil is placed or the school whose roll "
          "they are on");
    auto subject = tx.assessment_setup().subject(subject_id);
    if (!subject || subject->organisation_id != actor.organisation_id)
      return Error::invalid("subject_id", "choose one of your organisation's subjects");
    const auto pupil = tx.pupil(pupil_id);
    const int nc_year = pupil ? pupil->nc_year(academic_year_start(today)).value_or(0) : 0;
    const GradeScale scale = WAYMARK_TRY(subject_scale(tx, subject_id, nc_year));
    std::optional<Target> previous;
    for (const Target& target : tx.assessment_setup().targets_of(pupil_id))
      if (target.subject_id == subject_id) previous = target;
    Target target{.id = 0,
                  .pupil_id = pupil_id,
                  .subject_id = subject_id,
                  .scale_key = scale.key(),
                  .grade_code = "",
                  .reason = reason,
                  .set_by = actor.user_id,
                  .set_at = now,
                  .set_by_name = actor.display_name,
                  .subject_name = subject->name};
    ErrorList errors;
    if (auto parsed = scale.parse(grade, "grade"); parsed.ok())
      target.grade_code = parsed->code;
    else
      errors.add_all(parsed.error());
    if (auto valid = validate_target(target, previous ? IsRevision::Yes : IsRevision::No);
        !valid.ok())
      for (const FieldError& field : valid.error().fields)
        if (field.field != "grade" || errors.empty()) errors.add(field.field, field.reason);
    if (!errors.empty()) return errors.to_error();
    target.id = tx.assessment_setup().insert_target(target);
    record_audit(tx, actor, now, previous ? "update" : "create", "target", target.id, pupil_id,
                 previous ? to_json(*previous) : Json(nullptr), to_json(target));
    return target;
  });
}

}  // namespace waymark::app
