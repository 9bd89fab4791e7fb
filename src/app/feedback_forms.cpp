#include "app/feedback_forms.h"

#include <algorithm>

#include <fmt/format.h>

#include "app/audit.h"
#include "app/feedback_form_codec.h"
#include "app/feedback_form_prefill.h"
#include "app/visibility.h"
#include "store/feedback_form_store.h"

namespace waymark::app {

namespace {

constexpr const char* kEntity = "feedback_form";

bool may_see(const Actor& actor, const FeedbackForm& form) {
  return form.status == FeedbackFormStatus::Sent || actor.organisation_id == form.provider_id;
}

// The form, if it exists and the actor may see it; NotFound otherwise.
Result<FeedbackForm> visible_form(store::Connection& connection, const Actor& actor, Id form_id) {
  auto form = connection.feedback_forms().form(form_id);
  if (!form || !connection.pupil_visible(form->pupil_id, visibility_of(actor)) ||
      !may_see(actor, *form))
    return Error::not_found("feedback form");
  return std::move(*form);
}

Status require_writer(const Actor& actor, const FeedbackForm& form) {
  if (!writes_feedback_forms(actor, form.provider_id))
    return Error::forbidden("feedback forms are written by the provider's staff");
  return {};
}

// The version moves on every save, even two saves within one second.
std::int64_t next_version(std::int64_t now, const FeedbackForm& current) {
  return std::max(now, current.updated_at + 1);
}

// The pupil's latest placement at the actor's provider, when the actor writes its forms.
std::optional<Placement> writers_placement(store::Connection& connection, const Actor& actor,
                                           Id pupil_id) {
  for (const Placement& candidate : connection.placements_of(pupil_id))
    if (candidate.provider_id == actor.organisation_id &&
        writes_feedback_forms(actor, candidate.provider_id))
      return candidate;
  return std::nullopt;
}

}  // namespace

Result<std::vector<FeedbackPeriod>> open_feedback_periods(Context& context, const Actor& actor,
                                                          Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  auto placement = writers_placement(connection, actor, pupil_id);
  if (!placement) return std::vector<FeedbackPeriod>{};
  return placement_periods(connection, *placement, context.clock.today());
}

bool writes_feedback_forms(const Actor& actor, Id provider_id) {
  return actor.organisation_kind == OrgKind::Provider && actor.organisation_id == provider_id &&
         actor.can_edit_pupils();
}

Result<std::vector<FeedbackForm>> pupil_feedback_forms(Context& context, const Actor& actor,
                                                       Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  std::vector<FeedbackForm> forms = connection.feedback_forms().forms_of_pupil(pupil_id);
  std::erase_if(forms, [&](const FeedbackForm& form) { return !may_see(actor, form); });
  return forms;
}

Result<FeedbackForm> get_feedback_form(Context& context, const Actor& actor, Id form_id) {
  return visible_form(context.store.connection(), actor, form_id);
}

Result<FeedbackForm> create_feedback_form(Context& context, const Actor& actor, Id pupil_id,
                                          std::optional<int> period_number) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  // The pupil's latest placement at the actor's provider.
  std::optional<Placement> placement = writers_placement(connection, actor, pupil_id);
  if (!placement)
    return Error::forbidden(
        "feedback forms are written by the staff of a provider the pupil is placed with");
  const Date today = context.clock.today();
  const auto periods = placement_periods(connection, *placement, today);
  if (periods.empty())
    return Error::invalid("placement_id",
                          "the placement has not started yet: there is no feedback period");
  const int number = period_number.value_or(periods.back().number);
  if (number < 1 || number > static_cast<int>(periods.size()))
    return Error::invalid("period_number",
                          fmt::format("choose a period from 1 to {}", periods.size()));
  const FeedbackPeriod& period = periods[static_cast<std::size_t>(number - 1)];
  auto pupil = connection.pupil(pupil_id);
  if (!pupil) return Error::not_found("pupil");
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<FeedbackForm> {
    for (const FeedbackForm& existing : tx.feedback_forms().forms_of_placement(placement->id))
      if (existing.period_number == number)
        return Error::conflict("period_number",
                               fmt::format("period {} already has a feedback form", number));
    FeedbackForm form = prefilled_feedback_form(tx, *pupil, *placement, period, actor.user_id, now);
    form.id = WAYMARK_TRY(tx.feedback_forms().insert_form(form));
    record_audit(tx, actor, now, "create", kEntity, form.id, pupil_id, nullptr, to_json(form));
    return form;
  });
}

