// The SQLite AssessmentSetupStore, part two: intake per placement, home-school work, targets.
#include "store/sqlite/assessment_setup_store_impl.h"

namespace waymark::store::sqlite {

namespace {

// A grade is two columns: code and scale key, both NULL when not given.
std::optional<GradeRef> read_grade(const Statement& row, int column) {
  auto code = row.optional_text(column);
  if (!code) return std::nullopt;
  return GradeRef{row.text(column + 1), *code};
}

SubjectIntake read_subject(const Statement& row, int first) {
  SubjectIntake subject;
  subject.working_at = read_grade(row, first);
  subject.ks4_target = read_grade(row, first + 2);
  subject.ks3_target = read_grade(row, first + 4);
  if (auto board = row.optional_text(first + 6))
    subject.exam_board = stored_or_fault(parse_exam_board(*board, "exam_board"), "exam board");
  subject.exam_board_other = row.text(first + 7);
  return subject;
}

std::optional<std::string> code_of(const std::optional<GradeRef>& grade) {
  if (!grade) return std::nullopt;
  return grade->code;
}
std::optional<std::string> scale_of(const std::optional<GradeRef>& grade) {
  if (!grade) return std::nullopt;
  return grade->scale_key;
}
std::optional<std::string> board_of(const SubjectIntake& subject) {
  if (!subject.exam_board) return std::nullopt;
  return std::string(to_string(*subject.exam_board));
}

constexpr const char* kWorkColumns =
    "SELECT id, placement_id, title, subject, details, set_date, due_date, status, "
    "completed_date, updated_by, updated_at FROM home_school_work ";

HomeSchoolWork read_work(const Statement& row) {
  HomeSchoolWork work;
  work.id = row.int64(0);
  work.placement_id = row.int64(1);
  work.title = row.text(2);
  work.subject = row.text(3);
  work.details = row.text(4);
  work.set_date = row.date(5);
  work.due_date = row.optional_date(6);
  work.status = stored_or_fault(parse_work_status(row.text(7)), "work status");
  work.completed_date = row.optional_date(8);
  work.updated_by = row.optional_int64(9).value_or(0);
  work.updated_at = row.int64(10);
  return work;
}

}  // namespace

std::optional<Intake> SqliteAssessmentSetupStore::intake(Id placement_id) {
  Statement statement = db_.prepare(
      "SELECT i.placement_id, p.pupil_id, "
      "maths_working_at, maths_working_at_scale, maths_ks4_target, maths_ks4_target_scale, "
      "maths_ks3_target, maths_ks3_target_scale, maths_exam_board, maths_exam_board_other, "
      "english_working_at, english_working_at_scale, english_ks4_target, "
      "english_ks4_target_scale, english_ks3_target, english_ks3_target_scale, "
      "english_exam_board, english_exam_board_other, ks2_reading, ks2_maths, notes, "
      "i.updated_by, i.updated_at, COALESCE(u.display_name, '') "
      "FROM placement_intake i JOIN placements p ON p.id = i.placement_id "
      "LEFT JOIN users u ON u.id = i.updated_by WHERE i.placement_id = ?");
  statement.bind_all(placement_id);
  if (!statement.next_row()) return std::nullopt;
  Intake intake;
  intake.placement_id = statement.int64(0);
  intake.pupil_id = statement.int64(1);
  intake.maths = read_subject(statement, 2);
  intake.english = read_subject(statement, 10);
  intake.ks2_reading = statement.optional_integer(18);
  intake.ks2_maths = statement.optional_integer(19);
  intake.notes = statement.text(20);
  intake.updated_by = statement.optional_int64(21).value_or(0);
  intake.updated_at = statement.int64(22);
  intake.updated_by_name = statement.text(23);
  return intake;
}

void SqliteAssessmentSetupStore::put_intake(const Intake& intake) {
  Statement statement = db_.prepare(
      "INSERT OR REPLACE INTO placement_intake (placement_id, "
      "maths_working_at, maths_working_at_scale, maths_ks4_target, maths_ks4_target_scale, "
      "maths_ks3_target, maths_ks3_target_scale, maths_exam_board, maths_exam_board_other, "
      "english_working_at, english_working_at_scale, english_ks4_target, "
      "english_ks4_target_scale, english_ks3_target, english_ks3_target_scale, "
      "english_exam_board, english_exam_board_other, ks2_reading, ks2_maths, notes, "
      "updated_by, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const SubjectIntake& maths = intake.maths;
  const SubjectIntake& english = intake.english;
  statement.bind_all(
      intake.placement_id, code_of(maths.working_at), scale_of(maths.working_at),
      code_of(maths.ks4_target), scale_of(maths.ks4_target), code_of(maths.ks3_target),
      scale_of(maths.ks3_target), board_of(maths), maths.exam_board_other,
      code_of(english.working_at), scale_of(english.working_at), code_of(english.ks4_target),
      scale_of(english.ks4_target), code_of(english.ks3_target), scale_of(english.ks3_target),
      board_of(english), english.exam_board_other, intake.ks2_reading, intake.ks2_maths,
      intake.notes, id_or_null(intake.updated_by), intake.updated_at);
  statement.run();
}

std::vector<HomeSchoolWork> SqliteAssessmentSetupStore::home_school_work(Id placement_id) {
  static const std::string sql =
      std::string(kWorkColumns) + "WHERE placement_id = ? ORDER BY set_date, id";
  Statement statement = db_.prepare(sql);
  statement.bind_all(placement_id);
  std::vector<HomeSchoolWork> items;
  while (statement.next_row()) items.push_back(read_work(statement));
  return items;
}

std::optional<HomeSchoolWork> SqliteAssessmentSetupStore::home_school_work_item(Id id) {
  static const std::string sql = std::string(kWorkColumns) + "WHERE id = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(id);
  if (!statement.next_row()) return std::nullopt;
  return read_work(statement);
}

Id SqliteAssessmentSetupStore::insert_home_school_work(const HomeSchoolWork& work) {
  Statement statement = db_.prepare(
      "INSERT INTO home_school_work (placement_id, title, subject, details, set_date, due_date, "
      "status, completed_date, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind_all(work.placement_id, work.title, work.subject, work.details, work.set_date,
                     work.due_date, to_string(work.status), work.completed_date,
                     id_or_null(work.updated_by), work.updated_at);
  statement.run();
  return db_.last_insert_id();
}

void SqliteAssessmentSetupStore::update_home_school_work(const HomeSchoolWork& work) {
  Statement statement = db_.prepare(
      "UPDATE home_school_work SET title = ?, subject = ?, details = ?, set_date = ?, "
      "due_date = ?, status = ?, completed_date = ?, updated_by = ?, updated_at = ? "
      "WHERE id = ?");
  statement.bind_all(work.title, work.subject, work.details, work.set_date, work.due_date,
                     to_string(work.status), work.completed_date, id_or_null(work.updated_by),
                     work.updated_at, work.id);
  statement.run();
}

std::vector<Target> SqliteAssessmentSetupStore::targets_of(Id pupil_id) {
  Statement statement = db_.prepare(
      "SELECT t.id, t.pupil_id, t.subject_id, t.scale_key, t.grade_code, t.reason, t.set_by, "
      "t.set_at, COALESCE(u.display_name, ''), s.name FROM targets t "
      "JOIN subjects s ON s.id = t.subject_id LEFT JOIN users u ON u.id = t.set_by "
      "WHERE t.pupil_id = ? ORDER BY t.id");
  statement.bind_all(pupil_id);
  std::vector<Target> targets;
  while (statement.next_row())
    targets.push_back(Target{.id = statement.int64(0),
                             .pupil_id = statement.int64(1),
                             .subject_id = statement.int64(2),
                             .scale_key = statement.text(3),
                             .grade_code = statement.text(4),
                             .reason = statement.text(5),
                             .set_by = statement.optional_int64(6).value_or(0),
                             .set_at = statement.int64(7),
                             .set_by_name = statement.text(8),
                             .subject_name = statement.text(9)});
  return targets;
}

Id SqliteAssessmentSetupStore::insert_target(const Target& target) {
  Statement statement = db_.prepare(
      "INSERT INTO targets (pupil_id, subject_id, scale_key, grade_code, reason, set_by, set_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  statement.bind_all(target.pupil_id, target.subject_id, target.scale_key, target.grade_code,
                     target.reason, id_or_null(target.set_by), target.set_at);
  statement.run();
  return db_.last_insert_id();
}

}  // namespace waymark::store::sqlite
