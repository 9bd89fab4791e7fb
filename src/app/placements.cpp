#include "app/placements.h"

#include <algorithm>

#include "app/audit.h"
#include "app/codec.h"
#include "app/visibility.h"

namespace waymark::app {

namespace {

bool may_write(const Actor& actor, const Placement& placement) {
  if (actor.organisation_id == placement.provider_id) return actor.can_edit_pupils();
  if (actor.organisation_id == placement.commissioner_id) return actor.can_commission();
  return false;
}

// Checks the parties exist and are of the right kinds, adding errors.
void check_parties(store::Connection& connection, const Placement& placement, ErrorList& errors) {
  if (placement.provider_id != 0) {
    auto provider = connection.organisation(placement.provider_id);
    if (!provider || provider->kind != OrgKind::Provider)
      errors.add("provider_id", "is not a provider");
  }
  if (placement.commissioner_id != 0) {
    auto commissioner = connection.organisation(placement.commissioner_id);
    if (!commissioner || commissioner->kind == OrgKind::Provider)
      errors.add("commissioner_id", "must be a school or a local authority");
  }
}

}  // namespace

Result<Id> create_placement(Context& context, const Actor& actor, const Placement& request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, request.pupil_id));
  if (!may_write(actor, request))
    return Error::forbidden(
        "a placement is recorded by its provider or by the school or LA that commissions it");
  ErrorList errors;
  if (auto valid = validate_placement(request); !valid.ok()) errors.add_all(valid.error());
  check_parties(connection, request, errors);
  if (!errors.empty()) return errors.to_error();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<Id> {
    Placement stored = request;
    stored.id = tx.insert_placement(request, now);
    stored.updated_at = now;
    record_audit(tx, actor, now, "create", "placement", stored.id, stored.pupil_id, nullptr,
                 to_json(stored));
    return stored.id;
  });
}

Result<Placement> get_placement(Context& context, const Actor& actor, Id placement_id) {
  auto& connection = context.store.connection();
  auto placement = connection.placement(placement_id);
  if (!placement) return Error::not_found("placement");
  if (!connection.pupil_visible(placement->pupil_id, visibility_of(actor)))
    return Error::not_found("placement");
  return std::move(*placement);
}

Result<Placement> update_placement(Context& context, const Actor& actor, Id placement_id,
                                   const PlacementChange& change,
                                   std::optional<std::int64_t> expected_updated_at) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<Placement> {
    auto current = tx.placement(placement_id);
    if (!current || !tx.pupil_visible(current->pupil_id, visibility_of(actor)))
      return Error::not_found("placement");
    if (!may_write(actor, *current))
      return Error::forbidden(
          "a placement is changed by its provider or by the school or LA that commissions it");
    if (expected_updated_at && *expected_updated_at != current->updated_at)
      return Error::conflict(
          "updated_at",
          "someone else changed this placement since you opened the form: reload and try again");
    Placement changed = *current;
    ErrorList errors;
    change(changed, errors);
    changed.id = current->id;
    changed.pupil_id = current->pupil_id;
    if (auto valid = validate_placement(changed); !valid.ok()) errors.add_all(valid.error());
    if (auto step = check_status_change(current->status, changed.status); !step.ok())
      errors.add_all(step.error());
    check_parties(tx, changed, errors);
    if (!may_write(actor, changed))
      errors.add("provider_id", "your organisation must stay the provider or the commissioner");
    if (!errors.empty()) return errors.to_error();
    // updated_at doubles as the record's version for stale-form checks: it must move on every
    // save, even two saves within the same second.
    const std::int64_t version = std::max(now, current->updated_at + 1);
    tx.update_placement(changed, version);
    changed.updated_at = version;
    const char* action = changed.status != current->status ? "status" : "update";
    record_audit(tx, actor, now, action, "placement", changed.id, changed.pupil_id,
                 to_json(*current), to_json(changed));
    return changed;
  });
}

Result<Id> create_enrolment(Context& context, const Actor& actor, const Enrolment& request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, request.pupil_id));
  WAYMARK_TRY_STATUS(require_pupil_editor(actor));
  if (actor.organisation_kind != OrgKind::School || request.school_id != actor.organisation_id)
    return Error::forbidden("only the school itself can add a pupil to its roll");
  WAYMARK_TRY_STATUS(validate_enrolment(request));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<Id> {
    Enrolment stored = request;
    stored.id = tx.insert_enrolment(request);
    record_audit(tx, actor, now, "create", "enrolment", stored.id, stored.pupil_id, nullptr,
                 to_json(stored));
    return stored.id;
  });
}

Result<Enrolment> update_enrolment(Context& context, const Actor& actor, Id pupil_id,
                                   Id enrolment_id, const EnrolmentChange& change) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  WAYMARK_TRY_STATUS(require_pupil_editor(actor));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<Enrolment> {
    std::optional<Enrolment> current;
    for (const auto& enrolment : tx.enrolments_of(pupil_id))
      if (enrolment.id == enrolment_id) current = enrolment;
    if (!current) return Error::not_found("enrolment");
    if (current->school_id != actor.organisation_id)
      return Error::forbidden("only the school itself can change its roll");
    Enrolment changed = *current;
    ErrorList errors;
    change(changed, errors);
    changed.id = current->id;
    changed.pupil_id = current->pupil_id;
    changed.school_id = current->school_id;
    if (auto valid = validate_enrolment(changed); !valid.ok()) errors.add_all(valid.error());
    if (!errors.empty()) return errors.to_error();
    tx.update_enrolment(changed);
    record_audit(tx, actor, now, "update", "enrolment", changed.id, pupil_id, to_json(*current),
                 to_json(changed));
    return changed;
  });
}

}  // namespace waymark::app
