// Routes: a table of (method, pattern, handler, access). Patterns are paths with `{name}`
// segments ("/api/v1/pupils/{id}"). Matching splits the path on '/' and compares segment by
// segment, which costs far less per request than one regular expression per route.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/user.h"
#include "web/http.h"

namespace waymark::web {

enum class Access {
  Public,    // no sign-in needed
  SignedIn,  // a session cookie or an API bearer token
};

enum class Surface { Api, Page };  // decides how an auth failure answers: 401 JSON or a redirect

// Everything a handler gets.
struct Exchange {
  const Request& request;
  app::Context& app;
  std::map<std::string, std::string> path;  // values of the {name} segments
  Actor actor;                              // valid when the route is SignedIn
  std::string csrf_token;                   // the session's; empty for bearer tokens
  std::string session_token;                // empty for bearer tokens

  // A {name} segment as a positive id; NotFound when it is not one (as for a missing record).
  Result<Id> id(const std::string& name, const char* what) const;
  // The body as a JSON object; Invalid naming "body" when it is not.
  Result<Json> json_body() const;
  // The body as a form (application/x-www-form-urlencoded).
  Params form() const { return parse_form(request.body); }
};

using Handler = std::function<Response(Exchange&)>;

struct Route {
  Method method;
  std::string pattern;
  Access access;
  Surface surface;
  Handler handler;
  std::vector<std::string> segments;  // pattern split on '/'
};

class Router {
 public:
  void add(Method method, std::string pattern, Access access, Surface surface, Handler handler);
  void api(Method method, std::string pattern, Handler handler) {
    add(method, std::move(pattern), Access::SignedIn, Surface::Api, std::move(handler));
  }
  void page(Method method, std::string pattern, Handler handler) {
    add(method, std::move(pattern), Access::SignedIn, Surface::Page, std::move(handler));
  }

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> path;
    bool method_mismatch = false;  // the path exists with another method (405)
    std::string allowed;           // "GET, PATCH": the methods the path does answer
  };
  Match match(Method method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(const std::string& path);

// A path segment as a positive id; NotFound (naming `what`) when it is not one, exactly as for a
// record that does not exist.
Result<Id> parse_path_id(const std::string& text, const char* what);

}  // namespace waymark::web
