// /contacts-due: the calls home due and overdue, the signed-in member of staff's own (as key
// worker) or everyone's at the provider. Also registers every contact and behaviour page.
#include <fmt/format.h>

#include "app/parent_contacts_due.h"
#include "web/pages/contact_behaviour_pages.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

void register_contacts_due_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/contacts-due", [&templates](Exchange& exchange) {
    const bool everyone = exchange.request.param("scope") == "everyone";
    auto calls = app::calls_due(exchange.app, exchange.actor,
                                everyone ? app::CallScope::Everyone : app::CallScope::Mine);
    if (!calls.ok()) return error_page(templates, exchange, calls.error());
    Data data{Data::type::object};
    data.set("everyone", everyone);
    List rows;
    int overdue = 0;
    for (const app::CallDue& call : *calls) {
      Data row{Data::type::object};
      row.set("pupil", call.pupil_name);
      row.set("href", fmt::format("/pupils/{}/contact-log", call.pupil_id));
      row.set("last_call", format_date(call.last_call, "None yet"));
      row.set("due_by", format_date(call.due.due_by));
      const bool late = call.state == ContactState::Overdue;
      if (late) ++overdue;
      row.set("state", late ? fmt::format("Overdue by {} day{}", call.days_overdue,
                                          call.days_overdue == 1 ? "" : "s")
                            : std::string("Due"));
      row.set("state_class", late ? "govuk-tag--red" : "govuk-tag--yellow");
      row.set("key_worker", call.key_worker_name.empty() ? "Not assigned" : call.key_worker_name);
      rows.push_back(row);
    }
    data.set("rows", rows);
    data.set("has_rows", !rows.empty());
    data.set("count", std::to_string(rows.size()));
    data.set("overdue", std::to_string(overdue));
    return render_page(templates, page_frame(exchange, "Calls due", "/contacts-due"),
                       "contacts_due", data);
  });
}

void register_contact_behaviour_pages(Router& router, const Templates& templates) {
  register_contact_log_page(router, templates);
  register_contacts_due_page(router, templates);
  // "/behaviour/analysis" before any "/behaviour/{...}" pattern.
  register_behaviour_analysis_page(router, templates);
  register_behaviour_list_page(router, templates);
  register_pupil_behaviour_page(router, templates);
  register_contact_behaviour_settings_page(router, templates);
}

}  // namespace waymark::web
