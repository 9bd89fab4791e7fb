// The SQLite NotificationStore: in-app notifications and the email outbox (migration 007).
#include "store/notification_store.h"

#include <string>

#include "store/sqlite/sqlite_connection.h"

namespace waymark::store {

const char* to_string(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::Queued:
      return "queued";
    case OutboxStatus::Sending:
      return "sending";
    case OutboxStatus::Sent:
      return "sent";
    case OutboxStatus::Failed:
      return "failed";
  }
  return "queued";
}

namespace sqlite {

namespace {

OutboxStatus parse_status(const std::string& text) {
  if (text == "queued") return OutboxStatus::Queued;
  if (text == "sending") return OutboxStatus::Sending;
  if (text == "sent") return OutboxStatus::Sent;
  if (text == "failed") return OutboxStatus::Failed;
  throw StoreFault("a stored outbox status is not valid");
}

constexpr const char* kNotificationColumns =
    "SELECT id, user_id, organisation_id, topic, subject, body, link, pupil_id, created_at, "
    "read_at FROM notifications ";

NotificationRecord read_notification(const Statement& row) {
  NotificationRecord record;
  record.id = row.int64(0);
  record.user_id = row.int64(1);
  record.organisation_id = row.int64(2);
  record.topic = row.text(3);
  record.subject = row.text(4);
  record.body = row.text(5);
  record.link = row.text(6);
  record.pupil_id = row.int64(7);
  record.created_at = row.int64(8);
  record.read_at = row.optional_int64(9);
  return record;
}

constexpr const char* kOutboxColumns =
    "id, notification_id, organisation_id, recipient, subject, body, link, message_id, status, "
    "attempts, next_attempt_at, lease_until, last_error, created_at, sent_at";

OutboxMessage read_message(const Statement& row) {
  OutboxMessage message;
  message.id = row.int64(0);
  message.notification_id = row.int64(1);
  message.organisation_id = row.int64(2);
  message.recipient = row.text(3);
  message.subject = row.text(4);
  message.body = row.text(5);
  message.link = row.text(6);
  message.message_id = row.text(7);
  message.status = parse_status(row.text(8));
  message.attempts = row.integer(9);
  message.next_attempt_at = row.int64(10);
  message.lease_until = row.optional_int64(11);
  message.last_error = row.text(12);
  message.created_at = row.int64(13);
  message.sent_at = row.optional_int64(14);
  return message;
}

class SqliteNotificationStore final : public NotificationStore {
 public:
  explicit SqliteNotificationStore(Db& db) : db_(db) {}

  Id insert_notification(const NotificationRecord& notification) override {
    db_.prepare(
           "INSERT INTO notifications (user_id, organisation_id, topic, subject, body, link, "
           "pupil_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(notification.user_id, notification.organisation_id, notification.topic,
                  notification.subject, notification.body, notification.link,
                  id_or_null(notification.pupil_id), notification.created_at)
        .run();
    return db_.last_insert_id();
  }

  std::optional<NotificationRecord> notification(Id id) override {
    static const std::string sql = std::string(kNotificationColumns) + "WHERE id = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    if (!statement.next_row()) return std::nullopt;
    return read_notification(statement);
  }

  std::vector<NotificationRecord> notifications_of(Id user_id, Which which, int limit,
                                                   int offset) override {
    static const std::string all_sql =
        std::string(kNotificationColumns) + "WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?";
    static const std::string unread_sql =
        std::string(kNotificationColumns) +
        "WHERE user_id = ? AND read_at IS NULL ORDER BY id DESC LIMIT ? OFFSET ?";
    Statement statement = db_.prepare(which == Which::All ? all_sql : unread_sql);
    statement.bind_all(user_id, limit, offset);
    std::vector<NotificationRecord> records;
    while (statement.next_row()) records.push_back(read_notification(statement));
    return records;
  }

  int unread_count(Id user_id) override {
    Statement statement =
        db_.prepare("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL");
    statement.bind_all(user_id);
    return statement.next_row() ? statement.integer(0) : 0;
  }

  bool mark_read(Id notification_id, Id user_id, std::int64_t now) override {
    Statement statement = db_.prepare(
        "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?");
    return statement.bind_all(now, notification_id, user_id).run() > 0;
  }

