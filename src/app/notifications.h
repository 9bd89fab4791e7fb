// How any area tells people something: an in-app notification for each recipient and an email
// queued in the outbox (sent later, with retries, by the mailer). The notifications area owns the
// storage, the pages and the mailer; other areas only call notify_organisation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/ids.h"
#include "core/result.h"
#include "core/role.h"
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
Result<int> notify_organisation(store::Connection& connection, std::int64_t now_seconds,
                                Id organisation_id, const Roles& roles, const Notice& notice);

}  // namespace waymark::app
