// The SQLite AttendanceStore: register marks and their history, registers taken and N alerts
// (migration 006).
#include <string>

#include "store/attendance_store.h"
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

Session read_session(const std::string& text) {
  if (text == "AM") return Session::Am;
  if (text == "PM") return Session::Pm;
  throw StoreFault("a stored session is not valid");
}

constexpr const char* kMarkColumns =
    "SELECT id, pupil_id, provider_id, placement_id, commissioner_id, date, session, code, "
    "minutes_late, version, recorded_by, recorded_at FROM attendance_marks ";

StoredMark read_mark(const Statement& row) {
  StoredMark mark;
  mark.id = row.int64(0);
  mark.pupil_id = row.int64(1);
  mark.provider_id = row.int64(2);
  mark.placement_id = row.int64(3);
  mark.commissioner_id = row.int64(4);
  mark.date = row.date(5);
  mark.session = read_session(row.text(6));
  mark.code = row.text(7);
  mark.minutes_late = row.optional_integer(8);
  mark.version = row.integer(9);
  mark.recorded_by = row.int64(10);
  mark.recorded_at = row.int64(11);
  return mark;
}

std::vector<StoredMark> read_marks(Statement& statement) {
  std::vector<StoredMark> marks;
  while (statement.next_row()) marks.push_back(read_mark(statement));
  return marks;
}

std::string json_ids(const std::vector<Id>& ids) {
  std::string text = "[";
  for (Id id : ids) {
    if (text.size() > 1) text += ',';
    text += std::to_string(id);
  }
  return text + "]";
}

class SqliteAttendanceStore final : public AttendanceStore {
 public:
  explicit SqliteAttendanceStore(Db& db) : db_(db) {}

  std::optional<StoredMark> mark(Id pupil_id, Date date, Session session) override {
    static const std::string sql =
        std::string(kMarkColumns) + "WHERE pupil_id = ? AND date = ? AND session = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(pupil_id, date, to_string(session));
    if (!statement.next_row()) return std::nullopt;
    return read_mark(statement);
  }

