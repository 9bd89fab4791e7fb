// The outbox's rules: backoff, claims and their outcomes, and the administrator's view.
#include "app/outbox.h"

#include <algorithm>

#include "app/audit.h"

namespace waymark::app {

std::int64_t retry_delay(const RetryPolicy& policy, int attempts_made) {
  // At least a second, so that a zero policy cannot make the worker spin.
  const std::int64_t first = std::max<std::int64_t>(policy.first_delay_seconds, 1);
  const std::int64_t cap = std::max(policy.max_delay_seconds, first);
  std::int64_t delay = first;
  for (int attempt = 1; attempt < attempts_made && delay < cap; ++attempt) delay *= 2;
  return std::min(delay, cap);
}

std::optional<store::OutboxMessage> claim_next_message(store::Connection& connection,
                                                       const RetryPolicy& policy,
                                                       std::int64_t now) {
  return connection.notifications().claim_due(now, now + policy.lease_seconds);
}

Settled settle_message(store::Connection& connection, const RetryPolicy& policy,
                       const store::OutboxMessage& claimed, const SendOutcome& outcome,
                       std::int64_t now) {
  auto& outbox = connection.notifications();
  const int attempt = claimed.attempts;
  switch (outcome.status) {
    case SendStatus::Sent:
      return outbox.mark_sent(claimed.id, attempt, now) ? Settled::Sent : Settled::ClaimLost;
    case SendStatus::Transient:
      if (attempt < policy.max_attempts)
        return outbox.mark_retry(claimed.id, attempt, now + retry_delay(policy, attempt),
                                 outcome.error)
                   ? Settled::Retrying
                   : Settled::ClaimLost;
      [[fallthrough]];
    case SendStatus::Permanent:
      return outbox.mark_failed(claimed.id, attempt, outcome.error) ? Settled::Failed
                                                                    : Settled::ClaimLost;
  }
  return Settled::ClaimLost;
}

Result<OutboxOverview> outbox_overview(Context& context, const Actor& actor,
                                       store::OutboxStatus status) {
  if (!actor.can_manage_users())
    return Error::forbidden("only an administrator may see the outbox");
  auto& outbox = context.store.connection().notifications();
  return OutboxOverview{outbox.outbox_counts(actor.organisation_id),
                        outbox.outbox_messages(actor.organisation_id, status, 100)};
}

Result<store::OutboxMessage> retry_outbox_message(Context& context, const Actor& actor, Id id) {
  if (!actor.can_manage_users())
    return Error::forbidden("only an administrator may retry an email");
  auto& connection = context.store.connection();
  return in_transaction(connection, [&](store::Connection& db) -> Result<store::OutboxMessage> {
    auto& outbox = db.notifications();
    auto message = outbox.outbox_message(id);
    if (!message || message->organisation_id != actor.organisation_id)
      return Error::not_found("email");
    const std::int64_t now = context.clock.now_seconds();
    if (!outbox.requeue_failed(id, now))
      return Error::conflict("status", "only a failed email can be retried");
    // The audit names the message and its states, not its recipient or content.
    record_audit(db, actor, now, "retry", "outbox_message", id, 0,
                 Json{{"status", "failed"}, {"attempts", message->attempts}},
                 Json{{"status", "queued"}, {"attempts", 0}});
    return *outbox.outbox_message(id);
  });
}

}  // namespace waymark::app
