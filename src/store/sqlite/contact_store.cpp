// The SQLite ContactStore: call intervals, key workers and the contact log (migration 009).
#include <string>

#include "store/contact_store.h"
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kLogColumns =
    "SELECT id, pupil_id, organisation_id, contact_date, method, staff_id, contact_id, "
    "contact_name, contact_relationship, parental_responsibility, summary, work_completed, "
    "progress, other, outcome, recorded_by, recorded_at FROM contact_log ";

ContactLogEntry read_entry(const Statement& row) {
  ContactLogEntry entry;
  entry.id = row.int64(0);
  entry.pupil_id = row.int64(1);
  entry.organisation_id = row.int64(2);
  entry.contact_date = row.date(3);
  entry.method = stored_or_fault(parse_contact_method(row.text(4)), "contact method");
  entry.staff_id = row.int64(5);
  entry.contact_id = row.int64(6);
  entry.contact_name = row.text(7);
  entry.contact_relationship = row.text(8);
  entry.parental_responsibility = row.boolean(9);
  entry.summary = row.text(10);
  entry.work_completed = row.text(11);
  entry.progress = row.text(12);
  entry.other = row.text(13);
  entry.outcome = row.text(14);
  entry.recorded_by = row.int64(15);
  entry.recorded_at = row.int64(16);
  return entry;
}

class SqliteContactStore final : public ContactStore {
 public:
  explicit SqliteContactStore(Db& db) : db_(db) {}

  std::optional<ContactRule> contact_rule(Id organisation_id) override {
    Statement statement =
        db_.prepare("SELECT min_days, max_days FROM contact_rules WHERE organisation_id = ?");
    statement.bind_all(organisation_id);
    if (!statement.next_row()) return std::nullopt;
    return ContactRule{statement.integer(0), statement.integer(1)};
  }

  void set_contact_rule(Id organisation_id, const ContactRule& rule, std::int64_t now) override {
    db_.prepare(
           "INSERT INTO contact_rules (organisation_id, min_days, max_days, updated_at) VALUES "
           "(?, ?, ?, ?) ON CONFLICT (organisation_id) DO UPDATE SET min_days = excluded.min_days, "
           "max_days = excluded.max_days, updated_at = excluded.updated_at")
        .bind_all(organisation_id, rule.min_days, rule.max_days, now)
        .run();
  }

  Id key_worker(Id placement_id) override {
    Statement statement = db_.prepare("SELECT user_id FROM key_workers WHERE placement_id = ?");
    statement.bind_all(placement_id);
    return statement.next_row() ? statement.int64(0) : 0;
  }

  void set_key_worker(Id placement_id, Id user_id, std::int64_t now) override {
    if (user_id == 0) {
      db_.prepare("DELETE FROM key_workers WHERE placement_id = ?").bind_all(placement_id).run();
      return;
    }
    db_.prepare(
           "INSERT INTO key_workers (placement_id, user_id, updated_at) VALUES (?, ?, ?) "
           "ON CONFLICT (placement_id) DO UPDATE SET user_id = excluded.user_id, "
           "updated_at = excluded.updated_at")
        .bind_all(placement_id, user_id, now)
        .run();
  }

  std::map<Id, Id> key_workers_at(Id provider_id) override {
    Statement statement = db_.prepare(
        "SELECT k.placement_id, k.user_id FROM key_workers k JOIN placements p ON p.id = "
        "k.placement_id WHERE p.provider_id = ?");
    statement.bind_all(provider_id);
    std::map<Id, Id> workers;
    while (statement.next_row()) workers[statement.int64(0)] = statement.int64(1);
    return workers;
  }

  Id insert_contact_log(const ContactLogEntry& entry, std::int64_t now) override {
    db_.prepare(
           "INSERT INTO contact_log (pupil_id, organisation_id, contact_date, method, staff_id, "
           "contact_id, contact_name, contact_relationship, parental_responsibility, summary, "
           "work_completed, progress, other, outcome, recorded_by, recorded_at) VALUES "
           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(entry.pupil_id, entry.organisation_id, entry.contact_date,
                  to_string(entry.method), id_or_null(entry.staff_id), entry.contact_id,
                  entry.contact_name, entry.contact_relationship, entry.parental_responsibility,
                  entry.summary, entry.work_completed, entry.progress, entry.other, entry.outcome,
                  id_or_null(entry.recorded_by), now)
        .run();
    return db_.last_insert_id();
  }

  std::optional<ContactLogEntry> contact_log_entry(Id id) override {
    static const std::string sql = std::string(kLogColumns) + "WHERE id = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    if (!statement.next_row()) return std::nullopt;
    return read_entry(statement);
  }

  std::vector<ContactLogEntry> contact_log_of(Id pupil_id) override {
    static const std::string sql =
        std::string(kLogColumns) + "WHERE pupil_id = ? ORDER BY contact_date DESC, id DESC";
    Statement statement = db_.prepare(sql);
    statement.bind_all(pupil_id);
    std::vector<ContactLogEntry> entries;
    while (statement.next_row()) entries.push_back(read_entry(statement));
    return entries;
  }

  std::map<Id, Date> last_calls_at(Id organisation_id) override {
    Statement statement = db_.prepare(
        "SELECT pupil_id, MAX(contact_date) FROM contact_log WHERE organisation_id = ? AND "
        "method IN ('call', 'meeting') GROUP BY pupil_id");
    statement.bind_all(organisation_id);
    std::map<Id, Date> dates;
    while (statement.next_row()) dates.emplace(statement.int64(0), statement.date(1));
    return dates;
  }

 private:
  Db& db_;
};

}  // namespace

std::unique_ptr<ContactStore> make_contact_store(Db& db) {
  return std::make_unique<SqliteContactStore>(db);
}

}  // namespace waymark::store::sqlite
