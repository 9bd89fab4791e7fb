// The email outbox's rules: backoff, leases, and what an administrator sees and may do.
//
// Delivery guarantee. State lives in the database, so a restart loses nothing: a message is
// queued in the transaction of the change that caused it, claimed with a lease before it is sent,
// and marked sent after the SMTP server has accepted it (250 after DATA). A process that dies
// mid-send leaves its claim to expire; the message is then claimed again and resent with the same
// Message-ID. Duplicates are therefore impossible except in one window that SMTP itself cannot
// close (it has no two-phase commit): the server accepted the message but the process died before
// recording "sent". That message is sent again, carrying the same Message-ID, so the recipient's
// system can recognise it. The SMTP timeout is shorter than the lease, so a live sender always
// settles its claim before anyone else may take it over; the claim's attempt number guards the
// rare slow case (an outcome for a lost claim is not recorded).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/user.h"
#include "store/notification_store.h"

namespace waymark::app {

struct RetryPolicy {
  std::int64_t first_delay_seconds = 60;  // after the first failed attempt
  std::int64_t max_delay_seconds = 3600;  // the doubling stops here
  int max_attempts = 8;                   // then the message is failed, for an admin to retry
  std::int64_t lease_seconds = 300;       // how long a claim holds before others may take it
};

// The wait after `attempts_made` failed attempts (>= 1): first, 2 x first, 4 x first ... capped.
std::int64_t retry_delay(const RetryPolicy& policy, int attempts_made);

// How one attempt went, as the transport reports it.
enum class SendStatus {
  Sent,       // the server accepted the message
  Transient,  // worth trying again later (connection refused, timeout, 4xx)
  Permanent,  // the server refused it for good (5xx): no retries
};
struct SendOutcome {
  SendStatus status = SendStatus::Sent;
  std::string error;  // for last_error and the log: no credentials, no message content
};

// Claims the next due (or abandoned) message for `lease_seconds`; nullopt when none is due.
std::optional<store::OutboxMessage> claim_next_message(store::Connection& connection,
                                                       const RetryPolicy& policy, std::int64_t now);

// What became of a claimed message.
enum class Settled { Sent, Retrying, Failed, ClaimLost };
// Records the outcome of the attempt made under `claimed`: sent; or queued again after
// retry_delay; or failed (a permanent refusal, or the last allowed attempt). ClaimLost when the
// claim had already expired and been taken over (nothing is recorded).
Settled settle_message(store::Connection& connection, const RetryPolicy& policy,
                       const store::OutboxMessage& claimed, const SendOutcome& outcome,
                       std::int64_t now);

// The administrator's view of their organisation's outbox (messages to its users).
struct OutboxOverview {
  store::OutboxCounts counts;
  std::vector<store::OutboxMessage> messages;  // in the status asked for, newest first
};
// Admins only (Forbidden otherwise). At most 100 messages.
Result<OutboxOverview> outbox_overview(Context& context, const Actor& actor,
                                       store::OutboxStatus status);
// Puts a failed message back in the queue at once, attempts reset. Admins only (Forbidden);
// NotFound for a message to another organisation's user or none; Conflict when it is not failed.
// Audited.
Result<store::OutboxMessage> retry_outbox_message(Context& context, const Actor& actor, Id id);

}  // namespace waymark::app
