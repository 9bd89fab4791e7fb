// Baseline results: recording and reading a pupil's baselines, SDQ scored on read.
#include "app/audit.h"
#include "app/baseline_codec.h"
#include "app/baselines.h"
#include "app/visibility.h"
#include "store/baseline_store.h"

namespace waymark::app {

namespace {

// Placements of the pupil at the actor's organisation, newest referral first.
std::vector<Placement> placements_here(store::Connection& connection, const Actor& actor,
                                       Id pupil_id) {
  std::vector<Placement> here;
  for (auto& placement : connection.placements_of(pupil_id))
    if (placement.provider_id == actor.organisation_id) here.push_back(std::move(placement));
  return here;
}

std::string user_name(store::Connection& connection, Id user_id) {
  if (user_id == 0) return "";
  auto user = connection.user(user_id);
  return user ? user->display_name : "";
}

BaselineView make_view(store::Connection& connection, BaselineResult result,
                       BaselineInstrument instrument) {
  BaselineView view;
  if (instrument.sdq_version && result.sdq) {
    auto scored = score_sdq(*result.sdq, current_sdq_bands(connection, *instrument.sdq_version));
    if (scored.ok()) view.sdq_scores = *scored;
  }
  view.summary =
      result_summary(result, instrument, instrument_scale(instrument.scale_key), view.sdq_scores);
  view.recorded_by_name = user_name(connection, result.recorded_by);
  view.result = std::move(result);
  view.instrument = std::move(instrument);
  return view;
}

}  // namespace

Status require_baseline_writer(store::Connection& connection, const Actor& actor, Id pupil_id) {
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_edit_pupils() ||
      placements_here(connection, actor, pupil_id).empty())
    return Error::forbidden(
        "baselines, pathways and further assessments are recorded by the staff of a provider "
        "where the pupil is placed");
  return {};
}

std::vector<BaselineView> baselines_for_pupil(store::Connection& connection, Id pupil_id) {
  std::vector<BaselineView> views;
  std::map<Id, BaselineInstrument> instruments;
  for (auto& result : connection.baselines().results_of(pupil_id)) {
    auto known = instruments.find(result.instrument_id);
    if (known == instruments.end()) {
      auto instrument = connection.baselines().instrument(result.instrument_id);
      if (!instrument) continue;  // the foreign key makes this unreachable
      known = instruments.emplace(result.instrument_id, std::move(*instrument)).first;
    }
    views.push_back(make_view(connection, std::move(result), known->second));
  }
  return views;
}

Result<std::vector<BaselineView>> pupil_baselines(Context& context, const Actor& actor,
                                                  Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  return baselines_for_pupil(connection, pupil_id);
}

Result<BaselineView> get_baseline(Context& context, const Actor& actor, Id baseline_id) {
  auto& connection = context.store.connection();
  auto result = connection.baselines().result(baseline_id);
  if (!result || !connection.pupil_visible(result->pupil_id, visibility_of(actor)))
    return Error::not_found("baseline");
  auto instrument = connection.baselines().instrument(result->instrument_id);
  if (!instrument) return Error::not_found("baseline");
  return make_view(connection, std::move(*result), std::move(*instrument));
}

Result<BaselineView> record_baseline(Context& context, const Actor& actor,
                                     const BaselineResult& request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_baseline_writer(connection, actor, request.pupil_id));
  BaselineResult result = request;
  result.id = 0;
  result.recorded_by = actor.user_id;
  result.recorded_at = context.clock.now_seconds();
  ErrorList errors;
  std::optional<BaselineInstrument> instrument;
  if (result.instrument_id == 0) {
    errors.add("instrument_id", "is required: choose the instrument used");
  } else {
    instrument = connection.baselines().instrument(result.instrument_id);
    if (!instrument || instrument->organisation_id != actor.organisation_id)
      errors.add("instrument_id", "is not one of your organisation's baseline instruments");
    else if (!instrument->active)
      errors.add("instrument_id", "is no longer in use");
  }
  const std::vector<Placement> here = placements_here(connection, actor, result.pupil_id);
  if (result.placement_id == 0) {
    result.placement_id = here.front().id;  // require_baseline_writer ensured one exists
  } else if (std::none_of(here.begin(), here.end(), [&](const Placement& placement) {
               return placement.id == result.placement_id;
             })) {
    errors.add("placement_id", "is not a placement of this pupil at your provider");
  }
  if (instrument) {
    const GradeScale* scale = instrument_scale(instrument->scale_key);
    if (instrument->score_type == ScoreType::ScaleGrade && scale == nullptr)
      errors.add("instrument_id", "uses a grade scale that no longer exists");
    else if (auto valid = validate_result(result, *instrument, scale, context.clock.today());
             !valid.ok())
      errors.add_all(valid.error());
  }
  if (!errors.empty()) return errors.to_error();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<BaselineView> {
    result.id = tx.baselines().insert_result(result);
    record_audit(tx, actor, result.recorded_at, "create", "baseline", result.id, result.pupil_id,
                 nullptr, audit_json(result));
    return make_view(tx, result, *instrument);
  });
}

}  // namespace waymark::app
