// notify_organisation and notify_user: one in-app notification and one queued email per recipient,
// written in the caller's transaction.
#include "app/notifications.h"

#include "app/secrets.h"
#include "app/visibility.h"

namespace waymark::app {

namespace {

Status check_notice(const Notice& notice) {
  ErrorList errors;
  if (notice.topic.empty()) errors.add("topic", "is required");
  if (notice.subject.empty()) errors.add("subject", "is required");
  // "//host" and "/\\host" would lead off-site (browsers read a backslash as a slash).
  const bool off_site = notice.link.size() > 1 && (notice.link[1] == '/' || notice.link[1] == '\\');
  if (!notice.link.empty() && (notice.link.front() != '/' || off_site))
    errors.add("link", "must be a path inside Waymark, starting with /");
  if (!errors.empty()) return errors.to_error();
  return {};
}

// A Message-ID fixed when the email is queued, so a resend after a crash carries the same one and
// the receiving side can recognise the duplicate.
std::string new_message_id() {
  return "<" + random_token().substr(0, 32) + ".outbox@waymark>";
}

QueuedNotice queue_for(store::Connection& connection, std::int64_t now, const User& user,
                       const Notice& notice) {
  auto& notifications = connection.notifications();
  store::NotificationRecord record;
  record.user_id = user.id;
  record.organisation_id = user.organisation_id;
  record.topic = notice.topic;
  record.subject = notice.subject;
  record.body = notice.body;
  record.link = notice.link;
  record.pupil_id = notice.pupil_id.value_or(0);
  record.created_at = now;
  QueuedNotice queued;
  queued.notification_id = notifications.insert_notification(record);

  // The email carries nothing of the notice but its link: subjects and bodies may name a pupil.
  store::OutboxMessage message;
  message.notification_id = queued.notification_id;
  message.organisation_id = user.organisation_id;
  message.recipient = user.email;
  message.subject = kEmailSubject;
  message.body = kEmailBody;
  message.link = notice.link.empty() ? "/notifications" : notice.link;
  message.message_id = new_message_id();
  message.next_attempt_at = now;
  message.created_at = now;
  queued.outbox_id = notifications.insert_outbox_message(message);
  return queued;
}

}  // namespace

Result<QueuedNotice> notify_user(store::Connection& connection, std::int64_t now_seconds,
                                 Id user_id, const Notice& notice) {
  WAYMARK_TRY_STATUS(check_notice(notice));
  auto user = connection.user(user_id);
  if (!user) return Error::not_found("user");
  return queue_for(connection, now_seconds, *user, notice);
}

Result<int> notify_organisation(store::Connection& connection, std::int64_t now_seconds,
                                Id organisation_id, const Roles& roles, const Notice& notice) {
  WAYMARK_TRY_STATUS(check_notice(notice));
  auto organisation = connection.organisation(organisation_id);
  if (!organisation) return Error::not_found("organisation");
  int notified = 0;
  for (const User& user : connection.users_in(organisation_id)) {
    if (!user.active) continue;
    if (!roles.empty()) {
      bool holds_one = false;
      for (Role role : roles.list()) holds_one = holds_one || user.roles.has(role);
      if (!holds_one) continue;
    }
    if (notice.pupil_id) {
      const Actor recipient{user.id, organisation->id, organisation->kind, user.roles,
                            user.display_name};
      if (!connection.pupil_visible(*notice.pupil_id, visibility_of(recipient))) continue;
    }
    queue_for(connection, now_seconds, user, notice);
    ++notified;
  }
  return notified;
}

}  // namespace waymark::app
