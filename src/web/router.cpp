#include "web/router.h"

namespace waymark::web {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    segments.push_back(path.substr(start, slash - start));
    start = slash;
  }
  return segments;
}

void Router::add(Method method, std::string pattern, Access access, Surface surface,
                 Handler handler) {
  Route route{method, pattern, access, surface, std::move(handler), split_path(pattern)};
  routes_.push_back(std::move(route));
}

Router::Match Router::match(Method method, const std::string& path) const {
  Match result;
  const std::vector<std::string> segments = split_path(path);
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    bool same = true;
    for (std::size_t index = 0; index < segments.size() && same; ++index) {
      const std::string& part = route.segments[index];
      bool placeholder = part.size() > 2 && part.front() == '{' && part.back() == '}';
      if (!placeholder && part != segments[index]) same = false;
    }
    if (!same) continue;
    if (route.method != method) {
      result.method_mismatch = true;
      if (!result.allowed.empty()) result.allowed += ", ";
      result.allowed += to_string(route.method);
      continue;
    }
    result.route = &route;
    result.method_mismatch = false;
    result.allowed.clear();
    for (std::size_t index = 0; index < segments.size(); ++index) {
      const std::string& part = route.segments[index];
      if (part.size() > 2 && part.front() == '{' && part.back() == '}')
        result.path[part.substr(1, part.size() - 2)] = segments[index];
    }
    return result;
  }
  return result;
}

Result<Id> parse_path_id(const std::string& text, const char* what) {
  if (text.empty() || text.size() > 18) return Error::not_found(what);
  Id value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return Error::not_found(what);
    value = value * 10 + (c - '0');
  }
  if (value <= 0) return Error::not_found(what);
  return value;
}

Result<Id> Exchange::id(const std::string& name, const char* what) const {
  auto found = path.find(name);
  if (found == path.end()) return Error::not_found(what);
  return parse_path_id(found->second, what);
}

Result<Json> Exchange::json_body() const {
  Json body = Json::parse(request.body, nullptr, false);
  if (body.is_discarded()) return Error::invalid("body", "is not valid JSON");
  if (!body.is_object()) return Error::invalid("body", "must be a JSON object");
  return body;
}

}  // namespace waymark::web
