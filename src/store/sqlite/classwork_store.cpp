// The SQLite ClassworkStore: exit tickets, marked work and evidence metadata (migration 004).
#include <string>

#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kTicketColumns =
    "SELECT id, pupil_id, organisation_id, subject_id, teaching_group_id, lesson_date, topic, "
    "score, max_score, grade, grade_scale, mark, comment, self_assessment, pupil_response, "
    "redraft, recorded_by, recorded_at, updated_at FROM exit_tickets ";

std::optional<double> optional_real(const Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.real(column);
}

ExitTicket read_ticket(const Statement& row) {
  ExitTicket ticket;
  ticket.id = row.int64(0);
  ticket.pupil_id = row.int64(1);
  ticket.organisation_id = row.int64(2);
  ticket.subject_id = row.int64(3);
  ticket.teaching_group_id = row.int64(4);
  ticket.lesson_date = row.date(5);
  ticket.topic = row.text(6);
  ticket.score = optional_real(row, 7);
  ticket.max_score = optional_real(row, 8);
  ticket.grade = row.text(9);
  ticket.grade_scale = row.text(10);
  ticket.mark = row.text(11);
  ticket.comment = row.text(12);
  ticket.self_assessment = row.text(13);
  ticket.pupil_response = row.text(14);
  ticket.redraft = row.text(15);
  ticket.recorded_by = row.int64(16);
  ticket.recorded_at = row.int64(17);
  ticket.updated_at = row.int64(18);
  return ticket;
}

constexpr const char* kWorkColumns =
    "SELECT id, pupil_id, organisation_id, subject_id, title, work_date, feedback, "
    "self_assessment, pupil_response, redraft, recorded_by, recorded_at, updated_at "
    "FROM marked_work ";

MarkedWork read_work(const Statement& row) {
  MarkedWork work;
  work.id = row.int64(0);
  work.pupil_id = row.int64(1);
  work.organisation_id = row.int64(2);
  work.subject_id = row.int64(3);
  work.title = row.text(4);
  work.work_date = row.date(5);
  work.feedback = row.text(6);
  work.self_assessment = row.text(7);
  work.pupil_response = row.text(8);
  work.redraft = row.text(9);
  work.recorded_by = row.int64(10);
  work.recorded_at = row.int64(11);
  work.updated_at = row.int64(12);
  return work;
}

constexpr const char* kEvidenceColumns =
    "SELECT id, pupil_id, work_id, stored_name, media_type, size_bytes, sha256, original_name, "
    "uploaded_by, uploaded_at FROM evidence_files ";

EvidenceFile read_evidence(const Statement& row) {
  EvidenceFile file;
  file.id = row.int64(0);
  file.pupil_id = row.int64(1);
  file.work_id = row.int64(2);
  file.stored_name = row.text(3);
  file.type = stored_or_fault(parse_media_type(row.text(4), "media_type"), "media type");
  file.size_bytes = row.int64(5);
  file.sha256 = row.text(6);
  file.original_name = row.text(7);
  file.uploaded_by = row.int64(8);
  file.uploaded_at = row.int64(9);
  return file;
}

std::string json_ids(const std::vector<Id>& ids) {
  std::string text = "[";
  for (Id id : ids) {
    if (text.size() > 1) text += ',';
    text += std::to_string(id);
  }
  return text + "]";
}

class SqliteClassworkStore final : public ClassworkStore {
 public:
  explicit SqliteClassworkStore(Db& db) : db_(db) {}

  std::vector<Id> exit_ticket_subject_ids(Id organisation_id) override {
    Statement statement = db_.prepare(
        "SELECT subject_id FROM exit_ticket_subjects WHERE organisation_id = ? ORDER BY "
        "subject_id");
    statement.bind_all(organisation_id);
    std::vector<Id> ids;
    while (statement.next_row()) ids.push_back(statement.int64(0));
    return ids;
  }

  void set_exit_ticket_subject_ids(Id organisation_id, const std::vector<Id>& ids) override {
    Savepoint savepoint(db_);
    db_.prepare("DELETE FROM exit_ticket_subjects WHERE organisation_id = ?")
        .bind_all(organisation_id)
        .run();
    for (Id subject_id : ids)
      db_.prepare(
             "INSERT OR IGNORE INTO exit_ticket_subjects (organisation_id, subject_id) VALUES "
             "(?, ?)")
          .bind_all(organisation_id, subject_id)
          .run();
    savepoint.release();
  }

  std::optional<ExitTicket> exit_ticket(Id id) override {
    static const std::string sql = std::string(kTicketColumns) + "WHERE id = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    if (!statement.next_row()) return std::nullopt;
    return read_ticket(statement);
  }

  std::optional<ExitTicket> exit_ticket_by_key(Id pupil_id, Id subject_id, Date lesson_date,
                                               const std::string& topic) override {
    static const std::string sql = std::string(kTicketColumns) +
                                   "WHERE pupil_id = ? AND subject_id = ? AND lesson_date = ? "
                                   "AND topic = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(pupil_id, subject_id, lesson_date, topic);
    if (!statement.next_row()) return std::nullopt;
    return read_ticket(statement);
  }

  Id insert_exit_ticket(const ExitTicket& ticket, std::int64_t now) override {
    Statement statement = db_.prepare(
        "INSERT INTO exit_tickets (pupil_id, organisation_id, subject_id, teaching_group_id, "
        "lesson_date, topic, score, max_score, grade, grade_scale, mark, comment, "
        "self_assessment, pupil_response, redraft, recorded_by, recorded_at, updated_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement.bind_all(ticket.pupil_id, ticket.organisation_id, ticket.subject_id,
                       id_or_null(ticket.teaching_group_id), ticket.lesson_date, ticket.topic,
                       ticket.score, ticket.max_score, ticket.grade, ticket.grade_scale,
                       ticket.mark, ticket.comment, ticket.self_assessment, ticket.pupil_response,
                       ticket.redraft, id_or_null(ticket.recorded_by), now, now);
    statement.run();
    return db_.last_insert_id();
  }

