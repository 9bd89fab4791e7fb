// /api/v1 feedback forms: a pupil's forms, one form (read, change, ready, send, correct, PDF), the
// due list for the provider's staff, the sent forms a school or LA sees, and the provider's cycle.
#include "app/feedback_form_codec.h"
#include "app/feedback_form_due.h"
#include "app/feedback_forms.h"
#include "web/pages/feedback_form_views.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

Response json_text(int status, std::string body) {
  return Response{status, "application/json", std::move(body), {}};
}

Response form_response(int status, const Result<FeedbackForm>& form) {
  if (!form.ok()) return error_response(form.error());
  app::JsonOut out;
  app::write_json(out, *form);
  return json_text(status, out.text());
}

void register_status_route(Router& router, const std::string& action, FeedbackFormStatus to) {
  router.api(Method::Post, "/api/v1/feedback-forms/{id}/" + action, [to](Exchange& exchange) {
    auto id = exchange.id("id", "feedback form");
    if (!id.ok()) return error_response(id.error());
    return form_response(200, app::set_feedback_form_status(exchange.app, exchange.actor, *id, to));
  });
}

}  // namespace

void register_feedback_form_api(Router& router) {
  router.api(Method::Get, "/api/v1/pupils/{id}/feedback-forms", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    auto forms = app::pupil_feedback_forms(exchange.app, exchange.actor, *id);
    if (!forms.ok()) return error_response(forms.error());
    app::JsonOut out;
    out.begin_object();
    out.key("items");
    out.begin_array();
    for (const FeedbackForm& form : *forms) app::write_json(out, form);
    out.end_array();
    out.end_object();
    return json_text(200, out.text());
  });
  router.api(Method::Post, "/api/v1/pupils/{id}/feedback-forms", [](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_response(id.error());
    std::optional<int> period_number;
    if (!exchange.request.body.empty()) {
      auto body = exchange.json_body();
      if (!body.ok()) return error_response(body.error());
      if (auto found = body->find("period_number"); found != body->end() && !found->is_null()) {
        if (!found->is_number_integer())
          return error_response(Error::invalid("period_number", "must be a whole number"));
        period_number = found->get<int>();
      }
    }
    return form_response(
        201, app::create_feedback_form(exchange.app, exchange.actor, *id, period_number));
  });
  router.api(Method::Get, "/api/v1/feedback-forms", [](Exchange& exchange) {
    auto items = app::sent_feedback_forms(exchange.app, exchange.actor);
    if (!items.ok()) return error_response(items.error());
    return json_text(200, sent_list_json(*items));
  });
  router.api(Method::Get, "/api/v1/feedback-forms/due", [](Exchange& exchange) {
    auto due = app::feedback_forms_due(exchange.app, exchange.actor);
    if (!due.ok()) return error_response(due.error());
    return json_text(200, due_list_json(*due));
  });
  router.api(Method::Get, "/api/v1/feedback-settings", [](Exchange& exchange) {
    auto days = app::feedback_cycle_days(exchange.app, exchange.actor);
    if (!days.ok()) return error_response(days.error());
    return Response::json(200, Json{{"school_days_per_period", *days}});
  });
  router.api(Method::Put, "/api/v1/feedback-settings", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    auto found = body->find("school_days_per_period");
    if (found == body->end() || !found->is_number_integer())
      return error_response(
          Error::invalid("school_days_per_period", "give a whole number of school days"));
    auto days = app::set_feedback_cycle_days(exchange.app, exchange.actor, found->get<int>());
    if (!days.ok()) return error_response(days.error());
    return Response::json(200, Json{{"school_days_per_period", *days}});
  });
  router.api(Method::Get, "/api/v1/feedback-forms/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "feedback form");
    if (!id.ok()) return error_response(id.error());
    return form_response(200, app::get_feedback_form(exchange.app, exchange.actor, *id));
  });
  router.api(Method::Patch, "/api/v1/feedback-forms/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "feedback form");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    std::optional<std::int64_t> expected;
    if (auto found = body->find("updated_at"); found != body->end() && found->is_number_integer())
      expected = found->get<std::int64_t>();
    const Json& fields = *body;
    return form_response(200, app::update_feedback_form(
                                  exchange.app, exchange.actor, *id,
                                  [&](FeedbackForm& form, ErrorList& errors) {
                                    app::read_feedback_form_changes(fields, form, errors);
                                  },
                                  expected));
  });
  router.api(Method::Get, "/api/v1/feedback-forms/{id}/pdf", [](Exchange& exchange) {
    auto id = exchange.id("id", "feedback form");
    if (!id.ok()) return error_response(id.error());
    auto response = feedback_form_pdf_response(exchange, *id);
    if (!response.ok()) return error_response(response.error());
    return std::move(response).value();
  });
  register_status_route(router, "ready", FeedbackFormStatus::Ready);
  register_status_route(router, "draft", FeedbackFormStatus::Draft);
  register_status_route(router, "send", FeedbackFormStatus::Sent);
  router.api(Method::Post, "/api/v1/feedback-forms/{id}/correct", [](Exchange& exchange) {
    auto id = exchange.id("id", "feedback form");
    if (!id.ok()) return error_response(id.error());
    return form_response(201, app::correct_feedback_form(exchange.app, exchange.actor, *id));
  });
}

}  // namespace waymark::web
