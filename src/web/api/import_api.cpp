// /api/v1/imports/{pupils,placements}: CSV in the body (text/csv); ?dry_run=true validates only.
#include "app/import.h"
#include "interop/placement_csv.h"
#include "interop/pupil_csv.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

Json summary_json(const app::ImportSummary& summary) {
  return Json{{"rows", summary.rows},
              {"created", summary.created},
              {"updated", summary.updated},
              {"unchanged", summary.unchanged},
              {"dry_run", summary.dry_run}};
}

app::DryRun dry_run_of(const Request& request) {
  std::string value = request.param("dry_run");
  return value == "true" || value == "1" || value == "yes" ? app::DryRun::Yes : app::DryRun::No;
}

}  // namespace

void register_import_api(Router& router) {
  router.api(Method::Post, "/api/v1/imports/pupils", [](Exchange& exchange) {
    auto rows = interop::read_pupil_csv(exchange.request.body);
    if (!rows.ok()) return error_response(rows.error());
    auto summary =
        app::import_pupils(exchange.app, exchange.actor, *rows, dry_run_of(exchange.request));
    if (!summary.ok()) return error_response(summary.error());
    return Response::json(200, summary_json(*summary));
  });
  router.api(Method::Post, "/api/v1/imports/placements", [](Exchange& exchange) {
    auto rows = interop::read_placement_csv(exchange.request.body);
    if (!rows.ok()) return error_response(rows.error());
    auto summary =
        app::import_placements(exchange.app, exchange.actor, *rows, dry_run_of(exchange.request));
    if (!summary.ok()) return error_response(summary.error());
    return Response::json(200, summary_json(*summary));
  });
}

}  // namespace waymark::web
