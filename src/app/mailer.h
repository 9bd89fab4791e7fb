// The mailer: a background worker that drains the outbox (app/outbox.h) through a MailTransport,
// one message at a time, and the SMTP transport (libcurl) that `waymark serve` uses.
//
// Thread safety: a Mailer owns one worker thread, which uses its own store connection. start()
// and stop() are called from one thread. stop() lets the message in hand finish (its SMTP
// exchange is bounded by the transport's timeout, which is shorter than the lease) and returns
// once the worker has ended: the worker stops between messages.
//
// Logs name outbox ids, attempt numbers and SMTP or libcurl reasons; never recipients, message
// content, or the SMTP URL's credentials (see redacted_url).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/context.h"
#include "app/outbox.h"
#include "store/notification_store.h"

namespace waymark::app {

struct MailerOptions {
  std::string smtp_url;   // smtp://host:port (STARTTLS when offered) or smtps://; may carry
                          // user:password@, which is never logged
  std::string mail_from;  // the envelope sender and the From: header
  std::string base_url;   // e.g. "https://waymark.example.org": put before each link
  RetryPolicy retry{};
  std::int64_t poll_milliseconds = 1000;  // how often an idle worker looks for due messages
};

// One email, ready to send.
struct OutgoingMail {
  std::string from;
  std::string to;
  std::string subject;
  std::string body;
  std::string message_id;
};

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Sends one message; never throws for a failure of the network or the server.
  virtual SendOutcome send(const OutgoingMail& mail) = 0;
};

// The libcurl SMTP transport. Each send may take at most `timeout_seconds`.
std::unique_ptr<MailTransport> make_smtp_transport(std::string smtp_url,
                                                   std::int64_t timeout_seconds);

// The SMTP timeout that keeps a live sender inside its lease: half the lease, at least 1 s.
std::int64_t smtp_timeout_for(const RetryPolicy& policy);

// "smtp://user:secret@host:2525/x" -> "smtp://host:2525": what may appear in a log.
std::string redacted_url(const std::string& url);

// The outbox message as an email: the generic subject, the body and the full link.
OutgoingMail outgoing_mail(const store::OutboxMessage& message, const MailerOptions& options);
// The message as RFC 5322 text (CRLF line ends, UTF-8 plain text), dated `now` (UTC seconds).
// Header values lose any CR or LF, so nothing can inject a header.
std::string format_email(const OutgoingMail& mail, std::int64_t now);

// One round: claims the next due message, sends it and records the outcome. False when nothing
// was due. Store faults propagate (the worker logs them and carries on).
bool deliver_next(store::Connection& connection, MailTransport& transport,
                  const MailerOptions& options, const Clock& clock);

class Mailer {
 public:
  Mailer(store::Store& store, MailerOptions options, std::unique_ptr<MailTransport> transport,
         Clock clock = {});
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;
  ~Mailer();  // stops the worker

  void start();
  void stop();

 private:
  void run();

  store::Store& store_;
  MailerOptions options_;
  std::unique_ptr<MailTransport> transport_;
  Clock clock_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace waymark::app
