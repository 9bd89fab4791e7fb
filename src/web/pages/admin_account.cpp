// /account: everyone changes their own password and manages their personal API tokens.
#include <string>
#include <vector>

#include "app/auth.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

// A password exactly as typed: spaces at either end are part of it.
std::string raw_field(const Params& form, const std::string& name) {
  auto found = form.find(name);
  return found == form.end() ? std::string() : found->second;
}

// "2026-03-12 14:05 UTC"
std::string utc_text(std::int64_t seconds) {
  const std::string iso = iso_utc(seconds);  // "YYYY-MM-DDTHH:MM:SSZ"
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

const char* flash_for(const std::string& done) {
  if (done == "revoked") return "Token revoked. Programs using it can no longer sign in with it.";
  return "";
}

Response account_page(const Templates& templates, Exchange& exchange,
                      const std::vector<FieldError>& errors, const std::string& token_name = "",
                      int status = 200) {
  auto tokens = app::list_api_tokens(exchange.app, exchange.actor);
  if (!tokens.ok()) return error_page(templates, exchange, tokens.error());
  List rows;
  for (const auto& token : *tokens) {
    Data row{Data::type::object};
    row.set("name", token.name);
    row.set("prefix", token.prefix);
    row.set("created", utc_text(token.created_at));
    row.set("last_used", token.last_used_at ? utc_text(*token.last_used_at) : std::string("Never"));
    row.set("revoked", optional_text(token.revoked_at ? utc_text(*token.revoked_at) : ""));
    row.set("revoke_action", "/account/tokens/" + std::to_string(token.id) + "/revoke");
    rows.push_back(row);
  }
  Data data{Data::type::object};
  data.set("csrf_token", exchange.csrf_token);
  data.set("errors", error_map(errors));
  data.set("display_name", exchange.actor.display_name);
  data.set("token_name", token_name);
  data.set("tokens", rows);
  data.set("has_tokens", Data(!rows.empty()));
  PageFrame frame = page_frame(exchange, "Your account", "/account");
  frame.errors = errors;
  frame.flash = flash_for(exchange.request.param("done"));
  return render_page(templates, frame, "account", data, status);
}

}  // namespace

void register_account_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/account",
              [&templates](Exchange& exchange) { return account_page(templates, exchange, {}); });

  router.page(Method::Post, "/account/password", [&templates](Exchange& exchange) {
    const Params form = exchange.form();
    const std::string current = raw_field(form, "current_password");
    const std::string fresh = raw_field(form, "new_password");
    ErrorList errors;
    if (current.empty()) errors.add("current_password", "Enter your current password");
    if (fresh.empty()) {
      errors.add("new_password", "Enter a new password");
    } else if (auto valid = validate_password(fresh, "new_password"); !valid.ok()) {
      errors.add_all(valid.error());
    }
    if (raw_field(form, "confirm_password") != fresh)
      errors.add("confirm_password", "The passwords do not match: type the new password again");
    if (!errors.empty()) return account_page(templates, exchange, errors.fields(), "", 422);
    auto changed = app::change_password(exchange.app, exchange.actor, current, fresh);
    if (!changed.ok()) {
      if (changed.error().kind == ErrorKind::Invalid)
        return account_page(templates, exchange, changed.error().fields, "", 422);
      return error_page(templates, exchange, changed.error());
    }
    // Changing the password ended every session, this one too: sign in again with the new one.
    // (The stale cookie is replaced at sign-in, or cleared by the next signed-in request.)
    return Response::redirect("/login?signed_out=1&next=" + url_escape("/account"));
  });

  router.page(Method::Post, "/account/tokens", [&templates](Exchange& exchange) {
    const std::string name = form_text(exchange.form(), "token_name");
    auto created = app::create_api_token(exchange.app, exchange.actor, name);
    if (!created.ok()) {
      if (created.error().kind != ErrorKind::Invalid)
        return error_page(templates, exchange, created.error());
      std::vector<FieldError> errors;
      for (const auto& field : created.error().fields)
        errors.push_back({field.field == "name" ? "token_name" : field.field, field.reason});
      return account_page(templates, exchange, errors, name, 422);
    }
    // Shown once, on this response only: it is never stored in clear, so it cannot be shown again.
    // HTML responses carry Cache-Control: no-store (WebApp adds it), so no cache keeps it either.
    Data data{Data::type::object};
    data.set("name", created->record.name);
    data.set("token", created->token);
    return render_page(templates, page_frame(exchange, "Your new API token", "/account"),
                       "account_token", data);
  });

  router.page(Method::Post, "/account/tokens/{id}/revoke", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "API token");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    auto revoked = app::revoke_api_token(exchange.app, exchange.actor, *id);
    if (!revoked.ok()) return error_page(templates, exchange, revoked.error());
    return Response::redirect("/account?done=revoked");
  });
}

}  // namespace waymark::web
