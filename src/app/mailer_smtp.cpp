// The SMTP transport: libcurl's SMTP client, one connection per message (messages are rare and a
// fresh connection keeps failure handling simple).
#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <mutex>

#include "app/mailer.h"

namespace waymark::app {

namespace {

struct Upload {
  const std::string* text;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->text->size() - upload->offset;
  const std::size_t chunk = std::min(room, left);
  std::memcpy(buffer, upload->text->data() + upload->offset, chunk);
  upload->offset += chunk;
  return chunk;
}

// The address inside "Name <a@b>", or the text itself.
std::string envelope_address(const std::string& text) {
  const auto open = text.rfind('<');
  const auto close = text.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open)
    return text.substr(open + 1, close - open - 1);
  return text;
}

class SmtpTransport final : public MailTransport {
 public:
  SmtpTransport(std::string url, std::int64_t timeout_seconds)
      : url_(std::move(url)), timeout_seconds_(timeout_seconds) {
    static std::once_flag initialised;
    std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  SendOutcome send(const OutgoingMail& mail) override {
    CURL* curl = curl_easy_init();
    if (curl == nullptr) return {SendStatus::Transient, "libcurl could not start a transfer"};
    const std::string text = format_email(mail, now_utc_seconds());
    Upload upload{&text};
    const std::string from = "<" + envelope_address(mail.from) + ">";
    curl_slist* recipients =
        curl_slist_append(nullptr, ("<" + envelope_address(mail.to) + ">").c_str());
    char error_text[CURL_ERROR_SIZE] = {0};

    curl_easy_setopt(curl, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // we are one thread among many
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(timeout_seconds_));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT,
                     static_cast<long>(std::min<std::int64_t>(timeout_seconds_, 10)));
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);

    const CURLcode code = curl_easy_perform(curl);
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);

    if (code == CURLE_OK) return {SendStatus::Sent, ""};
    // libcurl's own words (never the URL's credentials), and the server's code when it gave one.
    std::string reason = error_text[0] != '\0' ? error_text : curl_easy_strerror(code);
    if (response > 0) reason += " (SMTP " + std::to_string(response) + ")";
    const bool refused_for_good = response >= 500 && response < 600;
    return {refused_for_good ? SendStatus::Permanent : SendStatus::Transient, reason};
  }

 private:
  std::string url_;
  std::int64_t timeout_seconds_;
};

}  // namespace

std::unique_ptr<MailTransport> make_smtp_transport(std::string smtp_url,
                                                   std::int64_t timeout_seconds) {
  return std::make_unique<SmtpTransport>(std::move(smtp_url), timeout_seconds);
}

}  // namespace waymark::app
