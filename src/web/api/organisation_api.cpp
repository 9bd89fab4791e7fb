// /api/v1/organisations: providers, schools and local authorities (names and identifiers only).
#include "app/codec.h"
#include "app/users.h"
#include "web/web_app.h"

namespace waymark::web {

void register_organisation_api(Router& router) {
  router.api(Method::Get, "/api/v1/organisations", [](Exchange& exchange) {
    std::string kind = exchange.request.param("kind");
    std::optional<OrgKind> wanted;
    if (!kind.empty()) {
      auto parsed = parse_org_kind(kind, "kind");
      if (!parsed.ok()) return error_response(parsed.error());
      wanted = *parsed;
    }
    Json items = Json::array();
    for (const auto& organisation : app::list_organisations(exchange.app))
      if (!wanted || organisation.kind == *wanted) items.push_back(app::to_json(organisation));
    return Response::json(200, Json{{"items", items}});
  });
  router.api(Method::Get, "/api/v1/organisations/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "organisation");
    if (!id.ok()) return error_response(id.error());
    auto organisation = app::get_organisation(exchange.app, *id);
    if (!organisation.ok()) return error_response(organisation.error());
    return Response::json(200, app::to_json(*organisation));
  });
}

}  // namespace waymark::web
