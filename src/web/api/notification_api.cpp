// /api/v1 notifications: the caller's own notifications (list, mark read, mark all read), an
// admin's test notice, and the admin's view of their organisation's outbox (counts, messages in a
// status, retry a failed one).
#include <charconv>

#include <fmt/format.h>

#include "app/notifications.h"
#include "app/outbox.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

Json notification_json(const app::NotificationRecord& record) {
  Json json{{"id", record.id},
            {"topic", record.topic},
            {"subject", record.subject},
            {"body", record.body},
            {"link", record.link},
            {"pupil_id", nullptr},
            {"created_at", iso_utc(record.created_at)},
            {"read_at", nullptr},
            {"read", record.read_at.has_value()}};
  if (record.pupil_id != 0) json["pupil_id"] = record.pupil_id;
  if (record.read_at) json["read_at"] = iso_utc(*record.read_at);
  return json;
}

Json outbox_json(const store::OutboxMessage& message) {
  Json json{{"id", message.id},
            {"recipient", message.recipient},
            {"subject", message.subject},
            {"link", message.link},
            {"message_id", message.message_id},
            {"status", store::to_string(message.status)},
            {"attempts", message.attempts},
            {"next_attempt_at", iso_utc(message.next_attempt_at)},
            {"last_error", message.last_error},
            {"created_at", iso_utc(message.created_at)},
            {"sent_at", nullptr}};
  if (message.sent_at) json["sent_at"] = iso_utc(*message.sent_at);
  return json;
}

// A whole-number query parameter, `fallback` when absent; Invalid naming it when not a number.
Result<int> int_param(const Request& request, const char* name, int fallback) {
  const std::string text = request.param(name);
  if (text.empty()) return fallback;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    return Error::invalid(name, "must be a whole number");
  return value;
}

Result<store::OutboxStatus> status_param(const Request& request) {
  const std::string text = request.param("status");
  if (text.empty() || text == "failed") return store::OutboxStatus::Failed;
  if (text == "queued") return store::OutboxStatus::Queued;
  if (text == "sending") return store::OutboxStatus::Sending;
  if (text == "sent") return store::OutboxStatus::Sent;
  return Error::invalid("status", "must be one of queued, sending, sent, failed");
}

}  // namespace

void register_notification_api(Router& router) {
  router.api(Method::Get, "/api/v1/notifications", [](Exchange& exchange) {
    auto limit = int_param(exchange.request, "limit", 50);
    if (!limit.ok()) return error_response(limit.error());
    auto offset = int_param(exchange.request, "offset", 0);
    if (!offset.ok()) return error_response(offset.error());
    const auto unread_only =
        exchange.request.param("unread") == "true" ? app::UnreadOnly::Yes : app::UnreadOnly::No;
    auto list = app::list_notifications(exchange.app, exchange.actor, unread_only, *limit, *offset);
    if (!list.ok()) return error_response(list.error());
    Json items = Json::array();
    for (const auto& record : list->items) items.push_back(notification_json(record));
    return Response::json(200, Json{{"items", items}, {"unread_count", list->unread}});
  });
  // Registered before /{id}/read, though the segment counts already keep them apart.
  router.api(Method::Post, "/api/v1/notifications/read-all", [](Exchange& exchange) {
    auto marked = app::mark_all_notifications_read(exchange.app, exchange.actor);
    if (!marked.ok()) return error_response(marked.error());
    return Response::json(200, Json{{"marked", *marked}});
  });
  router.api(Method::Post, "/api/v1/notifications/test", [](Exchange& exchange) {
    auto outbox_id = app::send_test_notice(exchange.app, exchange.actor);
    if (!outbox_id.ok()) return error_response(outbox_id.error());
    return Response::json(201, Json{{"outbox_id", *outbox_id}});
  });
  router.api(Method::Post, "/api/v1/notifications/{id}/read", [](Exchange& exchange) {
    auto id = exchange.id("id", "notification");
    if (!id.ok()) return error_response(id.error());
    auto record = app::mark_notification_read(exchange.app, exchange.actor, *id);
    if (!record.ok()) return error_response(record.error());
    return Response::json(200, notification_json(*record));
  });

  router.api(Method::Get, "/api/v1/outbox", [](Exchange& exchange) {
    auto status = status_param(exchange.request);
    if (!status.ok()) return error_response(status.error());
    auto overview = app::outbox_overview(exchange.app, exchange.actor, *status);
    if (!overview.ok()) return error_response(overview.error());
    Json items = Json::array();
    for (const auto& message : overview->messages) items.push_back(outbox_json(message));
    const auto& counts = overview->counts;
    return Response::json(200, Json{{"counts",
                                     {{"queued", counts.queued},
                                      {"sending", counts.sending},
                                      {"sent", counts.sent},
                                      {"failed", counts.failed}}},
                                    {"items", items}});
  });
  router.api(Method::Post, "/api/v1/outbox/{id}/retry", [](Exchange& exchange) {
    auto id = exchange.id("id", "email");
    if (!id.ok()) return error_response(id.error());
    auto message = app::retry_outbox_message(exchange.app, exchange.actor, *id);
    if (!message.ok()) return error_response(message.error());
    return Response::json(200, outbox_json(*message));
  });
}

}  // namespace waymark::web
