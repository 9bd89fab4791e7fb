#include "web/http.h"

#include <cctype>

namespace waymark::web {

const char* to_string(Method method) {
  switch (method) {
    case Method::Get:
      return "GET";
    case Method::Post:
      return "POST";
    case Method::Put:
      return "PUT";
    case Method::Patch:
      return "PATCH";
    case Method::Delete:
      return "DELETE";
    case Method::Other:
      return "OTHER";
  }
  return "OTHER";
}

std::string Request::header(const std::string& lower_name) const {
  auto found = headers.find(lower_name);
  return found == headers.end() ? std::string() : found->second;
}

std::string Request::cookie(std::string_view name) const {
  std::string all = header("cookie");
  std::string_view rest = all;
  while (!rest.empty()) {
    auto semicolon = rest.find(';');
    std::string_view part = rest.substr(0, semicolon);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto equals = part.find('=');
    if (equals != std::string_view::npos && part.substr(0, equals) == name)
      return std::string(part.substr(equals + 1));
    if (semicolon == std::string_view::npos) break;
    rest.remove_prefix(semicolon + 1);
  }
  return "";
}

std::string Request::param(const std::string& name) const {
  auto found = query.find(name);
  return found == query.end() ? std::string() : found->second;
}

std::vector<std::string> Request::params(const std::string& name) const {
  std::vector<std::string> values;
  auto [first, last] = query.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

Response Response::json(int status, const Json& body) {
  return Response{
      status, "application/json", body.dump(-1, ' ', false, Json::error_handler_t::replace), {}};
}

Response Response::html(int status, std::string body) {
  return Response{status, "text/html; charset=utf-8", std::move(body), {}};
}

Response Response::text(int status, std::string body) {
  return Response{status, "text/plain; charset=utf-8", std::move(body), {}};
}

Response Response::redirect(const std::string& location) {
  Response response{303, "text/plain; charset=utf-8", "See " + location, {}};
  response.headers.emplace_back("Location", location);
  return response;
}

Response Response::no_content() {
  return Response{204, "text/plain; charset=utf-8", "", {}};
}

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Invalid:
      return 422;
    case ErrorKind::NotFound:
      return 404;
    case ErrorKind::Conflict:
      return 409;
    case ErrorKind::Unauthenticated:
      return 401;
    case ErrorKind::Forbidden:
      return 403;
    case ErrorKind::Locked:
      return 429;
    case ErrorKind::Internal:
      return 500;
  }
  return 500;
}

Response error_response(const Error& error) {
  Json fields = Json::array();
  for (const auto& field : error.fields)
    fields.push_back({{"field", field.field}, {"reason", field.reason}});
  return Response::json(
      http_status(error.kind),
      Json{{"error",
            {{"kind", to_string(error.kind)}, {"message", error.message}, {"fields", fields}}}});
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t index = 0; index < text.size(); ++index) {
    char c = text[index];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && index + 2 < text.size() && hex_value(text[index + 1]) >= 0 &&
               hex_value(text[index + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[index + 1]) * 16 + hex_value(text[index + 2]));
      index += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Params parse_form(std::string_view body) {
  Params params;
  while (!body.empty()) {
    auto amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    if (!pair.empty()) {
      auto equals = pair.find('=');
      if (equals == std::string_view::npos) {
        params.emplace(decode(pair), "");
      } else {
        params.emplace(decode(pair.substr(0, equals)), decode(pair.substr(equals + 1)));
      }
    }
    if (amp == std::string_view::npos) break;
    body.remove_prefix(amp + 1);
  }
  return params;
}

std::string url_escape(std::string_view text) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

}  // namespace waymark::web
