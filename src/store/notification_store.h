// Notifications persistence (migration 007): each user's in-app notifications, and the email
// outbox the mailer drains. Reached as connection.notifications(), sharing its transaction.
//
// Reads return nullopt / empty when nothing matches; faults of the database throw StoreFault.
// Authorisation is app's job: these calls trust their caller (app/notifications*.cpp, app/outbox*).
//
// The outbox's claims: claim_due() hands one message to one sender at a time. It takes the oldest
// message that is due (queued and next_attempt_at <= now) or abandoned (sending and its lease has
// expired, i.e. the process that claimed it died or stalled), marks it sending with a lease and
// counts the attempt. The attempt number is the claim's ticket: mark_sent / mark_retry /
// mark_failed only change a message still sending under that same attempt, so a sender whose lease
// expired and was taken over cannot overwrite the newer claim's outcome.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"

namespace waymark::store {

struct NotificationRecord {
  Id id = 0;
  Id user_id = 0;
  Id organisation_id = 0;
  std::string topic;
  std::string subject;
  std::string body;
  std::string link;
  Id pupil_id = 0;  // 0: about no one pupil
  std::int64_t created_at = 0;
  std::optional<std::int64_t> read_at;
};

enum class OutboxStatus { Queued, Sending, Sent, Failed };
const char* to_string(OutboxStatus status);

struct OutboxMessage {
  Id id = 0;
  Id notification_id = 0;  // 0: not from a notification (e.g. a test message)
  Id organisation_id = 0;  // the recipient's organisation: whose admins see the message
  std::string recipient;   // an email address
  std::string subject;
  std::string body;        // plain text, without the link
  std::string link;        // a path inside Waymark; the mailer prefixes its base URL
  std::string message_id;  // "<...@...>", fixed when queued: a resend carries the same one
  OutboxStatus status = OutboxStatus::Queued;
  int attempts = 0;
  std::int64_t next_attempt_at = 0;
  std::optional<std::int64_t> lease_until;
  std::string last_error;  // SMTP's or libcurl's reason; never credentials
  std::int64_t created_at = 0;
  std::optional<std::int64_t> sent_at;
};

struct OutboxCounts {
  int queued = 0;
  int sending = 0;
  int sent = 0;
  int failed = 0;
};

class NotificationStore {
 public:
  virtual ~NotificationStore() = default;

  // In-app notifications. ---------------------------------------------------------------------
  // Inserts and returns the new id (read_at is ignored: a new notification is unread).
  virtual Id insert_notification(const NotificationRecord& notification) = 0;
  virtual std::optional<NotificationRecord> notification(Id id) = 0;
  // The user's notifications, newest first, at most `limit` from `offset`.
  enum class Which { All, Unread };
  virtual std::vector<NotificationRecord> notifications_of(Id user_id, Which which, int limit,
                                                           int offset) = 0;
  virtual int unread_count(Id user_id) = 0;  // one indexed COUNT
  // Marks one of the user's notifications read (keeping an earlier read_at). False when the user
  // has no notification with that id.
  virtual bool mark_read(Id notification_id, Id user_id, std::int64_t now) = 0;
  // Marks every unread notification of the user read; returns how many.
  virtual int mark_all_read(Id user_id, std::int64_t now) = 0;

  // The outbox. -------------------------------------------------------------------------------
  // Inserts a queued message (status, attempts, lease and sent_at are ignored); returns its id.
  // A repeated message_id is a programmer error (throws StoreFault).
  virtual Id insert_outbox_message(const OutboxMessage& message) = 0;
  virtual std::optional<OutboxMessage> outbox_message(Id id) = 0;
  // Claims the next due or abandoned message (see the file comment): status sending, lease_until
  // = `lease_until`, attempts + 1. Returns it as claimed, or nullopt when nothing is due.
  virtual std::optional<OutboxMessage> claim_due(std::int64_t now, std::int64_t lease_until) = 0;
  // Outcomes of the claim made with `attempt`; false when the claim is no longer held.
  virtual bool mark_sent(Id id, int attempt, std::int64_t now) = 0;
  virtual bool mark_retry(Id id, int attempt, std::int64_t next_attempt_at,
                          const std::string& error) = 0;
  virtual bool mark_failed(Id id, int attempt, const std::string& error) = 0;
  // Puts a failed message back in the queue, due at `now`, with its attempts reset. False when
  // the message is not failed.
  virtual bool requeue_failed(Id id, std::int64_t now) = 0;
  // Counts and lists for one organisation's recipients (the admin page), lists newest first.
  virtual OutboxCounts outbox_counts(Id organisation_id) = 0;
  virtual std::vector<OutboxMessage> outbox_messages(Id organisation_id, OutboxStatus status,
                                                     int limit) = 0;
};

}  // namespace waymark::store
