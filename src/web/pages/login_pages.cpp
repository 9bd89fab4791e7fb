// GET/POST /login and POST /logout.
//
// The sign-in form has no session yet, so it is protected against cross-site posting by a double
// submit: a random token goes both in a cookie scoped to /login and in a hidden field, and a POST
// is only considered when the two match (a foreign site can make a browser send the cookie but
// cannot read it to fill the field).
#include <fmt/format.h>

#include "app/auth.h"
#include "app/secrets.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

std::string login_csrf_cookie(const std::string& token, bool secure) {
  return fmt::format("{}={}; Path=/login; HttpOnly; SameSite=Lax{}", kLoginCsrfCookie, token,
                     secure ? "; Secure" : "");
}

std::string clear_login_csrf_cookie(bool secure) {
  return fmt::format("{}=; Path=/login; Max-Age=0; HttpOnly; SameSite=Lax{}", kLoginCsrfCookie,
                     secure ? "; Secure" : "");
}

// Where to go after signing in: only a path on this site. "//host" and "/\host" are other sites
// to a browser, and anything with a scheme is refused outright.
std::string safe_next(const std::string& next) {
  if (next.empty() || next.front() != '/') return "/dashboard";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/dashboard";
  for (char c : next)
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return "/dashboard";
  return next;
}

struct LoginView {
  std::string email;
  std::string next;
  std::string message;
  std::vector<FieldError> errors;
};

// Renders the form with a fresh login token in the field and the cookie.
Response login_form(const Templates& templates, bool secure, const LoginView& view, int status) {
  const std::string token = app::random_token();
  Data data{Data::type::object};
  data.set("email", view.email);
  data.set("next", optional_text(view.next));
  data.set("message", optional_text(view.message));
  data.set("csrf_token", token);
  data.set("errors", error_map(view.errors));
  PageFrame frame;
  frame.title = "Sign in";
  frame.errors = view.errors;
  return render_page(templates, frame, "login", data, status)
      .with_header("Set-Cookie", login_csrf_cookie(token, secure));
}

}  // namespace

void register_login_pages(Router& router, const Templates& templates, const WebOptions& options) {
  const bool secure = options.secure_cookies;

  router.add(Method::Get, "/login", Access::Public, Surface::Page,
             [&templates, secure](Exchange& exchange) {
               LoginView view;
               view.next = exchange.request.param("next");
               if (exchange.request.param("signed_out") == "1")
                 view.message = "You have been signed out.";
               return login_form(templates, secure, view, 200);
             });

  router.add(Method::Post, "/login", Access::Public, Surface::Page,
             [&templates, secure](Exchange& exchange) {
               const Params form = exchange.form();
               LoginView view;
               view.email = form_text(form, "email");
               // The form carries `next` once login.mustache has the hidden field; until then the
               // query string of the form's action does.
               view.next = form_text(form, "next");
               if (view.next.empty()) view.next = exchange.request.param("next");

               const std::string cookie = exchange.request.cookie(kLoginCsrfCookie);
               if (cookie.empty() || !app::tokens_equal(cookie, form_text(form, "csrf_token"))) {
                 view.message =
                     "The sign-in form had expired. Enter your email address and password again.";
                 return login_form(templates, secure, view, 403);
               }

               const std::string password =
                   form.count("password") ? form.find("password")->second : std::string();
               if (view.email.empty()) view.errors.push_back({"email", "Enter your email address"});
               if (password.empty()) view.errors.push_back({"password", "Enter your password"});
               if (!view.errors.empty()) return login_form(templates, secure, view, 422);

               auto signed_in = app::sign_in(exchange.app, view.email, password,
                                             exchange.request.remote_address);
               if (!signed_in.ok()) {
                 const Error& error = signed_in.error();
                 if (error.kind == ErrorKind::Locked) {
                   view.errors.push_back({"email", error.message});
                   return login_form(templates, secure, view, 429);
                 }
                 if (error.kind != ErrorKind::Invalid)
                   return error_page(templates, exchange, error);
                 view.errors = error.fields;
                 if (view.errors.empty()) view.errors.push_back({"email", error.message});
                 return login_form(templates, secure, view, 422);
               }
               return Response::redirect(safe_next(view.next))
                   .with_header("Set-Cookie", session_cookie(signed_in->session_token,
                                                             app::kSessionSeconds, secure))
                   .with_header("Set-Cookie", clear_login_csrf_cookie(secure));
             });

  // Signing out is a POST with the session's CSRF token (checked by the dispatcher), so another
  // site cannot sign a user out.
  router.page(Method::Post, "/logout", [secure](Exchange& exchange) {
    if (!exchange.session_token.empty()) app::sign_out(exchange.app, exchange.session_token);
    return Response::redirect("/login?signed_out=1")
        .with_header("Set-Cookie", clear_session_cookie(secure));
  });
}

}  // namespace waymark::web
