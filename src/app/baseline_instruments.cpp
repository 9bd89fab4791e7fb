// Baseline instruments and SDQ cut-offs: an organisation's configurable assessments.
#include "app/audit.h"
#include "app/baseline_codec.h"
#include "app/baselines.h"
#include "store/baseline_store.h"

namespace waymark::app {

namespace {

Status require_instrument_manager(const Actor& actor) {
  if (!actor.roles.has(Role::Admin) && !actor.roles.has(Role::Head))
    return Error::forbidden("only admins and heads manage baseline instruments");
  return {};
}

void check_instrument(const BaselineInstrument& instrument, ErrorList& errors) {
  if (auto valid = validate_instrument(instrument); !valid.ok()) errors.add_all(valid.error());
  if (instrument.score_type == ScoreType::ScaleGrade && !instrument.scale_key.empty() &&
      instrument_scale(instrument.scale_key) == nullptr)
    errors.add("scale_key", "is not the key of a grade scale (for example gcse_fine or ks3)");
}

}  // namespace

const GradeScale* instrument_scale(const std::string& scale_key) {
  return standard_scale(scale_key);
}

std::vector<BaselineInstrument> list_instruments(Context& context, const Actor& actor) {
  return context.store.connection().baselines().instruments_of(actor.organisation_id);
}

Result<BaselineInstrument> create_instrument(Context& context, const Actor& actor,
                                             const BaselineInstrument& request) {
  WAYMARK_TRY_STATUS(require_instrument_manager(actor));
  BaselineInstrument instrument = request;
  instrument.id = 0;
  instrument.organisation_id = actor.organisation_id;
  ErrorList errors;
  check_instrument(instrument, errors);
  if (!errors.empty()) return errors.to_error();
  const std::int64_t now = context.clock.now_seconds();
  auto& connection = context.store.connection();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<BaselineInstrument> {
    instrument.id = WAYMARK_TRY(tx.baselines().insert_instrument(instrument));
    record_audit(tx, actor, now, "create", "baseline_instrument", instrument.id, 0, nullptr,
                 to_json(instrument));
    return instrument;
  });
}

Result<BaselineInstrument> update_instrument(Context& context, const Actor& actor, Id id,
                                             const InstrumentChange& change) {
  auto& connection = context.store.connection();
  auto current = connection.baselines().instrument(id);
  if (!current || current->organisation_id != actor.organisation_id)
    return Error::not_found("baseline instrument");
  WAYMARK_TRY_STATUS(require_instrument_manager(actor));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<BaselineInstrument> {
    BaselineInstrument changed = *current;
    ErrorList errors;
    change(changed, errors);
    changed.id = current->id;
    changed.organisation_id = current->organisation_id;
    check_instrument(changed, errors);
    // Results hold a score of the kind they were recorded with: changing how the instrument
    // scores would make them unreadable, so that takes a new instrument.
    if (changed.score_type != current->score_type || changed.max_score != current->max_score ||
        changed.scale_key != current->scale_key || changed.sdq_version != current->sdq_version)
      errors.add("score_type",
                 "how an instrument is scored cannot change: add a new instrument instead");
    if (!errors.empty()) return errors.to_error();
    WAYMARK_TRY_STATUS(tx.baselines().update_instrument(changed));
    record_audit(tx, actor, now, "update", "baseline_instrument", changed.id, 0, to_json(*current),
                 to_json(changed));
    return changed;
  });
}

SdqBands current_sdq_bands(store::Connection& connection, SdqVersion version) {
  if (auto stored = connection.baselines().sdq_bands(version)) return *stored;
  return sdq_bands(version);
}

Result<SdqBands> set_sdq_bands(Context& context, const Actor& actor, SdqVersion version,
                               const SdqBands& bands) {
  if (!actor.roles.has(Role::Admin))
    return Error::forbidden("only admins change the SDQ band cut-offs");
  WAYMARK_TRY_STATUS(validate_sdq_bands(bands));
  const std::int64_t now = context.clock.now_seconds();
  auto& connection = context.store.connection();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<SdqBands> {
    const SdqBands before = current_sdq_bands(tx, version);
    tx.baselines().put_sdq_bands(version, bands);
    Json before_json = to_json(before);
    Json after_json = to_json(bands);
    before_json["version"] = to_string(version);
    after_json["version"] = to_string(version);
    record_audit(tx, actor, now, "update", "sdq_bands", static_cast<Id>(version) + 1, 0,
                 before_json, after_json);
    return bands;
  });
}

}  // namespace waymark::app
