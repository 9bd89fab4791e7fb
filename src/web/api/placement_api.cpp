// /api/v1/placements/{id}: read and change one placement (creation is under the pupil).
#include "app/codec.h"
#include "app/placements.h"
#include "web/web_app.h"

namespace waymark::web {

void register_placement_api(Router& router) {
  router.api(Method::Get, "/api/v1/placements/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "placement");
    if (!id.ok()) return error_response(id.error());
    auto placement = app::get_placement(exchange.app, exchange.actor, *id);
    if (!placement.ok()) return error_response(placement.error());
    return Response::json(200, app::to_json(*placement));
  });
  router.api(Method::Patch, "/api/v1/placements/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "placement");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    std::optional<std::int64_t> expected;
    if (body->contains("updated_at") && (*body)["updated_at"].is_number_integer())
      expected = (*body)["updated_at"].get<std::int64_t>();
    const Json& fields = *body;
    auto updated = app::update_placement(
        exchange.app, exchange.actor, *id,
        [&](Placement& placement, ErrorList& errors) {
          app::read_placement(fields, placement, errors);
        },
        expected);
    if (!updated.ok()) return error_response(updated.error());
    return Response::json(200, app::to_json(*updated));
  });
}

}  // namespace waymark::web
