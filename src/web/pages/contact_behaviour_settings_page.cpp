// /contact-behaviour-settings: a provider admin sets how often parents are called (the interval)
// and the list of behaviour incident types (one per line). Readers of the provider see both.
#include <sstream>

#include "app/behaviour_incidents.h"
#include "app/parent_contacts.h"
#include "web/pages/contact_behaviour_pages.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

Response render(const Templates& templates, Exchange& exchange,
                const std::vector<FieldError>& errors, const Params& form, int status) {
  if (exchange.actor.organisation_kind != OrgKind::Provider)
    return error_page(templates, exchange,
                      Error::forbidden("these settings belong to a provider's staff"));
  auto rule = app::get_contact_rule(exchange.app, exchange.actor);
  if (!rule.ok()) return error_page(templates, exchange, rule.error());
  auto types = app::list_incident_types(exchange.app, exchange.actor);
  if (!types.ok()) return error_page(templates, exchange, types.error());
  std::string type_lines;
  for (const std::string& type : *types) type_lines += type + "\n";
  Data data{Data::type::object};
  data.set("csrf_token", exchange.csrf_token);
  data.set("errors", error_map(errors));
  data.set("can_set", exchange.actor.roles.has(Role::Admin));
  const std::string min_days = form_text(form, "min_days");
  const std::string max_days = form_text(form, "max_days");
  data.set("min_days", min_days.empty() ? std::to_string(rule->min_days) : min_days);
  data.set("max_days", max_days.empty() ? std::to_string(rule->max_days) : max_days);
  const std::string posted_types = form_text(form, "types");
  data.set("types", posted_types.empty() ? type_lines : posted_types);
  PageFrame frame = page_frame(exchange, "Contact and behaviour settings", "/behaviour");
  frame.errors = errors;
  if (exchange.request.param("saved") == "1") frame.flash = "Settings saved";
  return render_page(templates, frame, "contact_behaviour_settings", data, status);
}

}  // namespace

void register_contact_behaviour_settings_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/contact-behaviour-settings", [&templates](Exchange& exchange) {
    return render(templates, exchange, {}, {}, 200);
  });
  router.page(
      Method::Post, "/contact-behaviour-settings/interval", [&templates](Exchange& exchange) {
        const Params form = exchange.form();
        ErrorList errors;
        const auto min_days = read_form_int(form, "min_days", errors);
        const auto max_days = read_form_int(form, "max_days", errors);
        if (!errors.empty()) return render(templates, exchange, errors.fields(), form, 422);
        auto saved = app::set_contact_rule(exchange.app, exchange.actor,
                                           ContactRule{min_days.value_or(0), max_days.value_or(0)});
        if (!saved.ok()) {
          if (saved.error().kind != ErrorKind::Invalid)
            return error_page(templates, exchange, saved.error());
          return render(templates, exchange, saved.error().fields, form, 422);
        }
        return Response::redirect("/contact-behaviour-settings?saved=1");
      });
  router.page(Method::Post, "/contact-behaviour-settings/types", [&templates](Exchange& exchange) {
    const Params form = exchange.form();
    std::vector<std::string> types;
    std::istringstream lines(form_text(form, "types"));
    for (std::string line; std::getline(lines, line);) types.push_back(line);
    auto saved = app::set_incident_types(exchange.app, exchange.actor, types);
    if (!saved.ok()) {
      if (saved.error().kind != ErrorKind::Invalid)
        return error_page(templates, exchange, saved.error());
      return render(templates, exchange, saved.error().fields, form, 422);
    }
    return Response::redirect("/contact-behaviour-settings?saved=1");
  });
}

}  // namespace waymark::web
