// /api/v1/users: an organisation's admins manage its users.
#include "app/codec.h"
#include "app/users.h"
#include "web/web_app.h"

namespace waymark::web {

namespace {

// Reads email, display_name, roles (a list of role names) and active onto `user`.
void read_user(const Json& body, User& user, ErrorList& errors) {
  app::read_string(body, "email", user.email, errors);
  app::read_string(body, "display_name", user.display_name, errors);
  app::read_bool(body, "active", user.active, errors);
  if (auto found = body.find("roles"); found != body.end()) {
    Roles roles;
    if (!found->is_array()) {
      errors.add("roles", "must be a list of role names");
      return;
    }
    for (const auto& item : *found) {
      auto role = parse_role(item.is_string() ? item.get<std::string>() : std::string("?"));
      if (role.ok())
        roles.add(*role);
      else
        errors.add_all(role.error());
    }
    user.roles = roles;
  }
}

}  // namespace

void register_user_api(Router& router) {
  router.api(Method::Get, "/api/v1/users", [](Exchange& exchange) {
    auto users = app::list_users(exchange.app, exchange.actor);
    if (!users.ok()) return error_response(users.error());
    Json items = Json::array();
    for (const auto& user : *users) items.push_back(app::to_json(user));
    return Response::json(200, Json{{"items", items}});
  });
  router.api(Method::Post, "/api/v1/users", [](Exchange& exchange) {
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    User user;
    std::string password;
    ErrorList errors;
    read_user(*body, user, errors);
    app::read_string(*body, "password", password, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto id = app::create_user(exchange.app, exchange.actor, user, password);
    if (!id.ok()) return error_response(id.error());
    user.id = *id;
    user.organisation_id = exchange.actor.organisation_id;
    user.email = normalise_email(user.email);
    return Response::json(201, app::to_json(user));
  });
  router.api(Method::Patch, "/api/v1/users/{id}", [](Exchange& exchange) {
    auto id = exchange.id("id", "user");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    const Json& fields = *body;
    auto updated =
        app::update_user(exchange.app, exchange.actor, *id,
                         [&](User& user, ErrorList& errors) { read_user(fields, user, errors); });
    if (!updated.ok()) return error_response(updated.error());
    return Response::json(200, app::to_json(*updated));
  });
  router.api(Method::Post, "/api/v1/users/{id}/password", [](Exchange& exchange) {
    auto id = exchange.id("id", "user");
    if (!id.ok()) return error_response(id.error());
    auto body = exchange.json_body();
    if (!body.ok()) return error_response(body.error());
    std::string password;
    ErrorList errors;
    app::read_string(*body, "password", password, errors);
    if (!errors.empty()) return error_response(errors.to_error());
    auto reset = app::reset_user_password(exchange.app, exchange.actor, *id, password);
    if (!reset.ok()) return error_response(reset.error());
    return Response::no_content();
  });
}

}  // namespace waymark::web
