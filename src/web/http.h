// The web layer's own view of an HTTP exchange, independent of the server library, so that
// handlers are plain functions that tests can call directly.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/user.h"

namespace waymark::web {

using Json = nlohmann::json;
using Params = std::multimap<std::string, std::string>;

enum class Method { Get, Post, Put, Patch, Delete, Other };
const char* to_string(Method method);

struct Request {
  Method method = Method::Get;
  std::string path;                            // decoded path without the query
  Params query;                                // decoded query parameters
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote_address;
  bool tls = false;

  std::string header(const std::string& lower_name) const;
  std::string cookie(std::string_view name) const;
  // First value of a query parameter, or "".
  std::string param(const std::string& name) const;
  std::vector<std::string> params(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response json(int status, const Json& body);
  static Response html(int status, std::string body);
  static Response text(int status, std::string body);
  static Response redirect(const std::string& location);  // 303 See Other
  static Response no_content();
  Response& with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// Maps an Error to its HTTP status: Invalid 422, NotFound 404, Conflict 409, Unauthenticated 401,
// Forbidden 403, Locked 429, Internal 500.
int http_status(ErrorKind kind);
// {"error": {"kind", "message", "fields": [{"field", "reason"}]}}
Response error_response(const Error& error);

// Parses an application/x-www-form-urlencoded body (also used for query strings).
Params parse_form(std::string_view body);

// Percent-escapes a value for use in a URL query.
std::string url_escape(std::string_view text);

}  // namespace waymark::web
