// Reading one's own notifications: list, unread count, mark read, mark all read, and the admin's
// test notice.
#include <string>

#include "app/audit.h"
#include "app/notifications.h"
#include "app/visibility.h"

namespace waymark::app {

namespace {

// A notification about a pupil the actor can no longer see stays hidden (its text may name them).
bool still_visible(store::Connection& connection, const Actor& actor,
                   const NotificationRecord& record) {
  return record.pupil_id == 0 || connection.pupil_visible(record.pupil_id, visibility_of(actor));
}

}  // namespace

Result<NotificationList> list_notifications(Context& context, const Actor& actor,
                                            UnreadOnly unread_only, int limit, int offset) {
  ErrorList errors;
  if (limit < 1 || limit > 200) errors.add("limit", "must be between 1 and 200");
  if (offset < 0) errors.add("offset", "must not be negative");
  if (!errors.empty()) return errors.to_error();
  auto& connection = context.store.connection();
  auto& notifications = connection.notifications();
  NotificationList list;
  for (auto& record : notifications.notifications_of(actor.user_id,
                                                     unread_only == UnreadOnly::Yes
                                                         ? store::NotificationStore::Which::Unread
                                                         : store::NotificationStore::Which::All,
                                                     limit, offset))
    if (still_visible(connection, actor, record)) list.items.push_back(std::move(record));
  list.unread = notifications.unread_count(actor.user_id);
  return list;
}

int unread_notification_count(Context& context, const Actor& actor) {
  if (actor.user_id == 0) return 0;
  return context.store.connection().notifications().unread_count(actor.user_id);
}

Result<NotificationRecord> mark_notification_read(Context& context, const Actor& actor,
                                                  Id notification_id) {
  auto& connection = context.store.connection();
  return in_transaction(connection, [&](store::Connection& db) -> Result<NotificationRecord> {
    auto& notifications = db.notifications();
    auto record = notifications.notification(notification_id);
    if (!record || record->user_id != actor.user_id || !still_visible(db, actor, *record))
      return Error::not_found("notification");
    notifications.mark_read(notification_id, actor.user_id, context.clock.now_seconds());
    return *notifications.notification(notification_id);
  });
}

Result<int> mark_all_notifications_read(Context& context, const Actor& actor) {
  auto& connection = context.store.connection();
  return in_transaction(connection, [&](store::Connection& db) -> Result<int> {
    return db.notifications().mark_all_read(actor.user_id, context.clock.now_seconds());
  });
}

Result<Id> send_test_notice(Context& context, const Actor& actor) {
  if (!actor.can_manage_users())
    return Error::forbidden("only an administrator may send a test notice");
  auto& connection = context.store.connection();
  return in_transaction(connection, [&](store::Connection& db) -> Result<Id> {
    const std::int64_t now = context.clock.now_seconds();
    Notice notice{"notifications.test", "Test notice",
                  "A test of Waymark's notifications and email, sent at your request.",
                  "/notifications", std::nullopt};
    auto queued = WAYMARK_TRY(notify_user(db, now, actor.user_id, notice));
    record_audit(db, actor, now, "create", "test_notice", queued.outbox_id, 0, Json(),
                 Json{{"outbox_id", queued.outbox_id}, {"topic", notice.topic}});
    return queued.outbox_id;
  });
}

}  // namespace waymark::app
