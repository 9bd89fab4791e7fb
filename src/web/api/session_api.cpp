// /api/v1/session, /api/v1/me, /api/v1/tokens: signing in from scripts, who am I, API tokens.
#include "app/auth.h"
#include "app/codec.h"
#include "app/users.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

Json token_json(const store::ApiTokenRecord& token) {
  return Json{
      {"id", token.id},
      {"name", token.name},
      {"prefix", token.prefix},
      {"created_at", iso_utc(token.created_at)},
      {"last_used_at", token.last_used_at ? Json(iso_utc(*token.last_used_at)) : Json(nullptr)},
      {"revoked_at", token.revoked_at ? Json(iso_utc(*token.revoked_at)) : Json(nullptr)}};
}

}  // namespace

void register_session_api(Router& router, const WebOptions& options) {
  const bool secure = options.secure_cookies;
  // JSON sign-in. Safe from cross-site forms because it requires a JSON body, which a form cannot
  // send.
  router.add(
      Method::Post, "/api/v1/session", Access::Public, Surface::Api, [secure](Exchange& exchange) {
        if (exchange.request.header("content-type").rfind("application/json", 0) != 0)
          return error_response(Error::invalid("content-type", "must be application/json"));
        auto body = exchange.json_body();
        if (!body.ok()) return error_response(body.error());
        std::string email, password;
        ErrorList errors;
        app::read_string(*body, "email", email, errors);
        app::read_string(*body, "password", password, errors);
        if (!errors.empty()) return error_response(errors.to_error());
        auto signed_in =
            app::sign_in(exchange.app, email, password, exchange.request.remote_address);
        if (!signed_in.ok()) return error_response(signed_in.error());
        return Response::json(200, Json{{"csrf_token", signed_in->csrf_token},
                                        {"expires_at", iso_utc(signed_in->expires_at)},
                                        {"user_id", signed_in->actor.user_id}})
            .with_header("Set-Cookie",
                         session_cookie(signed_in->session_token, app::kSessionSeconds, secure));
      });
  router.api(Method::Delete, "/api/v1/session", [secure](Exchange& exchange) {
    app::sign_out(exchange.app, exchange.session_token);
    return Response::no_content().with_header("Set-Cookie", clear_session_cookie(secure));
  });
  router.api(Method::Get, "/api/v1/me", [](Exchange& exchange) {
    auto organisation = app::get_organisation(exchange.app, exchange.actor.organisation_id);
    Json roles = Json::array();
    for (Role role : exchange.actor.roles.list()) roles.push_back(to_string(role));
    return Response::json(200, Json{{"user_id", exchange.actor.user_id},
                                    {"display_name", exchange.actor.display_name},
                                    {"roles", roles},
                                    {"organisation", organisation.ok() ? app::to_json(*organisation)
                                                                       : Json(nullptr)}});
  });
  router.api(Method::Post, "/api/v1/me/password", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    std::string current, replacement;
    ErrorList errors;
    app::read_string(*body, "current_password", current, errors);
    app::read_string(*body, "new_password", replacement, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto changed = app::change_password(exchange.app, exchange.actor, current, replacement);
    if (!changed.ok()) return error_response(changed.error());
    return Response::no_content();
  });
  router.api(Method::Get, "/api/v1/tokens", [](Exchange& exchange) {
    auto tokens = app::list_api_tokens(exchange.app, exchange.actor);
    if (!tokens.ok()) return error_response(tokens.error());
    Json items = Json::array();
    for (const auto& token : *tokens) items.push_back(token_json(token));
    return Response::json(200, Json{{"items", items}});
  });
  router.api(Method::Post, "/api/v1/tokens", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    std::string name;
    ErrorList errors;
    app::read_string(*body, "name", name, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto created = app::create_api_token(exchange.app, exchange.actor, name);
    if (!created.ok()) return error_response(created.error());
    Json json = token_json(created->record);
    json["token"] = created->token;
    return Response::json(201, json);
  });
  router.api(Method::Delete, "/api/v1/tokens/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "API token");
    if (!id.ok()) return error_response(id.error());
    auto revoked = app::revoke_api_token(exchange.app, exchange.actor, *id);
    if (!revoked.ok()) return error_response(revoked.error());
    return Response::no_content();
  });
}

}  // namespace waymark::web
