// `waymark serve`'s mail options and the mailer it starts. Each option may also come from the
// environment: --smtp-url WAYMARK_SMTP_URL, --mail-from WAYMARK_MAIL_FROM, --base-url
// WAYMARK_BASE_URL, --mail-retry-seconds WAYMARK_MAIL_RETRY_SECONDS, --mail-max-attempts
// WAYMARK_MAIL_MAX_ATTEMPTS, --mail-lease-seconds WAYMARK_MAIL_LEASE_SECONDS (the command line
// wins).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "app/mailer.h"
#include "store/store.h"

namespace waymark::cli {

struct MailSettings {
  std::string smtp_url;
  std::string mail_from;
  std::string base_url;
  std::int64_t retry_seconds = 0;  // 0: the default (app::RetryPolicy)
  int max_attempts = 0;
  std::int64_t lease_seconds = 0;
};

void add_mail_options(CLI::App& serve, MailSettings& settings);

// Starts the mailer when an SMTP URL is set; otherwise logs once that emails stay queued in the
// outbox, and returns nullptr. Blocks SIGINT and SIGTERM in the calling thread first, so that the
// worker inherits the mask and the signals reach the server's sigwait. `bind` and `port` make the
// default base URL.
std::unique_ptr<app::Mailer> start_mailer(store::Store& store, MailSettings settings,
                                          const std::string& bind, std::uint16_t port);

}  // namespace waymark::cli