  int mark_all_read(Id user_id, std::int64_t now) override {
    return db_.prepare("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
        .bind_all(now, user_id)
        .run();
  }

  Id insert_outbox_message(const OutboxMessage& message) override {
    db_.prepare(
           "INSERT INTO outbox (notification_id, organisation_id, recipient, subject, body, link, "
           "message_id, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, "
           "?, 'queued', 0, ?, ?)")
        .bind_all(id_or_null(message.notification_id), message.organisation_id, message.recipient,
                  message.subject, message.body, message.link, message.message_id,
                  message.next_attempt_at, message.created_at)
        .run();
    return db_.last_insert_id();
  }

  std::optional<OutboxMessage> outbox_message(Id id) override {
    static const std::string sql =
        std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE id = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    if (!statement.next_row()) return std::nullopt;
    return read_message(statement);
  }

  std::optional<OutboxMessage> claim_due(std::int64_t now, std::int64_t lease_until) override {
    // One statement, so the choice and the claim are atomic even outside a transaction.
    static const std::string sql =
        std::string(
            "UPDATE outbox SET status = 'sending', lease_until = ?, attempts = attempts + 1 "
            "WHERE id = (SELECT id FROM outbox WHERE (status = 'queued' AND next_attempt_at <= ?) "
            "OR (status = 'sending' AND lease_until <= ?) ORDER BY next_attempt_at, id LIMIT 1) "
            "RETURNING ") +
        kOutboxColumns;
    Statement statement = db_.prepare(sql);
    statement.bind_all(lease_until, now, now);
    if (!statement.next_row()) return std::nullopt;
    OutboxMessage message = read_message(statement);
    while (statement.next_row()) {
    }
    return message;
  }

  bool mark_sent(Id id, int attempt, std::int64_t now) override {
    return db_.prepare(
                  "UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL, "
                  "last_error = '' WHERE id = ? AND status = 'sending' AND attempts = ?")
               .bind_all(now, id, attempt)
               .run() > 0;
  }

  bool mark_retry(Id id, int attempt, std::int64_t next_attempt_at,
                  const std::string& error) override {
    return db_.prepare(
                  "UPDATE outbox SET status = 'queued', next_attempt_at = ?, lease_until = NULL, "
                  "last_error = ? WHERE id = ? AND status = 'sending' AND attempts = ?")
               .bind_all(next_attempt_at, error, id, attempt)
               .run() > 0;
  }

  bool mark_failed(Id id, int attempt, const std::string& error) override {
    return db_.prepare(
                  "UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = ? "
                  "WHERE id = ? AND status = 'sending' AND attempts = ?")
               .bind_all(error, id, attempt)
               .run() > 0;
  }

  bool requeue_failed(Id id, std::int64_t now) override {
    return db_.prepare(
                  "UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = ? "
                  "WHERE id = ? AND status = 'failed'")
               .bind_all(now, id)
               .run() > 0;
  }

  OutboxCounts outbox_counts(Id organisation_id) override {
    Statement statement = db_.prepare(
        "SELECT status, COUNT(*) FROM outbox WHERE organisation_id = ? GROUP BY status");
    statement.bind_all(organisation_id);
    OutboxCounts counts;
    while (statement.next_row()) {
      const int count = statement.integer(1);
      switch (parse_status(statement.text(0))) {
        case OutboxStatus::Queued:
          counts.queued = count;
          break;
        case OutboxStatus::Sending:
          counts.sending = count;
          break;
        case OutboxStatus::Sent:
          counts.sent = count;
          break;
        case OutboxStatus::Failed:
          counts.failed = count;
          break;
      }
    }
    return counts;
  }

  std::vector<OutboxMessage> outbox_messages(Id organisation_id, OutboxStatus status,
                                             int limit) override {
    static const std::string sql =
        std::string("SELECT ") + kOutboxColumns +
        " FROM outbox WHERE organisation_id = ? AND status = ? ORDER BY id DESC LIMIT ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(organisation_id, to_string(status), limit);
    std::vector<OutboxMessage> messages;
    while (statement.next_row()) messages.push_back(read_message(statement));
    return messages;
  }

 private:
  Db& db_;
};

}  // namespace

std::unique_ptr<NotificationStore> make_notification_store(Db& db) {
  return std::make_unique<SqliteNotificationStore>(db);
}

}  // namespace sqlite
}  // namespace waymark::store
