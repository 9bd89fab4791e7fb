#include "cli/mail_options.h"

#include <pthread.h>
#include <signal.h>

#include <cstdlib>

#include <spdlog/spdlog.h>

namespace waymark::cli {

namespace {

void from_environment(std::string& value, const char* name) {
  if (!value.empty()) return;
  if (const char* text = std::getenv(name)) value = text;
}

template <typename Number>
void from_environment(Number& value, const char* name) {
  if (value != 0) return;
  if (const char* text = std::getenv(name)) value = static_cast<Number>(std::atoll(text));
}

}  // namespace

void add_mail_options(CLI::App& serve, MailSettings& settings) {
  serve.add_option("--smtp-url", settings.smtp_url,
                   "SMTP server for emails, e.g. smtp://127.0.0.1:2525 (without it emails stay "
                   "queued)");
  serve.add_option("--mail-from", settings.mail_from, "the emails' sender address");
  serve.add_option("--base-url", settings.base_url,
                   "Waymark's address as users reach it, for links in emails");
  serve.add_option("--mail-retry-seconds", settings.retry_seconds,
                   "wait after a first failed attempt (doubling each time; default 60)");
  serve.add_option("--mail-max-attempts", settings.max_attempts,
                   "attempts before an email is marked failed (default 8)");
  serve.add_option("--mail-lease-seconds", settings.lease_seconds,
                   "how long a claimed email is held before another sender may retry it "
                   "(default 300; the SMTP timeout is half of it)");
}

std::unique_ptr<app::Mailer> start_mailer(store::Store& store, MailSettings settings,
                                          const std::string& bind, std::uint16_t port) {
  from_environment(settings.smtp_url, "WAYMARK_SMTP_URL");
  from_environment(settings.mail_from, "WAYMARK_MAIL_FROM");
  from_environment(settings.base_url, "WAYMARK_BASE_URL");
  from_environment(settings.retry_seconds, "WAYMARK_MAIL_RETRY_SECONDS");
  from_environment(settings.max_attempts, "WAYMARK_MAIL_MAX_ATTEMPTS");
  from_environment(settings.lease_seconds, "WAYMARK_MAIL_LEASE_SECONDS");
  if (settings.smtp_url.empty()) {
    spdlog::warn(
        "no SMTP server set (--smtp-url or WAYMARK_SMTP_URL): emails stay queued in the "
        "outbox until one is");
    return nullptr;
  }

  app::MailerOptions options;
  options.smtp_url = settings.smtp_url;
  options.mail_from = settings.mail_from.empty() ? "waymark@localhost" : settings.mail_from;
  options.base_url =
      settings.base_url.empty() ? "http://" + bind + ":" + std::to_string(port) : settings.base_url;
  if (settings.retry_seconds > 0) options.retry.first_delay_seconds = settings.retry_seconds;
  if (settings.max_attempts > 0) options.retry.max_attempts = settings.max_attempts;
  if (settings.lease_seconds > 0) options.retry.lease_seconds = settings.lease_seconds;

  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto transport = app::make_smtp_transport(options.smtp_url, app::smtp_timeout_for(options.retry));
  spdlog::info("mailer sending through {}", app::redacted_url(options.smtp_url));
  auto mailer = std::make_unique<app::Mailer>(store, std::move(options), std::move(transport));
  mailer->start();
  return mailer;
}

}  // namespace waymark::cli