Result<FeedbackForm> update_feedback_form(Context& context, const Actor& actor, Id form_id,
                                          const FeedbackFormChange& change,
                                          std::optional<std::int64_t> expected_updated_at) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<FeedbackForm> {
    FeedbackForm current = WAYMARK_TRY(visible_form(tx, actor, form_id));
    WAYMARK_TRY_STATUS(require_writer(actor, current));
    WAYMARK_TRY_STATUS(check_feedback_form_editable(current));
    if (expected_updated_at && *expected_updated_at != current.updated_at)
      return Error::conflict(
          "updated_at", "someone else changed this form since you opened it: reload and try again");
    FeedbackForm changed = current;
    ErrorList errors;
    change(changed, errors);
    auto pupil = tx.pupil(current.pupil_id);
    if (!pupil) return Error::not_found("pupil");
    propose_indicators(tx, *pupil, changed, errors);
    if (auto valid = validate_feedback_form(changed); !valid.ok()) errors.add_all(valid.error());
    if (!errors.empty()) return errors.to_error();
    if (changed.status == FeedbackFormStatus::Ready)
      WAYMARK_TRY_STATUS(check_feedback_form_complete(changed));
    changed.updated_by = actor.user_id;
    changed.updated_at = next_version(now, current);
    tx.feedback_forms().update_form(changed);
    record_audit(tx, actor, now, "update", kEntity, changed.id, changed.pupil_id, to_json(current),
                 to_json(changed));
    return changed;
  });
}

Result<FeedbackForm> set_feedback_form_status(Context& context, const Actor& actor, Id form_id,
                                              FeedbackFormStatus to) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<FeedbackForm> {
    FeedbackForm current = WAYMARK_TRY(visible_form(tx, actor, form_id));
    WAYMARK_TRY_STATUS(require_writer(actor, current));
    if (current.status == FeedbackFormStatus::Sent)
      WAYMARK_TRY_STATUS(check_feedback_form_editable(current));
    WAYMARK_TRY_STATUS(check_feedback_status_change(current.status, to));
    if (to != FeedbackFormStatus::Draft) WAYMARK_TRY_STATUS(check_feedback_form_complete(current));
    FeedbackForm changed = current;
    changed.status = to;
    changed.updated_by = actor.user_id;
    changed.updated_at = next_version(now, current);
    if (to == FeedbackFormStatus::Sent) {
      changed.sent_at = now;
      changed.sent_by = actor.user_id;
    }
    tx.feedback_forms().update_form(changed);
    record_audit(tx, actor, now, "status", kEntity, changed.id, changed.pupil_id, to_json(current),
                 to_json(changed));
    return changed;
  });
}

Result<FeedbackForm> correct_feedback_form(Context& context, const Actor& actor, Id form_id) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<FeedbackForm> {
    FeedbackForm sent = WAYMARK_TRY(visible_form(tx, actor, form_id));
    WAYMARK_TRY_STATUS(require_writer(actor, sent));
    if (sent.status != FeedbackFormStatus::Sent)
      return Error::conflict("status", "only a sent form is corrected: edit this one instead");
    for (const FeedbackForm& other : tx.feedback_forms().forms_of_placement(sent.placement_id))
      if (other.period_number == sent.period_number && other.version > sent.version)
        return Error::conflict("version",
                               fmt::format("version {} already corrects this form", other.version));
    FeedbackForm correction = sent;
    correction.id = 0;
    correction.version = sent.version + 1;
    correction.supersedes_id = sent.id;
    correction.status = FeedbackFormStatus::Draft;
    correction.sent_at.reset();
    correction.sent_by = 0;
    correction.created_by = correction.updated_by = actor.user_id;
    correction.created_at = correction.updated_at = now;
    correction.id = WAYMARK_TRY(tx.feedback_forms().insert_form(correction));
    record_audit(tx, actor, now, "correct", kEntity, correction.id, correction.pupil_id,
                 to_json(sent), to_json(correction));
    return correction;
  });
}

Result<int> feedback_cycle_days(Context& context, const Actor& actor) {
  if (actor.organisation_kind != OrgKind::Provider)
    return Error::forbidden("the feedback cycle is a provider's setting");
  return feedback_cycle_of(context.store.connection(), actor.organisation_id).school_days();
}

Result<int> set_feedback_cycle_days(Context& context, const Actor& actor, int school_days) {
  if (actor.organisation_kind != OrgKind::Provider ||
      !(actor.roles.has(Role::Admin) || actor.roles.has(Role::Head)))
    return Error::forbidden("the feedback cycle is set by the provider's admins and heads");
  auto cycle = WAYMARK_TRY(FeedbackCycle::every(school_days));
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<int> {
    const int before = feedback_cycle_of(tx, actor.organisation_id).school_days();
    tx.feedback_forms().set_school_days_per_period(actor.organisation_id, cycle.school_days());
    record_audit(tx, actor, now, "update", "feedback_settings", actor.organisation_id, 0,
                 Json{{"school_days_per_period", before}},
                 Json{{"school_days_per_period", cycle.school_days()}});
    return cycle.school_days();
  });
}

}  // namespace waymark::app
