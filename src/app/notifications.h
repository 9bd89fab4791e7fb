// How any area tells people something: an in-app notification for each recipient and an email
// queued in the outbox (sent later, with retries, by the mailer). The notifications area owns the
// storage, the pages and the mailer; other areas only call notify_organisation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/context.h"
#include "core/ids.h"
#include "core/result.h"
#include "core/role.h"
#include "core/user.h"
#include "store/notification_store.h"
#include "store/store.h"

namespace waymark::app {

struct Notice {
  std::string topic;    // a stable key, e.g. "attendance.unexplained_absence", "rag.deterioration"
  std::string subject;  // one line for the notification list and the email subject
  std::string body;     // plain text shown in the app
  std::string link;     // a path inside Waymark, e.g. "/pupils/12/attendance"
  std::optional<Id> pupil_id;  // the pupil it is about, when there is one (reads are authorised)
};

// Notifies every active user of `organisation_id` holding any of `roles` (every active user when
// `roles` is empty): one in-app notification each and one queued email each. Emails name no pupil
// and carry no pupil detail: they say that something needs attention and give the link. Call it
// inside the caller's transaction, so the notice exists exactly when the change that caused it
// commits. Returns the number of users notified.
//
// When the notice is about a pupil, only users who may see that pupil (app/visibility.h) are
// notified. Invalid when the notice has no topic or subject, or its link is not a path inside
// Waymark (it must start with "/"); NotFound when the organisation does not exist.
Result<int> notify_organisation(store::Connection& connection, std::int64_t now_seconds,
                                Id organisation_id, const Roles& roles, const Notice& notice);

// One user: their in-app notification and their queued email, as notify_organisation does for
// each recipient (also for the inactive: the caller chose them). NotFound when there is no such
// user; Invalid as for notify_organisation. Call it inside the caller's transaction.
struct QueuedNotice {
  Id notification_id = 0;
  Id outbox_id = 0;
};
Result<QueuedNotice> notify_user(store::Connection& connection, std::int64_t now_seconds,
                                 Id user_id, const Notice& notice);

// What every email says (no pupil is ever named in an email): the subject line, and the body
// before the link.
inline constexpr const char* kEmailSubject = "Waymark: something needs your attention";
inline constexpr const char* kEmailBody =
    "Something in Waymark needs your attention. Sign in to see it:";

// Reading one's own notifications (notification_inbox.cpp). Every call is about the actor's own
// notifications only; another user's notification answers NotFound. A notification about a pupil
// the actor can no longer see is left out of lists (and answers NotFound), though the unread count
// (one indexed COUNT, cheap enough for every page) still includes it until it is marked read.
// Reading is not audited: the notification row itself records who (its user) and when (read_at).
using store::NotificationRecord;

struct NotificationList {
  std::vector<NotificationRecord> items;  // newest first
  int unread = 0;
};
enum class UnreadOnly { No, Yes };
// At most `limit` (1..200, else Invalid) from `offset` (>= 0). Dashboards use limit N for "the
// latest N notifications".
Result<NotificationList> list_notifications(Context& context, const Actor& actor,
                                            UnreadOnly unread_only, int limit, int offset);
// The actor's unread count, for the page header and dashboards.
int unread_notification_count(Context& context, const Actor& actor);
// Marks one read (again is fine) and returns it; NotFound when it is not the actor's.
Result<NotificationRecord> mark_notification_read(Context& context, const Actor& actor,
                                                  Id notification_id);
// Marks all the actor's notifications read; returns how many were unread.
Result<int> mark_all_notifications_read(Context& context, const Actor& actor);
// Sends the actor a test notice (in-app and email), to check the mail set-up. Admins only
// (Forbidden otherwise); audited. Returns the queued email's outbox id.
Result<Id> send_test_notice(Context& context, const Actor& actor);

}  // namespace waymark::app
