// GET /pupils/{id}/audit: who changed what about a pupil and when (admins and heads).
#include <algorithm>

#include <fmt/format.h>

#include "app/audit.h"
#include "app/pupils.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

// Stored times are UTC; saying so beats a silent conversion. {"12 Mar 2026", "14:03 UTC"}.
std::pair<std::string, std::string> format_time(std::int64_t seconds) {
  const std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const std::int64_t of_day = seconds - days * 86400;
  return {format_date(Date::from_days(days)),
          fmt::format("{:02}:{:02} UTC", of_day / 3600, (of_day % 3600) / 60)};
}

// "flags.looked_after" as parts, so the template can offer a line break after each dot.
List field_parts(const std::string& field) {
  List parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = field.find('.', start);
    Data part{Data::type::object};
    part.set("text",
             field.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    part.set("more", dot != std::string::npos);
    parts.push_back(part);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

std::string describe(const store::AuditEntry& entry) {
  std::string entity = entry.entity;
  std::replace(entity.begin(), entity.end(), '_', ' ');
  if (entry.action == "create") return "Added " + entity;
  if (entry.action == "update") return "Changed " + entity;
  if (entry.action == "delete") return "Removed " + entity;
  if (entry.action == "status") return "Changed " + entity + " status";
  if (entry.action == "import") return "Imported " + entity;
  return entry.action + " " + entity;
}

Response pupil_audit(const Templates& templates, Exchange& exchange) {
  auto id = exchange.id("id", "pupil");
  if (!id.ok()) return error_page(templates, exchange, id.error());
  auto profile = app::pupil_profile(exchange.app, exchange.actor, *id);
  if (!profile.ok()) return error_page(templates, exchange, profile.error());
  auto entries = app::pupil_audit_trail(exchange.app, exchange.actor, *id);
  if (!entries.ok()) return error_page(templates, exchange, entries.error());

  List rows;
  for (const auto& entry : *entries) {
    Data row{Data::type::object};
    const auto [date, time] = format_time(entry.at);
    row.set("date", date);
    row.set("time", time);
    row.set("who", entry.user_id == 0                ? std::string("Waymark (system)")
                   : entry.user_display_name.empty() ? fmt::format("User {}", entry.user_id)
                                                     : entry.user_display_name);
    row.set("action", describe(entry));
    List changes;
    for (const auto& change : app::audit_changes(entry)) {
      Data item{Data::type::object};
      item.set("field_parts", field_parts(change.field));
      item.set("before", optional_text(change.before));
      item.set("after", optional_text(change.after));
      changes.push_back(item);
    }
    row.set("has_changes", !changes.empty());
    row.set("changes", changes);
    rows.push_back(row);
  }
  const std::string name = profile->pupil.display_name();
  Data data{Data::type::object};
  data.set("name", name);
  data.set("back_href", fmt::format("/pupils/{}", *id));
  data.set("count_text",
           fmt::format("{} {}", rows.size(), rows.size() == 1 ? "change" : "changes"));
  data.set("has_entries", !rows.empty());
  data.set("entries", rows);
  return render_page(templates, page_frame(exchange, "Audit trail: " + name), "audit_pupil", data);
}

}  // namespace

void register_pupil_audit_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/audit",
              [&templates](Exchange& exchange) { return pupil_audit(templates, exchange); });
}

}  // namespace waymark::web