  Id insert_mark(const StoredMark& mark) override {
    Savepoint savepoint(db_);
    db_.prepare(
           "INSERT INTO attendance_marks (pupil_id, provider_id, placement_id, commissioner_id, "
           "date, session, code, minutes_late, version, recorded_by, recorded_at) VALUES "
           "(?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
        .bind_all(mark.pupil_id, mark.provider_id, mark.placement_id, mark.commissioner_id,
                  mark.date, to_string(mark.session), mark.code, mark.minutes_late,
                  id_or_null(mark.recorded_by), mark.recorded_at)
        .run();
    const Id id = db_.last_insert_id();
    append_history(id, 1, mark, "");
    savepoint.release();
    return id;
  }

  void update_mark(const StoredMark& mark, const std::string& reason) override {
    Savepoint savepoint(db_);
    db_.prepare(
           "UPDATE attendance_marks SET code = ?, minutes_late = ?, version = ?, recorded_by = ?, "
           "recorded_at = ? WHERE id = ?")
        .bind_all(mark.code, mark.minutes_late, mark.version, id_or_null(mark.recorded_by),
                  mark.recorded_at, mark.id)
        .run();
    append_history(mark.id, mark.version, mark, reason);
    savepoint.release();
  }

  std::vector<StoredMark> marks_on(const std::vector<Id>& pupil_ids, Date date,
                                   Session session) override {
    if (pupil_ids.empty()) return {};
    static const std::string sql =
        std::string(kMarkColumns) +
        "WHERE pupil_id IN (SELECT value FROM json_each(?)) AND date = ? AND session = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(json_ids(pupil_ids), date, to_string(session));
    return read_marks(statement);
  }

  std::vector<StoredMark> marks_at(Id provider_id, Date date, Session session) override {
    static const std::string sql =
        std::string(kMarkColumns) + "WHERE provider_id = ? AND date = ? AND session = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(provider_id, date, to_string(session));
    return read_marks(statement);
  }

  std::vector<StoredMark> marks_of(Id pupil_id, Date from, Date to) override {
    static const std::string sql = std::string(kMarkColumns) +
                                   "WHERE pupil_id = ? AND date >= ? AND date <= ? "
                                   "ORDER BY date, session";
    Statement statement = db_.prepare(sql);
    statement.bind_all(pupil_id, from, to);
    return read_marks(statement);
  }

  std::vector<StoredMark> marks_commissioned_by(Id commissioner_id, Date from, Date to) override {
    static const std::string sql = std::string(kMarkColumns) +
                                   "WHERE commissioner_id = ? AND date >= ? AND date <= ? "
                                   "ORDER BY pupil_id, date, session";
    Statement statement = db_.prepare(sql);
    statement.bind_all(commissioner_id, from, to);
    return read_marks(statement);
  }

  std::vector<MarkVersion> history_of(Id pupil_id, Date from, Date to) override {
    Statement statement = db_.prepare(
        "SELECT h.mark_id, m.pupil_id, m.date, m.session, h.version, h.code, h.minutes_late, "
        "h.reason, h.changed_by, COALESCE(u.display_name, ''), h.changed_at "
        "FROM attendance_mark_history h JOIN attendance_marks m ON m.id = h.mark_id "
        "LEFT JOIN users u ON u.id = h.changed_by "
        "WHERE m.pupil_id = ? AND m.date >= ? AND m.date <= ? "
        "ORDER BY h.changed_at DESC, h.id DESC");
    statement.bind_all(pupil_id, from, to);
    std::vector<MarkVersion> versions;
    while (statement.next_row()) {
      MarkVersion version;
      version.mark_id = statement.int64(0);
      version.pupil_id = statement.int64(1);
      version.date = statement.date(2);
      version.session = read_session(statement.text(3));
      version.version = statement.integer(4);
      version.code = statement.text(5);
      version.minutes_late = statement.optional_integer(6);
      version.reason = statement.text(7);
      version.changed_by = statement.int64(8);
      version.changed_by_name = statement.text(9);
      version.changed_at = statement.int64(10);
      versions.push_back(std::move(version));
    }
    return versions;
  }

  std::vector<MarkExportRow> export_rows(Date from, Date to,
                                         std::optional<Id> commissioner_id) override {
    Statement statement = db_.prepare(
        "SELECT COALESCE(p.upn, ''), m.date, m.session, m.code, m.minutes_late, "
        "COALESCE(prov.urn, ''), COALESCE(comm.urn, '') "
        "FROM attendance_marks m JOIN pupils p ON p.id = m.pupil_id "
        "JOIN organisations prov ON prov.id = m.provider_id "
        "JOIN organisations comm ON comm.id = m.commissioner_id "
        "WHERE m.date >= ?1 AND m.date <= ?2 AND (?3 IS NULL OR m.commissioner_id = ?3) "
        "ORDER BY p.upn, m.date, m.session, m.id");
    statement.bind_all(from, to, commissioner_id);
    std::vector<MarkExportRow> rows;
    while (statement.next_row()) {
      MarkExportRow row;
      row.upn = statement.text(0);
      row.date = statement.date(1);
      row.session = read_session(statement.text(2));
      row.code = statement.text(3);
      row.minutes_late = statement.optional_integer(4);
      row.provider_urn = statement.text(5);
      row.commissioner_urn = statement.text(6);
      rows.push_back(std::move(row));
    }
    return rows;
  }

  std::optional<RegisterTaken> register_taken(Id provider_id, Date date, Session session) override {
    Statement statement = db_.prepare(
        "SELECT taken_by, taken_at FROM attendance_registers WHERE provider_id = ? AND date = ? "
        "AND session = ?");
    statement.bind_all(provider_id, date, to_string(session));
    if (!statement.next_row()) return std::nullopt;
    return RegisterTaken{provider_id, date, session, statement.int64(0), statement.int64(1)};
  }

  void put_register(const RegisterTaken& taken) override {
    db_.prepare(
           "INSERT INTO attendance_registers (provider_id, date, session, taken_by, taken_at) "
           "VALUES (?, ?, ?, ?, ?) ON CONFLICT (provider_id, date, session) DO UPDATE SET "
           "taken_by = excluded.taken_by, taken_at = excluded.taken_at")
        .bind_all(taken.provider_id, taken.date, to_string(taken.session),
                  id_or_null(taken.taken_by), taken.taken_at)
        .run();
  }

  std::vector<RegisterTaken> registers_taken_on(Id provider_id, Date date) override {
    Statement statement = db_.prepare(
        "SELECT session, taken_by, taken_at FROM attendance_registers WHERE provider_id = ? AND "
        "date = ? ORDER BY session");
    statement.bind_all(provider_id, date);
    std::vector<RegisterTaken> registers;
    while (statement.next_row())
      registers.push_back(RegisterTaken{provider_id, date, read_session(statement.text(0)),
                                        statement.int64(1), statement.int64(2)});
    return registers;
  }

  bool alert_recorded(Id pupil_id, Date date, Session session) override {
    Statement statement = db_.prepare(
        "SELECT 1 FROM attendance_alerts WHERE pupil_id = ? AND date = ? AND session = ?");
    statement.bind_all(pupil_id, date, to_string(session));
    return statement.next_row();
  }

  bool insert_alert(Id pupil_id, Date date, Session session, Id mark_id, Id organisation_id,
                    int notified, std::int64_t now) override {
    Statement statement = db_.prepare(
        "INSERT INTO attendance_alerts (pupil_id, date, session, mark_id, organisation_id, "
        "notified, alerted_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    statement.bind_all(pupil_id, date, to_string(session), mark_id, organisation_id, notified, now);
    return statement.run() > 0;
  }

 private:
  void append_history(Id mark_id, int version, const StoredMark& mark, const std::string& reason) {
    db_.prepare(
           "INSERT INTO attendance_mark_history (mark_id, version, code, minutes_late, reason, "
           "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind_all(mark_id, version, mark.code, mark.minutes_late, reason,
                  id_or_null(mark.recorded_by), mark.recorded_at)
        .run();
  }

  Db& db_;
};

}  // namespace

std::unique_ptr<AttendanceStore> make_attendance_store(Db& db) {
  return std::make_unique<SqliteAttendanceStore>(db);
}

}  // namespace waymark::store::sqlite
