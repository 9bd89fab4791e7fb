// The web application: routes, authentication, CSRF, security headers and error mapping, over a
// transport-neutral Request/Response. web/server.cpp connects it to the HTTP server library.
#pragma once

#include <memory>
#include <string>

#include "app/context.h"
#include "web/http.h"
#include "web/router.h"
#include "web/templates.h"

namespace waymark::web {

inline constexpr const char* kSessionCookie = "wm_session";
inline constexpr const char* kLoginCsrfCookie = "wm_login_csrf";

struct WebOptions {
  std::string web_root;         // holds templates/ and static/
  bool secure_cookies = false;  // Secure attribute (set when served over TLS)
};

class WebApp {
 public:
  // Fails when the templates cannot be loaded.
  static Result<std::unique_ptr<WebApp>> create(app::Context& context, WebOptions options);

  // Thread-safe: called concurrently from the server's threads.
  Response handle(const Request& request) const;

  const Router& router() const { return router_; }
  const Templates& templates() const { return templates_; }

 private:
  WebApp(app::Context& context, WebOptions options, Templates templates);
  Response dispatch(const Request& request) const;
  Response serve_static(const Request& request) const;

  app::Context& context_;
  WebOptions options_;
  Templates templates_;
  Router router_;
};

// Set-Cookie values. Session cookies are HttpOnly and SameSite=Lax, and Secure under TLS.
std::string session_cookie(const std::string& token, std::int64_t max_age_seconds, bool secure);
std::string clear_session_cookie(bool secure);

// Route registration, one function per area (web/api/*.cpp and web/pages/*.cpp).
void register_session_api(Router& router, const WebOptions& options);
void register_pupil_api(Router& router);
void register_placement_api(Router& router);
void register_organisation_api(Router& router);
void register_user_api(Router& router);
void register_calendar_api(Router& router);
void register_import_api(Router& router);
void register_pages(Router& router, const Templates& templates, const WebOptions& options);
// The assessment loop (issue 3), one API area per file in web/api/ and pages in web/pages/.
void register_assessment_setup_api(Router& router);
void register_baseline_api(Router& router);
void register_classwork_api(Router& router);
void register_feedback_form_api(Router& router);
void register_dashboard_api(Router& router);
// Notifications and the email outbox (issue 4).
void register_notification_api(Router& router);
// Attendance (issue 4).
void register_attendance_api(Router& router);
// AP monitoring (issue 4).
void register_monitoring_api(Router& router);   // weekly RAG, updates, deterioration
void register_action_plan_api(Router& router);  // called by register_monitoring_api
// Parent contact, behaviour and rewards (issue 4).
void register_contact_api(Router& router);
void register_behaviour_api(Router& router);

}  // namespace waymark::web