  void update_exit_ticket(const ExitTicket& ticket, std::int64_t version) override {
    Statement statement = db_.prepare(
        "UPDATE exit_tickets SET subject_id = ?, teaching_group_id = ?, lesson_date = ?, "
        "topic = ?, score = ?, max_score = ?, grade = ?, grade_scale = ?, mark = ?, comment = ?, "
        "self_assessment = ?, pupil_response = ?, redraft = ?, updated_at = ? WHERE id = ?");
    statement.bind_all(ticket.subject_id, id_or_null(ticket.teaching_group_id), ticket.lesson_date,
                       ticket.topic, ticket.score, ticket.max_score, ticket.grade,
                       ticket.grade_scale, ticket.mark, ticket.comment, ticket.self_assessment,
                       ticket.pupil_response, ticket.redraft, version, ticket.id);
    statement.run();
  }

  std::vector<ExitTicket> exit_tickets_of(Id pupil_id, std::optional<Date> from,
                                          std::optional<Date> to) override {
    static const std::string sql =
        std::string(kTicketColumns) +
        "WHERE pupil_id = ? AND (?2 IS NULL OR lesson_date >= ?2) AND (?3 IS NULL OR "
        "lesson_date <= ?3) ORDER BY lesson_date, id";
    Statement statement = db_.prepare(sql);
    statement.bind_all(pupil_id, from, to);
    std::vector<ExitTicket> tickets;
    while (statement.next_row()) tickets.push_back(read_ticket(statement));
    return tickets;
  }

  std::vector<ExitTicket> exit_tickets_on(const std::vector<Id>& pupil_ids, Id subject_id,
                                          Date lesson_date) override {
    if (pupil_ids.empty()) return {};
    static const std::string sql =
        std::string(kTicketColumns) +
        "WHERE pupil_id IN (SELECT value FROM json_each(?)) AND subject_id = ? AND lesson_date = "
        "? ORDER BY pupil_id, id";
    Statement statement = db_.prepare(sql);
    statement.bind_all(json_ids(pupil_ids), subject_id, lesson_date);
    std::vector<ExitTicket> tickets;
    while (statement.next_row()) tickets.push_back(read_ticket(statement));
    return tickets;
  }

  std::optional<MarkedWork> marked_work(Id id) override {
    static const std::string sql = std::string(kWorkColumns) + "WHERE id = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    if (!statement.next_row()) return std::nullopt;
    return read_work(statement);
  }

  Id insert_marked_work(const MarkedWork& work, std::int64_t now) override {
    Statement statement = db_.prepare(
        "INSERT INTO marked_work (pupil_id, organisation_id, subject_id, title, work_date, "
        "feedback, self_assessment, pupil_response, redraft, recorded_by, recorded_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement.bind_all(work.pupil_id, work.organisation_id, work.subject_id, work.title,
                       work.work_date, work.feedback, work.self_assessment, work.pupil_response,
                       work.redraft, id_or_null(work.recorded_by), now, now);
    statement.run();
    return db_.last_insert_id();
  }

  void update_marked_work(const MarkedWork& work, std::int64_t version) override {
    Statement statement = db_.prepare(
        "UPDATE marked_work SET subject_id = ?, title = ?, work_date = ?, feedback = ?, "
        "self_assessment = ?, pupil_response = ?, redraft = ?, updated_at = ? WHERE id = ?");
    statement.bind_all(work.subject_id, work.title, work.work_date, work.feedback,
                       work.self_assessment, work.pupil_response, work.redraft, version, work.id);
    statement.run();
  }

  std::vector<MarkedWork> marked_work_of(Id pupil_id) override {
    static const std::string sql =
        std::string(kWorkColumns) + "WHERE pupil_id = ? ORDER BY work_date DESC, id DESC";
    Statement statement = db_.prepare(sql);
    statement.bind_all(pupil_id);
    std::vector<MarkedWork> items;
    while (statement.next_row()) items.push_back(read_work(statement));
    return items;
  }

  Id insert_evidence(const EvidenceFile& file) override {
    Statement statement = db_.prepare(
        "INSERT INTO evidence_files (pupil_id, work_id, stored_name, media_type, size_bytes, "
        "sha256, original_name, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement.bind_all(file.pupil_id, id_or_null(file.work_id), file.stored_name,
                       media_type(file.type), file.size_bytes, file.sha256, file.original_name,
                       id_or_null(file.uploaded_by), file.uploaded_at);
    statement.run();
    return db_.last_insert_id();
  }

  std::optional<EvidenceFile> evidence(Id id) override {
    static const std::string sql = std::string(kEvidenceColumns) + "WHERE id = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    if (!statement.next_row()) return std::nullopt;
    return read_evidence(statement);
  }

  std::vector<EvidenceFile> evidence_of_pupil(Id pupil_id) override {
    static const std::string sql =
        std::string(kEvidenceColumns) + "WHERE pupil_id = ? ORDER BY uploaded_at DESC, id DESC";
    Statement statement = db_.prepare(sql);
    statement.bind_all(pupil_id);
    std::vector<EvidenceFile> files;
    while (statement.next_row()) files.push_back(read_evidence(statement));
    return files;
  }

 private:
  Db& db_;
};

}  // namespace

std::unique_ptr<ClassworkStore> make_classwork_store(Db& db) {
  return std::make_unique<SqliteClassworkStore>(db);
}

}  // namespace waymark::store::sqlite
