// The SQLite AssessmentSetupStore: grade scales, subject scales and the KS3 expectation table.
// Intake, home-school work and targets are in assessment_setup_records.cpp.
#include "store/sqlite/assessment_setup_store_impl.h"

namespace waymark::store::sqlite {

namespace {

const char* points_text(PointsScheme points) {
  return points == PointsScheme::Gcse ? "gcse" : "none";
}

const char* term_text(SchoolTerm term) {
  switch (term) {
    case SchoolTerm::Autumn:
      return "autumn";
    case SchoolTerm::Spring:
      return "spring";
    case SchoolTerm::Summer:
      return "summer";
  }
  return "autumn";
}

SchoolTerm parse_term_text(const std::string& text) {
  if (text == "autumn") return SchoolTerm::Autumn;
  if (text == "spring") return SchoolTerm::Spring;
  if (text == "summer") return SchoolTerm::Summer;
  throw StoreFault("a stored school term is not valid");
}

constexpr const char* kScaleColumns =
    "SELECT id, organisation_id, key, name, points_scheme FROM grade_scales ";

GradeScaleRecord read_scale(const Statement& row) {
  GradeScaleRecord record;
  record.id = row.int64(0);
  record.organisation_id = row.optional_int64(1).value_or(0);
  record.key = row.text(2);
  record.name = row.text(3);
  record.points = row.text(4) == "gcse" ? PointsScheme::Gcse : PointsScheme::None;
  return record;
}

}  // namespace

void SqliteAssessmentSetupStore::fill_grades(GradeScaleRecord& record) {
  Statement statement =
      db_.prepare("SELECT code, label FROM grades WHERE scale_id = ? ORDER BY rank");
  statement.bind_all(record.id);
  while (statement.next_row()) record.grades.emplace_back(statement.text(0), statement.text(1));
}

std::vector<GradeScaleRecord> SqliteAssessmentSetupStore::grade_scales(Id organisation_id) {
  static const std::string sql =
      std::string(kScaleColumns) +
      "WHERE organisation_id IS NULL OR organisation_id = ? "
      "ORDER BY organisation_id IS NOT NULL, CASE WHEN organisation_id IS NULL THEN id END, name";
  std::vector<GradeScaleRecord> records;
  {
    Statement statement = db_.prepare(sql);
    statement.bind_all(organisation_id);
    while (statement.next_row()) records.push_back(read_scale(statement));
  }
  for (auto& record : records) fill_grades(record);
  return records;
}

std::optional<GradeScaleRecord> SqliteAssessmentSetupStore::grade_scale(Id organisation_id,
                                                                        const std::string& key) {
  static const std::string sql =
      std::string(kScaleColumns) +
      "WHERE key = ? AND (organisation_id IS NULL OR organisation_id = ?) "
      "ORDER BY organisation_id IS NULL LIMIT 1";
  std::optional<GradeScaleRecord> record;
  {
    Statement statement = db_.prepare(sql);
    statement.bind_all(key, organisation_id);
    if (statement.next_row()) record = read_scale(statement);
  }
  if (record) fill_grades(*record);
  return record;
}

Result<Id> SqliteAssessmentSetupStore::insert_grade_scale(const GradeScaleRecord& record,
                                                          std::int64_t now) {
  Savepoint savepoint(db_);
  try {
    Statement statement = db_.prepare(
        "INSERT INTO grade_scales (organisation_id, key, name, points_scheme, created_at) "
        "VALUES (?, ?, ?, ?, ?)");
    statement.bind_all(id_or_null(record.organisation_id), record.key, record.name,
                       points_text(record.points), now);
    statement.run();
  } catch (const SqliteFault& fault) {
    if (fault.primary_code() == SQLITE_CONSTRAINT)
      return Error::conflict("key", "your organisation already has a scale with this key");
    throw;
  }
  const Id scale_id = db_.last_insert_id();
  int rank = 0;
  for (const auto& [code, label] : record.grades) {
    Statement statement =
        db_.prepare("INSERT INTO grades (scale_id, rank, code, label) VALUES (?, ?, ?, ?)");
    statement.bind_all(scale_id, rank++, code, label);
    statement.run();
  }
  savepoint.release();
  return scale_id;
}

std::optional<Subject> SqliteAssessmentSetupStore::subject(Id subject_id) {
  Statement statement =
      db_.prepare("SELECT id, organisation_id, name, code FROM subjects WHERE id = ?");
  statement.bind_all(subject_id);
  if (!statement.next_row()) return std::nullopt;
  return Subject{.id = statement.int64(0),
                 .organisation_id = statement.int64(1),
                 .name = statement.text(2),
                 .code = statement.text(3)};
}

std::optional<SubjectScales> SqliteAssessmentSetupStore::subject_scales(Id subject_id) {
  Statement statement =
      db_.prepare("SELECT ks3_scale_key, ks4_scale_key FROM subject_scales WHERE subject_id = ?");
  statement.bind_all(subject_id);
  if (!statement.next_row()) return std::nullopt;
  return SubjectScales{subject_id, statement.text(0), statement.text(1)};
}

void SqliteAssessmentSetupStore::put_subject_scales(const SubjectScales& scales) {
  Statement statement = db_.prepare(
      "INSERT INTO subject_scales (subject_id, ks3_scale_key, ks4_scale_key) VALUES (?, ?, ?) "
      "ON CONFLICT (subject_id) DO UPDATE SET ks3_scale_key = excluded.ks3_scale_key, "
      "ks4_scale_key = excluded.ks4_scale_key");
  statement.bind_all(scales.subject_id, scales.ks3_scale_key, scales.ks4_scale_key);
  statement.run();
}

std::vector<Ks3Expectation> SqliteAssessmentSetupStore::ks3_expectations(Id organisation_id) {
  Statement statement = db_.prepare(
      "SELECT nc_year, term, meeting_from, meeting_to FROM ks3_expectations "
      "WHERE organisation_id = ? ORDER BY nc_year, "
      "CASE term WHEN 'autumn' THEN 0 WHEN 'spring' THEN 1 ELSE 2 END");
  statement.bind_all(organisation_id);
  std::vector<Ks3Expectation> expectations;
  while (statement.next_row())
    expectations.push_back(Ks3Expectation{.nc_year = statement.integer(0),
                                          .term = parse_term_text(statement.text(1)),
                                          .meeting_from = statement.text(2),
                                          .meeting_to = statement.text(3)});
  return expectations;
}

void SqliteAssessmentSetupStore::replace_ks3_expectations(
    Id organisation_id, const std::vector<Ks3Expectation>& expectations) {
  Savepoint savepoint(db_);
  {
    Statement statement = db_.prepare("DELETE FROM ks3_expectations WHERE organisation_id = ?");
    statement.bind_all(organisation_id);
    statement.run();
  }
  for (const Ks3Expectation& expectation : expectations) {
    Statement statement = db_.prepare(
        "INSERT INTO ks3_expectations (organisation_id, nc_year, term, meeting_from, meeting_to) "
        "VALUES (?, ?, ?, ?, ?)");
    statement.bind_all(organisation_id, expectation.nc_year, term_text(expectation.term),
                       expectation.meeting_from, expectation.meeting_to);
    statement.run();
  }
  savepoint.release();
}

std::unique_ptr<AssessmentSetupStore> make_assessment_setup_store(Db& db) {
  return std::make_unique<SqliteAssessmentSetupStore>(db);
}

}  // namespace waymark::store::sqlite
