#include "web/web_app.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/auth.h"
#include "app/secrets.h"
#include "store/store.h"
#include "web/pages/multipart.h"

namespace waymark::web {

std::string_view openapi_document();  // generated from docs/openapi.json

std::string session_cookie(const std::string& token, std::int64_t max_age_seconds, bool secure) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}", kSessionCookie, token,
                     max_age_seconds, secure ? "; Secure" : "");
}

std::string clear_session_cookie(bool secure) {
  return fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}", kSessionCookie,
                     secure ? "; Secure" : "");
}

Result<std::unique_ptr<WebApp>> WebApp::create(app::Context& context, WebOptions options) {
  Templates templates = WAYMARK_TRY(Templates::load(options.web_root + "/templates"));
  return std::unique_ptr<WebApp>(new WebApp(context, std::move(options), std::move(templates)));
}

WebApp::WebApp(app::Context& context, WebOptions options, Templates templates)
    : context_(context), options_(std::move(options)), templates_(std::move(templates)) {
  router_.add(Method::Get, "/healthz", Access::Public, Surface::Api,
              [](Exchange&) { return Response::text(200, "ok\n"); });
  router_.add(Method::Get, "/api/openapi.json", Access::Public, Surface::Api, [](Exchange&) {
    return Response{200, "application/json", std::string(openapi_document()), {}};
  });
  register_session_api(router_, options_);
  register_pupil_api(router_);
  register_placement_api(router_);
  register_organisation_api(router_);
  register_user_api(router_);
  register_calendar_api(router_);
  register_import_api(router_);
  register_assessment_setup_api(router_);
  register_baseline_api(router_);
  register_classwork_api(router_);
  register_feedback_form_api(router_);
  register_dashboard_api(router_);
  register_notification_api(router_);
  register_attendance_api(router_);
  register_monitoring_api(router_);
  register_contact_api(router_);
  register_behaviour_api(router_);
  register_pages(router_, templates_, options_);
}

namespace {

bool changes_state(Method method) {
  return method != Method::Get;
}

void add_security_headers(Response& response) {
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "same-origin");
  if (response.content_type.rfind("text/html", 0) == 0) {
    response.headers.emplace_back(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    response.headers.emplace_back("X-Frame-Options", "DENY");
    response.headers.emplace_back("Cache-Control", "no-store");
  } else if (response.content_type == "application/json") {
    response.headers.emplace_back("Cache-Control", "no-store");
  }
}

std::string content_type_of(const std::filesystem::path& path) {
  auto extension = path.extension().string();
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".js" || extension == ".mjs") return "text/javascript; charset=utf-8";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".map" || extension == ".json") return "application/json";
  return "application/octet-stream";
}

}  // namespace

Response WebApp::serve_static(const Request& request) const {
  // Only plain names below static/: no "..", no hidden files, no directories.
  const std::string relative = request.path.substr(std::string("/static/").size());
  for (const auto& part : split_path(relative))
    if (part.empty() || part.front() == '.') return Response::text(404, "not found\n");
  std::filesystem::path file = std::filesystem::path(options_.web_root) / "static" / relative;
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return Response::text(404, "not found\n");
  std::ifstream stream(file, std::ios::binary);
  std::stringstream bytes;
  bytes << stream.rdbuf();
  Response response{200, content_type_of(file), bytes.str(), {}};
  response.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return response;
}

Response WebApp::dispatch(const Request& request) const {
  if (request.method == Method::Get && request.path.rfind("/static/", 0) == 0)
    return serve_static(request);
  if (request.method == Method::Get && request.path == "/favicon.ico")
    return Response::no_content();

  auto match = router_.match(request.method, request.path);
  if (match.route == nullptr) {
    bool api = request.path.rfind("/api/", 0) == 0;
    if (match.method_mismatch) {
      Response response = api ? error_response(Error{ErrorKind::Invalid, "method not allowed", {}})
                              : Response::text(405, "method not allowed\n");
      if (api) {
        response = Response::json(
            405, Json{{"error",
                       {{"kind", "method_not_allowed"},
                        {"message", "method not allowed (allowed: " + match.allowed + ")"},
                        {"fields", Json::array()}}}});
      }
      return response.with_header("Allow", match.allowed);
    }
    if (api) return error_response(Error::not_found("route"));
    Data data{Data::type::object};
    data.set("heading", "Page not found");
    data.set("message", "If you typed the web address, check it is correct.");
    return render_page(templates_, PageFrame{"Page not found", "", nullptr, "", "", "", {}},
                       "error", data, 404);
  }
  const Route& route = *match.route;
  Exchange exchange{request, context_, std::move(match.path), Actor{}, "", ""};

  if (route.access == Access::SignedIn) {
    std::string authorization = request.header("authorization");
    if (authorization.rfind("Bearer ", 0) == 0) {
      auto actor = app::token_actor(context_, authorization.substr(7));
      if (!actor.ok())
        return error_response(actor.error()).with_header("WWW-Authenticate", "Bearer");
      exchange.actor = std::move(actor).value();
    } else {
      std::string token = request.cookie(kSessionCookie);
      auto session = token.empty() ? Result<app::SessionActor>(Error::unauthenticated())
                                   : app::session_actor(context_, token);
      if (!session.ok()) {
        if (route.surface == Surface::Api) return error_response(session.error());
        std::string next = request.method == Method::Get ? request.path : "/";
        return Response::redirect("/login?next=" + url_escape(next))
            .with_header("Set-Cookie",
                         token.empty() ? "" : clear_session_cookie(options_.secure_cookies));
      }
      exchange.actor = std::move(session->actor);
      exchange.csrf_token = std::move(session->csrf_token);
      exchange.session_token = std::move(token);
      if (changes_state(request.method)) {
        // Cookie-authenticated writes must prove they come from our own pages or scripts.
        std::string sent = request.header("x-csrf-token");
        if (sent.empty() &&
            request.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0) {
          auto form = parse_form(request.body);
          auto found = form.find("csrf_token");
          if (found != form.end()) sent = found->second;
        } else if (sent.empty() &&
                   request.header("content-type").rfind("multipart/form-data", 0) == 0) {
          // File uploads (the import page) carry the token as a form part, ahead of the file.
          sent = multipart_field(request, "csrf_token");
        }
        if (!app::tokens_equal(sent, exchange.csrf_token)) {
          Error error = Error::forbidden(
              "the form has expired or did not come from Waymark: reload the page and try again");
          if (route.surface == Surface::Api) return error_response(error);
          return Response::text(403, error.message + "\n");
        }
      }
    }
  }
  return route.handler(exchange);
}

Response WebApp::handle(const Request& request) const {
  const auto started = std::chrono::steady_clock::now();
  Response response;
  try {
    response = dispatch(request);
  } catch (const store::StoreFault& fault) {
    spdlog::error("database fault: {}", fault.what());
    response = error_response(Error::internal("the database could not complete the request"));
  } catch (const std::exception& exception) {
    spdlog::error("unhandled exception: {}", exception.what());
    response = error_response(Error::internal("something went wrong on our side"));
  }
  // Drop empty headers (handlers use them as "nothing to add").
  std::erase_if(response.headers, [](const auto& header) { return header.second.empty(); });
  add_security_headers(response);
  const auto elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  // The route pattern, never the path or query: those can carry names and ids.
  auto match = router_.match(request.method, request.path);
  spdlog::debug("{} {} {} {:.2f}ms", to_string(request.method),
                match.route ? match.route->pattern : "(unrouted)", response.status, elapsed);
  return response;
}

}  // namespace waymark::web
