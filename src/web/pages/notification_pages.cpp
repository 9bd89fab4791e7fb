// /notifications (the signed-in user's notifications: mark one or all read) and /admin/outbox
// (an administrator's view of the emails to their organisation's users, with retry and a test
// email).
#include <string>

#include "app/notifications.h"
#include "app/outbox.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

// "2026-03-12 14:05 UTC"
std::string utc_text(std::int64_t seconds) {
  const std::string iso = iso_utc(seconds);
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

Response notification_list(const Templates& templates, Exchange& exchange) {
  // FIXME(paging): the page shows the latest 100; older ones are reachable only through the API's
  // offset until the list pages (few users will have more than 100 unread).
  const bool unread_only = exchange.request.param("unread") == "true";
  auto list =
      app::list_notifications(exchange.app, exchange.actor,
                              unread_only ? app::UnreadOnly::Yes : app::UnreadOnly::No, 100, 0);
  if (!list.ok()) return error_page(templates, exchange, list.error());
  List items;
  for (const auto& record : list->items) {
    Data item{Data::type::object};
    item.set("subject", record.subject);
    item.set("body", optional_text(record.body));
    item.set("link", optional_text(record.link));
    item.set("created", utc_text(record.created_at));
    item.set("unread", Data(!record.read_at.has_value()));
    item.set("read_action", "/notifications/" + std::to_string(record.id) + "/read");
    items.push_back(item);
  }
  Data data{Data::type::object};
  data.set("items", items);
  data.set("has_items", Data(!list->items.empty()));
  data.set("unread", std::to_string(list->unread));
  data.set("has_unread", Data(list->unread > 0));
  data.set("filter_unread", Data(unread_only));
  data.set("csrf_token", exchange.csrf_token);
  PageFrame frame = page_frame(exchange, "Notifications", "/notifications");
  const std::string done = exchange.request.param("done");
  if (done == "read") frame.flash = "Marked as read.";
  if (done == "all") frame.flash = "All notifications marked as read.";
  return render_page(templates, frame, "notification_list", data);
}

const char* outbox_flash(const std::string& done) {
  if (done == "retried") return "The email is queued to be sent again.";
  if (done == "test") return "A test email is queued to you.";
  return "";
}

Response outbox_page(const Templates& templates, Exchange& exchange) {
  auto overview = app::outbox_overview(exchange.app, exchange.actor, store::OutboxStatus::Failed);
  if (!overview.ok()) return error_page(templates, exchange, overview.error());
  List messages;
  for (const auto& message : overview->messages) {
    Data row{Data::type::object};
    row.set("recipient", message.recipient);
    row.set("created", utc_text(message.created_at));
    row.set("attempts", std::to_string(message.attempts));
    row.set("last_error", message.last_error);
    row.set("retry_action", "/admin/outbox/" + std::to_string(message.id) + "/retry");
    messages.push_back(row);
  }
  const auto& counts = overview->counts;
  Data data{Data::type::object};
  data.set("queued", std::to_string(counts.queued));
  data.set("sending", std::to_string(counts.sending));
  data.set("sent", std::to_string(counts.sent));
  data.set("failed", std::to_string(counts.failed));
  data.set("messages", messages);
  data.set("has_messages", Data(!overview->messages.empty()));
  data.set("csrf_token", exchange.csrf_token);
  PageFrame frame = page_frame(exchange, "Email outbox", "/admin/outbox");
  frame.flash = outbox_flash(exchange.request.param("done"));
  return render_page(templates, frame, "notification_outbox", data);
}

}  // namespace

void register_notification_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/notifications",
              [&templates](Exchange& exchange) { return notification_list(templates, exchange); });
  router.page(Method::Post, "/notifications/read-all", [&templates](Exchange& exchange) {
    auto marked = app::mark_all_notifications_read(exchange.app, exchange.actor);
    if (!marked.ok()) return error_page(templates, exchange, marked.error());
    return Response::redirect("/notifications?done=all");
  });
  router.page(Method::Post, "/notifications/{id}/read", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "notification");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    auto record = app::mark_notification_read(exchange.app, exchange.actor, *id);
    if (!record.ok()) return error_page(templates, exchange, record.error());
    return Response::redirect("/notifications?done=read");
  });

  router.page(Method::Get, "/admin/outbox",
              [&templates](Exchange& exchange) { return outbox_page(templates, exchange); });
  router.page(Method::Post, "/admin/outbox/test", [&templates](Exchange& exchange) {
    auto queued = app::send_test_notice(exchange.app, exchange.actor);
    if (!queued.ok()) return error_page(templates, exchange, queued.error());
    return Response::redirect("/admin/outbox?done=test");
  });
  router.page(Method::Post, "/admin/outbox/{id}/retry", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "email");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    auto message = app::retry_outbox_message(exchange.app, exchange.actor, *id);
    if (!message.ok()) return error_page(templates, exchange, message.error());
    return Response::redirect("/admin/outbox?done=retried");
  });
}

}  // namespace waymark::web
