// The further-assessment forms of /pupils/{id}/baselines: POST /pupils/{id}/further-assessments
// asks for one; POST /further-assessments/{id}/outcome records its outcome and closes it. Errors
// show the pupil's baseline page again with the values sent.
#include <fmt/format.h>

#include "app/baselines.h"
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

Response request(const Templates& templates, Exchange& exchange, Id pupil_id) {
  const Params form = exchange.form();
  ErrorList errors;
  FurtherAssessment asked;
  asked.pupil_id = pupil_id;
  if (const std::string kind = form_text(form, "kind"); kind.empty()) {
    errors.add("kind", "Choose the assessment needed");
  } else if (auto parsed = parse_further_assessment_kind(kind, "kind"); parsed.ok()) {
    asked.kind = *parsed;
  } else {
    errors.add_all(parsed.error());
  }
  asked.reason = form_text(form, "reason");
  asked.requested_on = read_form_date(form, "requested_on", Required::No, errors)
                           .value_or(exchange.app.clock.today());
  if (!errors.empty())
    return render_baseline_page(templates, exchange, pupil_id, form, errors.fields(), 422);
  auto made = app::request_further_assessment(exchange.app, exchange.actor, asked);
  if (!made.ok()) {
    if (ends_request(made.error())) return error_page(templates, exchange, made.error());
    return render_baseline_page(templates, exchange, pupil_id, form,
                                prefixed_errors(made.error(), "", "reason"), 422);
  }
  return Response::redirect(fmt::format("/pupils/{}/baselines?saved=request#further", pupil_id));
}

Response outcome(const Templates& templates, Exchange& exchange, Id request_id) {
  auto current = app::get_further_assessment(exchange.app, exchange.actor, request_id);
  if (!current.ok()) return error_page(templates, exchange, current.error());
  const Id pupil_id = current->request.pupil_id;
  const Params form = exchange.form();
  const std::string prefix = fmt::format("request_{}_", request_id);
  ErrorList errors;
  const auto outcome_on = read_form_date(form, prefix + "outcome_on", Required::Yes, errors);
  if (!errors.empty())
    return render_baseline_page(templates, exchange, pupil_id, form, errors.fields(), 422);
  auto updated = app::update_further_assessment(
      exchange.app, exchange.actor, request_id, [&](FurtherAssessment& request, ErrorList&) {
        request.outcome = form_text(form, prefix + "outcome");
        request.outcome_on = outcome_on;
        request.status = RequestStatus::Closed;
      });
  if (!updated.ok()) {
    if (ends_request(updated.error())) return error_page(templates, exchange, updated.error());
    return render_baseline_page(templates, exchange, pupil_id, form,
                                prefixed_errors(updated.error(), prefix, "outcome"), 422);
  }
  return Response::redirect(fmt::format("/pupils/{}/baselines?saved=outcome#further", pupil_id));
}

}  // namespace

void register_baseline_further_forms(Router& router, const Templates& templates) {
  router.page(Method::Post, "/pupils/{id}/further-assessments", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return request(templates, exchange, *id);
  });
  router.page(Method::Post, "/further-assessments/{id}/outcome", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "further assessment request");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return outcome(templates, exchange, *id);
  });
}

}  // namespace waymark::web
