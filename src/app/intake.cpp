#include "app/intake.h"

#include "app/assessment_setup_codec.h"
#include "app/audit.h"
#include "app/grade_scales.h"
#include "app/visibility.h"
#include "core/nc_year.h"
#include "store/assessment_setup_store.h"

namespace waymark::app {

namespace {

bool may_edit(const Actor& actor, const Placement& placement) {
  if (actor.organisation_id == placement.commissioner_id) return actor.can_commission();
  if (actor.organisation_id == placement.provider_id)
    return actor.roles.has(Role::Admin) || actor.roles.has(Role::Head);
  return false;
}

bool may_update_work(const Actor& actor, const Placement& placement) {
  if (may_edit(actor, placement)) return true;
  return actor.organisation_id == placement.provider_id && actor.can_edit_pupils();
}

// The placement, when its pupil is visible to the actor; NotFound otherwise.
Result<Placement> visible_placement(store::Connection& connection, const Actor& actor,
                                    Id placement_id) {
  auto placement = connection.placement(placement_id);
  if (!placement || !connection.pupil_visible(placement->pupil_id, visibility_of(actor)))
    return Error::not_found("placement");
  return std::move(*placement);
}

// Fills default scales and checks each grade's code against its scale, normalising the code.
void check_grade(store::Connection& connection, Id organisation_id, const std::string& field,
                 const std::string& default_scale, std::optional<GradeRef>& grade,
                 ErrorList& errors) {
  if (!grade) return;
  if (grade->scale_key.empty()) grade->scale_key = default_scale;
  auto scale = scale_for(connection, organisation_id, grade->scale_key);
  if (!scale.ok()) {
    errors.add(field + ".scale", "is not a grade scale");
    return;
  }
  auto parsed = scale->parse(grade->code, field);
  if (!parsed.ok()) {
    errors.add_all(parsed.error());
    return;
  }
  grade->code = parsed->code;
}

void check_subject(store::Connection& connection, Id organisation_id, const std::string& name,
                   int nc_year, SubjectIntake& subject, ErrorList& errors) {
  check_grade(connection, organisation_id, name + ".working_at",
              nc_year >= 10 ? "gcse_fine" : "ks3", subject.working_at, errors);
  check_grade(connection, organisation_id, name + ".ks4_target", "gcse_fine", subject.ks4_target,
              errors);
  check_grade(connection, organisation_id, name + ".ks3_target", "ks3", subject.ks3_target, errors);
}

int pupil_nc_year(store::Connection& connection, Id pupil_id, Date today) {
  auto pupil = connection.pupil(pupil_id);
  if (!pupil) return 0;
  return pupil->nc_year(academic_year_start(today)).value_or(0);
}

// Completion follows the status: a completed item gets today when no date is given, and an item
// that is not completed keeps no completion date.
void settle_completion(HomeSchoolWork& work, Date today) {
  if (work.status == WorkStatus::Completed && !work.completed_date) work.completed_date = today;
  if (work.status != WorkStatus::Completed) work.completed_date.reset();
}

}  // namespace

Result<IntakeView> get_intake(Context& context, const Actor& actor, Id placement_id) {
  auto& connection = context.store.connection();
  IntakeView view;
  view.placement = WAYMARK_TRY(visible_placement(connection, actor, placement_id));
  view.intake = connection.assessment_setup().intake(placement_id);
  view.work = connection.assessment_setup().home_school_work(placement_id);
  view.can_edit = may_edit(actor, view.placement);
  view.can_update_work = may_update_work(actor, view.placement);
  return view;
}

Result<Intake> put_intake(Context& context, const Actor& actor, Id placement_id,
                          const IntakeChange& change) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  const Date today = context.clock.today();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<Intake> {
    const Placement placement = WAYMARK_TRY(visible_placement(tx, actor, placement_id));
    if (!may_edit(actor, placement))
      return Error::forbidden(
          "intake data is entered by the commissioning school or LA, or the provider's admins "
          "and heads");
    const std::optional<Intake> before = tx.assessment_setup().intake(placement_id);
    Intake changed = before.value_or(Intake{});
    ErrorList errors;
    change(changed, errors);
    changed.placement_id = placement_id;
    changed.pupil_id = placement.pupil_id;
    const int nc_year = pupil_nc_year(tx, placement.pupil_id, today);
    check_subject(tx, placement.provider_id, "maths", nc_year, changed.maths, errors);
    check_subject(tx, placement.provider_id, "english", nc_year, changed.english, errors);
    if (auto valid = validate_intake(changed); !valid.ok()) errors.add_all(valid.error());
    if (!errors.empty()) return errors.to_error();
    changed.updated_by = actor.user_id;
    changed.updated_at = now;
    tx.assessment_setup().put_intake(changed);
    Intake stored = *tx.assessment_setup().intake(placement_id);
    record_audit(tx, actor, now, before ? "update" : "create", "intake", placement_id,
                 placement.pupil_id, before ? to_json(*before) : Json(nullptr), to_json(stored));
    return stored;
  });
}

std::optional<Intake> intake_for_pupil(store::Connection& connection, Id pupil_id) {
  for (const Placement& placement : connection.placements_of(pupil_id))
    if (auto intake = connection.assessment_setup().intake(placement.id)) return intake;
  return std::nullopt;
}

Result<HomeSchoolWork> add_home_school_work(Context& context, const Actor& actor, Id placement_id,
                                            HomeSchoolWork work) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  const Date today = context.clock.today();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<HomeSchoolWork> {
    const Placement placement = WAYMARK_TRY(visible_placement(tx, actor, placement_id));
    if (!may_edit(actor, placement))
      return Error::forbidden(
          "home-school work is added by the commissioning school or LA, or the provider's "
          "admins and heads");
    work.id = 0;
    work.placement_id = placement_id;
    settle_completion(work, today);
    WAYMARK_TRY_STATUS(validate_home_school_work(work));
    work.updated_by = actor.user_id;
    work.updated_at = now;
    work.id = tx.assessment_setup().insert_home_school_work(work);
    record_audit(tx, actor, now, "create", "home_school_work", work.id, placement.pupil_id, nullptr,
                 to_json(work));
    return work;
  });
}

Result<HomeSchoolWork> update_home_school_work(Context& context, const Actor& actor, Id work_id,
                                               const WorkChange& change) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  const Date today = context.clock.today();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<HomeSchoolWork> {
    auto current = tx.assessment_setup().home_school_work_item(work_id);
    if (!current) return Error::not_found("home-school work");
    auto placement = visible_placement(tx, actor, current->placement_id);
    if (!placement.ok()) return Error::not_found("home-school work");
    if (!may_update_work(actor, *placement))
      return Error::forbidden("your role cannot change this pupil's home-school work");
    HomeSchoolWork changed = *current;
    ErrorList errors;
    change(changed, errors);
    changed.id = current->id;
    changed.placement_id = current->placement_id;
    settle_completion(changed, today);
    if (auto valid = validate_home_school_work(changed); !valid.ok()) errors.add_all(valid.error());
    if (!errors.empty()) return errors.to_error();
    changed.updated_by = actor.user_id;
    changed.updated_at = now;
    tx.assessment_setup().update_home_school_work(changed);
    const char* action = changed.status != current->status ? "status" : "update";
    record_audit(tx, actor, now, action, "home_school_work", changed.id, placement->pupil_id,
                 to_json(*current), to_json(changed));
    return changed;
  });
}

}  // namespace waymark::app
