// The SQLite BaselineStore, continued: SDQ band cut-offs, learning pathways and requests for
// further assessment.
#include "store/sqlite/baseline_store_impl.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kPathwayColumns =
    "SELECT pupil_id, subject_id, starting_point, priorities, pathway, updated_by, updated_at "
    "FROM learning_pathways ";

LearningPathway read_pathway(const Statement& row) {
  return LearningPathway{
      .pupil_id = row.int64(0),
      .subject_id = row.int64(1),
      .starting_point = row.text(2),
      .priorities = row.text(3),
      .pathway = row.text(4),
      .updated_by = row.optional_int64(5).value_or(0),
      .updated_at = row.int64(6),
  };
}

constexpr const char* kRequestColumns =
    "SELECT id, pupil_id, organisation_id, kind, requested_by, requested_on, reason, status, "
    "outcome, outcome_on FROM further_assessments ";

FurtherAssessment read_request(const Statement& row) {
  return FurtherAssessment{
      .id = row.int64(0),
      .pupil_id = row.int64(1),
      .organisation_id = row.int64(2),
      .kind = stored_or_fault(parse_further_assessment_kind(row.text(3)), "assessment kind"),
      .requested_by = row.optional_int64(4).value_or(0),
      .requested_on = row.date(5),
      .reason = row.text(6),
      .status = stored_or_fault(parse_request_status(row.text(7)), "request status"),
      .outcome = row.text(8),
      .outcome_on = row.optional_date(9),
  };
}

}  // namespace

std::optional<SdqBands> SqliteBaselineStore::sdq_bands(SdqVersion version) {
  Statement statement = db_.prepare(
      "SELECT scale, close_to_average, slightly_raised, high FROM sdq_bands WHERE version = ?");
  statement.bind_all(to_string(version));
  // Start from the defaults so that a partly stored table still gives every scale.
  SdqBands bands = waymark::sdq_bands(version);
  bool any = false;
  while (statement.next_row()) {
    const std::string scale = statement.text(0);
    for (SdqScale known : kSdqScales) {
      if (scale != to_string(known)) continue;
      bands.for_scale(known) = SdqCutoffs{.close_to_average = statement.integer(1),
                                          .slightly_raised = statement.integer(2),
                                          .high = statement.integer(3)};
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return bands;
}

void SqliteBaselineStore::put_sdq_bands(SdqVersion version, const SdqBands& bands) {
  for (SdqScale scale : kSdqScales) {
    const SdqCutoffs& cutoffs = bands.for_scale(scale);
    Statement statement = db_.prepare(
        "INSERT INTO sdq_bands (version, scale, close_to_average, slightly_raised, high) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (version, scale) DO UPDATE SET "
        "close_to_average = excluded.close_to_average, slightly_raised = "
        "excluded.slightly_raised, high = excluded.high");
    statement.bind_all(to_string(version), to_string(scale), cutoffs.close_to_average,
                       cutoffs.slightly_raised, cutoffs.high);
    statement.run();
  }
}

std::vector<LearningPathway> SqliteBaselineStore::pathways_of(Id pupil_id) {
  static const std::string sql =
      std::string(kPathwayColumns) + "WHERE pupil_id = ? ORDER BY subject_id";
  Statement statement = db_.prepare(sql);
  statement.bind_all(pupil_id);
  std::vector<LearningPathway> pathways;
  while (statement.next_row()) pathways.push_back(read_pathway(statement));
  return pathways;
}

std::optional<LearningPathway> SqliteBaselineStore::pathway(Id pupil_id, Id subject_id) {
  static const std::string sql =
      std::string(kPathwayColumns) + "WHERE pupil_id = ? AND subject_id = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(pupil_id, subject_id);
  if (!statement.next_row()) return std::nullopt;
  return read_pathway(statement);
}

void SqliteBaselineStore::put_pathway(const LearningPathway& pathway) {
  Statement statement = db_.prepare(
      "INSERT INTO learning_pathways (pupil_id, subject_id, starting_point, priorities, pathway, "
      "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pupil_id, subject_id) "
      "DO UPDATE SET starting_point = excluded.starting_point, priorities = excluded.priorities, "
      "pathway = excluded.pathway, updated_by = excluded.updated_by, "
      "updated_at = excluded.updated_at");
  statement.bind_all(pathway.pupil_id, pathway.subject_id, pathway.starting_point,
                     pathway.priorities, pathway.pathway, id_or_null(pathway.updated_by),
                     pathway.updated_at);
  statement.run();
}

std::vector<FurtherAssessment> SqliteBaselineStore::further_assessments_of(Id pupil_id) {
  static const std::string sql =
      std::string(kRequestColumns) + "WHERE pupil_id = ? ORDER BY requested_on DESC, id DESC";
  Statement statement = db_.prepare(sql);
  statement.bind_all(pupil_id);
  std::vector<FurtherAssessment> requests;
  while (statement.next_row()) requests.push_back(read_request(statement));
  return requests;
}

std::optional<FurtherAssessment> SqliteBaselineStore::further_assessment(Id id) {
  static const std::string sql = std::string(kRequestColumns) + "WHERE id = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(id);
  if (!statement.next_row()) return std::nullopt;
  return read_request(statement);
}

Id SqliteBaselineStore::insert_further_assessment(const FurtherAssessment& request) {
  Statement statement = db_.prepare(
      "INSERT INTO further_assessments (pupil_id, organisation_id, kind, requested_by, "
      "requested_on, reason, status, outcome, outcome_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind_all(request.pupil_id, request.organisation_id, to_string(request.kind),
                     id_or_null(request.requested_by), request.requested_on, request.reason,
                     to_string(request.status), request.outcome, request.outcome_on);
  statement.run();
  return db_.last_insert_id();
}

void SqliteBaselineStore::update_further_assessment(const FurtherAssessment& request) {
  Statement statement = db_.prepare(
      "UPDATE further_assessments SET kind = ?, requested_on = ?, reason = ?, status = ?, "
      "outcome = ?, outcome_on = ? WHERE id = ?");
  statement.bind_all(to_string(request.kind), request.requested_on, request.reason,
                     to_string(request.status), request.outcome, request.outcome_on, request.id);
  statement.run();
}

}  // namespace waymark::store::sqlite
