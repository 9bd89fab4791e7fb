// The audit trail. Append-only: the schema's triggers refuse updates and deletes.
#include <algorithm>

#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kAuditColumns =
    "SELECT a.id, a.at, a.user_id, a.organisation_id, a.action, a.entity, a.entity_id, "
    "a.pupil_id, a.before_json, a.after_json, u.display_name "
    "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ";

AuditEntry read_entry(const Statement& row) {
  return AuditEntry{.id = row.int64(0),
                    .at = row.int64(1),
                    .user_id = row.int64(2),
                    .organisation_id = row.int64(3),
                    .action = row.text(4),
                    .entity = row.text(5),
                    .entity_id = row.int64(6),
                    .pupil_id = row.int64(7),
                    .before_json = row.text(8),
                    .after_json = row.text(9),
                    .user_display_name = row.text(10)};
}

std::optional<std::string> text_or_null(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

std::vector<AuditEntry> read_entries(Statement& statement) {
  std::vector<AuditEntry> entries;
  while (statement.next_row()) entries.push_back(read_entry(statement));
  return entries;
}

}  // namespace

void SqliteConnection::append_audit(const AuditEntry& entry) {
  Statement statement = db_.prepare(
      "INSERT INTO audit_log (at, user_id, organisation_id, action, entity, entity_id, pupil_id, "
      "before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind_all(entry.at != 0 ? entry.at : now_utc_seconds(), id_or_null(entry.user_id),
                     id_or_null(entry.organisation_id), entry.action, entry.entity, entry.entity_id,
                     id_or_null(entry.pupil_id), text_or_null(entry.before_json),
                     text_or_null(entry.after_json));
  statement.run();
}

std::vector<AuditEntry> SqliteConnection::audit_of_pupil(Id pupil_id, int limit) {
  static const std::string sql =
      std::string(kAuditColumns) + "WHERE a.pupil_id = ? ORDER BY a.id DESC LIMIT ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(pupil_id, std::max(limit, 0));
  return read_entries(statement);
}

std::vector<AuditEntry> SqliteConnection::audit_of_organisation(Id organisation_id, int limit) {
  static const std::string sql =
      std::string(kAuditColumns) + "WHERE a.organisation_id = ? ORDER BY a.id DESC LIMIT ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(organisation_id, std::max(limit, 0));
  return read_entries(statement);
}

}  // namespace waymark::store::sqlite
