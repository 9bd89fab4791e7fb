// What follows from the baseline: learning pathways per subject, and requests for further
// assessment (policy 004 §4.4).
#include "app/audit.h"
#include "app/baseline_codec.h"
#include "app/baselines.h"
#include "app/visibility.h"
#include "store/baseline_store.h"

namespace waymark::app {

namespace {

std::string user_name(store::Connection& connection, Id user_id) {
  if (user_id == 0) return "";
  auto user = connection.user(user_id);
  return user ? user->display_name : "";
}

// Subject names by id, across every organisation the pupil's pathways name.
std::string subject_name(store::Connection& connection, const Actor& actor, Id subject_id,
                         std::map<Id, std::vector<Subject>>& cache, Id pupil_id) {
  // Pathways are written by providers where the pupil is placed: search their subjects.
  std::vector<Id> organisations{actor.organisation_id};
  for (const auto& placement : connection.placements_of(pupil_id))
    organisations.push_back(placement.provider_id);
  for (Id organisation_id : organisations) {
    auto found = cache.find(organisation_id);
    if (found == cache.end())
      found = cache.emplace(organisation_id, connection.subjects_of(organisation_id)).first;
    for (const auto& subject : found->second)
      if (subject.id == subject_id) return subject.name;
  }
  return "";
}

PathwayView pathway_view(store::Connection& connection, const Actor& actor, LearningPathway pathway,
                         std::map<Id, std::vector<Subject>>& cache) {
  PathwayView view;
  view.subject_name = subject_name(connection, actor, pathway.subject_id, cache, pathway.pupil_id);
  view.updated_by_name = user_name(connection, pathway.updated_by);
  view.pathway = std::move(pathway);
  return view;
}

FurtherAssessmentView request_view(store::Connection& connection, FurtherAssessment request) {
  FurtherAssessmentView view;
  view.requested_by_name = user_name(connection, request.requested_by);
  view.request = std::move(request);
  return view;
}

}  // namespace

Result<std::vector<PathwayView>> pupil_pathways(Context& context, const Actor& actor, Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  std::map<Id, std::vector<Subject>> cache;
  std::vector<PathwayView> views;
  for (auto& pathway : connection.baselines().pathways_of(pupil_id))
    views.push_back(pathway_view(connection, actor, std::move(pathway), cache));
  return views;
}

Result<PathwayView> get_pathway(Context& context, const Actor& actor, Id pupil_id, Id subject_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  auto pathway = connection.baselines().pathway(pupil_id, subject_id);
  if (!pathway) return Error::not_found("learning pathway");
  std::map<Id, std::vector<Subject>> cache;
  return pathway_view(connection, actor, std::move(*pathway), cache);
}

Result<PathwayView> save_pathway(Context& context, const Actor& actor,
                                 const LearningPathway& request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_baseline_writer(connection, actor, request.pupil_id));
  ErrorList errors;
  const auto subjects = connection.subjects_of(actor.organisation_id);
  if (std::none_of(subjects.begin(), subjects.end(),
                   [&](const Subject& subject) { return subject.id == request.subject_id; }))
    errors.add("subject_id", "is not one of your organisation's subjects");
  if (auto valid = validate_pathway(request); !valid.ok()) errors.add_all(valid.error());
  if (!errors.empty()) return errors.to_error();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<PathwayView> {
    auto before = tx.baselines().pathway(request.pupil_id, request.subject_id);
    LearningPathway pathway = request;
    pathway.updated_by = actor.user_id;
    pathway.updated_at = before ? std::max(now, before->updated_at + 1) : now;
    tx.baselines().put_pathway(pathway);
    record_audit(tx, actor, now, before ? "update" : "create", "learning_pathway",
                 pathway.subject_id, pathway.pupil_id, before ? audit_json(*before) : Json(nullptr),
                 audit_json(pathway));
    std::map<Id, std::vector<Subject>> cache;
    return pathway_view(tx, actor, pathway, cache);
  });
}

Result<std::vector<FurtherAssessmentView>> pupil_further_assessments(Context& context,
                                                                     const Actor& actor,
                                                                     Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  std::vector<FurtherAssessmentView> views;
  for (auto& request : connection.baselines().further_assessments_of(pupil_id))
    views.push_back(request_view(connection, std::move(request)));
  return views;
}

Result<FurtherAssessmentView> get_further_assessment(Context& context, const Actor& actor,
                                                     Id request_id) {
  auto& connection = context.store.connection();
  auto request = connection.baselines().further_assessment(request_id);
  if (!request || !connection.pupil_visible(request->pupil_id, visibility_of(actor)))
    return Error::not_found("further assessment request");
  return request_view(connection, std::move(*request));
}

Result<FurtherAssessmentView> request_further_assessment(Context& context, const Actor& actor,
                                                         const FurtherAssessment& request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_baseline_writer(connection, actor, request.pupil_id));
  FurtherAssessment stored = request;
  stored.id = 0;
  stored.organisation_id = actor.organisation_id;
  stored.requested_by = actor.user_id;
  // A default Date (1970-01-01) means none was given: the request is made today.
  if (stored.requested_on == Date{}) stored.requested_on = context.clock.today();
  WAYMARK_TRY_STATUS(validate_further_assessment(stored, context.clock.today()));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<FurtherAssessmentView> {
    stored.id = tx.baselines().insert_further_assessment(stored);
    record_audit(tx, actor, now, "create", "further_assessment", stored.id, stored.pupil_id,
                 nullptr, audit_json(stored));
    return request_view(tx, stored);
  });
}

Result<FurtherAssessmentView> update_further_assessment(Context& context, const Actor& actor,
                                                        Id request_id,
                                                        const FurtherAssessmentChange& change) {
  auto& connection = context.store.connection();
  auto current = connection.baselines().further_assessment(request_id);
  if (!current || !connection.pupil_visible(current->pupil_id, visibility_of(actor)))
    return Error::not_found("further assessment request");
  WAYMARK_TRY_STATUS(require_baseline_writer(connection, actor, current->pupil_id));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<FurtherAssessmentView> {
    FurtherAssessment changed = *current;
    ErrorList errors;
    change(changed, errors);
    changed.id = current->id;
    changed.pupil_id = current->pupil_id;
    changed.organisation_id = current->organisation_id;
    changed.requested_by = current->requested_by;
    // Reopening a closed request clears its outcome date (the outcome text stays as history).
    if (current->status == RequestStatus::Closed && changed.status == RequestStatus::Open)
      changed.outcome_on.reset();
    if (auto valid = validate_further_assessment(changed, context.clock.today()); !valid.ok())
      errors.add_all(valid.error());
    if (!errors.empty()) return errors.to_error();
    tx.baselines().update_further_assessment(changed);
    const char* action = changed.status != current->status ? "status" : "update";
    record_audit(tx, actor, now, action, "further_assessment", changed.id, changed.pupil_id,
                 audit_json(*current), audit_json(changed));
    return request_view(tx, changed);
  });
}

}  // namespace waymark::app
