// /audit: the organisation's recent audit entries (admins and heads), newest first.
#include <string>

#include "app/audit.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

// "2026-03-12 14:05:09"; the column header says the times are UTC.
std::string utc_text(std::int64_t seconds) {
  const std::string iso = iso_utc(seconds);  // "YYYY-MM-DDTHH:MM:SSZ"
  return iso.substr(0, 10) + " " + iso.substr(11, 8);
}

// "reset_password" -> "Reset password"; "closure_day" -> "Closure day".
std::string words(const std::string& key) {
  std::string text = key;
  for (char& c : text)
    if (c == '_') c = ' ';
  if (!text.empty())
    text.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
  return text;
}

Response audit_page(const Templates& templates, Exchange& exchange) {
  auto entries = app::organisation_audit_trail(exchange.app, exchange.actor);
  if (!entries.ok()) return error_page(templates, exchange, entries.error());
  List rows;
  for (const auto& entry : *entries) {
    Data row{Data::type::object};
    row.set("at", utc_text(entry.at));
    row.set("datetime", iso_utc(entry.at));
    row.set("who", entry.user_id == 0                ? std::string("Waymark (system)")
                   : entry.user_display_name.empty() ? "User " + std::to_string(entry.user_id)
                                                     : entry.user_display_name);
    row.set("action", words(entry.action));
    row.set("entity", words(entry.entity) + " " + std::to_string(entry.entity_id));
    row.set("pupil_href",
            optional_text(entry.pupil_id == 0 ? "" : "/pupils/" + std::to_string(entry.pupil_id)));
    row.set("pupil_id", std::to_string(entry.pupil_id));
    rows.push_back(row);
  }
  Data data{Data::type::object};
  data.set("entries", rows);
  data.set("has_entries", Data(!rows.empty()));
  data.set("count", std::to_string(rows.size()));
  return render_page(templates, page_frame(exchange, "Audit trail", "/audit"), "org_audit", data);
}

}  // namespace

void register_audit_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/audit",
              [&templates](Exchange& exchange) { return audit_page(templates, exchange); });
}

}  // namespace waymark::web
