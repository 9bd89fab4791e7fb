// The mailer's worker and the composing of emails from outbox messages.
#include "app/mailer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include <spdlog/spdlog.h>

namespace waymark::app {

namespace {

std::string header_value(std::string text) {
  for (char& c : text)
    if (c == '\r' || c == '\n') c = ' ';
  return text;
}

std::string rfc5322_date(std::int64_t now) {
  const std::time_t seconds = static_cast<std::time_t>(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[utc.tm_wday % 7],
                utc.tm_mday, months[utc.tm_mon % 12], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return text;
}

}  // namespace

std::int64_t smtp_timeout_for(const RetryPolicy& policy) {
  return std::max<std::int64_t>(1, policy.lease_seconds / 2);
}

std::string redacted_url(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "(an SMTP URL without a scheme)";
  std::string rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const auto at = rest.rfind('@');
  if (at != std::string::npos) rest = rest.substr(at + 1);
  return url.substr(0, scheme_end + 3) + rest;
}

OutgoingMail outgoing_mail(const store::OutboxMessage& message, const MailerOptions& options) {
  std::string base = options.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  OutgoingMail mail;
  mail.from = options.mail_from;
  mail.to = message.recipient;
  mail.subject = message.subject;
  mail.body = message.body + "\n" + base + message.link +
              "\n\nThis email names no pupil on purpose: the details are in Waymark.\n";
  mail.message_id = message.message_id;
  return mail;
}

std::string format_email(const OutgoingMail& mail, std::int64_t now) {
  std::string text;
  text += "From: " + header_value(mail.from) + "\r\n";
  text += "To: " + header_value(mail.to) + "\r\n";
  text += "Subject: " + header_value(mail.subject) + "\r\n";
  text += "Date: " + rfc5322_date(now) + "\r\n";
  text += "Message-ID: " + header_value(mail.message_id) + "\r\n";
  text += "MIME-Version: 1.0\r\n";
  text += "Content-Type: text/plain; charset=utf-8\r\n";
  text += "Content-Transfer-Encoding: 8bit\r\n";
  text += "Auto-Submitted: auto-generated\r\n";
  text += "\r\n";
  for (char c : mail.body) {
    if (c == '\r') continue;
    if (c == '\n')
      text += "\r\n";
    else
      text += c;
  }
  return text;
}

bool deliver_next(store::Connection& connection, MailTransport& transport,
                  const MailerOptions& options, const Clock& clock) {
  auto claimed = claim_next_message(connection, options.retry, clock.now_seconds());
  if (!claimed) return false;
  const SendOutcome outcome = transport.send(outgoing_mail(*claimed, options));
  const Settled settled =
      settle_message(connection, options.retry, *claimed, outcome, clock.now_seconds());
  switch (settled) {
    case Settled::Sent:
      spdlog::info("outbox message {} sent (attempt {})", claimed->id, claimed->attempts);
      break;
    case Settled::Retrying:
      spdlog::warn("outbox message {}: attempt {} failed, will retry: {}", claimed->id,
                   claimed->attempts, outcome.error);
      break;
    case Settled::Failed:
      spdlog::error("outbox message {}: attempt {} failed, giving up: {}", claimed->id,
                    claimed->attempts, outcome.error);
      break;
    case Settled::ClaimLost:
      spdlog::warn("outbox message {}: claim {} expired before its outcome was recorded",
                   claimed->id, claimed->attempts);
      break;
  }
  return true;
}

Mailer::Mailer(store::Store& store, MailerOptions options, std::unique_ptr<MailTransport> transport,
               Clock clock)
    : store_(store),
      options_(std::move(options)),
      transport_(std::move(transport)),
      clock_(std::move(clock)) {}

Mailer::~Mailer() {
  stop();
}

void Mailer::start() {
  if (worker_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  worker_ = std::thread([this] { run(); });
}

void Mailer::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void Mailer::run() {
  auto& connection = store_.connection();
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    bool delivered = false;
    try {
      delivered = deliver_next(connection, *transport_, options_, clock_);
    } catch (const std::exception& fault) {
      // The database failed (busy past its timeout, disk full): try again after a pause.
      spdlog::error("mailer: {}", fault.what());
    }
    if (delivered) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::milliseconds(options_.poll_milliseconds),
                   [this] { return stopping_; });
  }
}

}  // namespace waymark::app
