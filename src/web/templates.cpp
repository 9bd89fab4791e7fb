#include "web/templates.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace waymark::web {

Result<Templates> Templates::load(const std::string& directory) {
  Templates templates;
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error))
    return Error::invalid("templates", "template folder " + directory + " not found");
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream file(entry.path());
    std::stringstream text;
    text << file.rdbuf();
    kainjow::mustache::mustache parsed(text.str());
    if (!parsed.is_valid())
      return Error::invalid("templates",
                            entry.path().filename().string() + ": " + parsed.error_message());
    templates.templates_.emplace(entry.path().stem().string(), std::move(parsed));
  }
  return templates;
}

std::string Templates::render(const std::string& name, const Data& data) const {
  auto found = templates_.find(name);
  if (found == templates_.end()) throw std::logic_error("no template named " + name);
  // mustache::render is not const in kainjow; copy the compiled template (cheap: shared text).
  kainjow::mustache::mustache copy = found->second;
  return copy.render(data);
}

Data optional_text(const std::string& text) {
  return text.empty() ? Data(false) : Data(text);
}

std::string field_anchor(const std::string& field) {
  std::string key;
  for (char c : field) key += (c == '.' || c == '[' || c == ']' || c == ' ' || c == ',') ? '_' : c;
  return key;
}

std::string error_sentence(const FieldError& error) {
  if (error.reason.empty()) return error.field;
  char first = error.reason.front();
  if (first >= 'A' && first <= 'Z') return error.reason;  // already a sentence
  // "contacts[0].email" reads as "Contacts 1 email": positions count from 1 for people.
  std::string name;
  const std::string& field = error.field;
  for (std::size_t index = 0; index < field.size(); ++index) {
    char c = field[index];
    if (c == '[') {
      std::size_t close = field.find(']', index);
      if (close == std::string::npos) break;
      int position = std::atoi(field.substr(index + 1, close - index - 1).c_str());
      name += " " + std::to_string(position + 1);
      index = close;
      continue;
    }
    name += (c == '_' || c == '.') ? ' ' : c;
  }
  if (!name.empty() && name.front() >= 'a' && name.front() <= 'z')
    name.front() = static_cast<char>(name.front() - 32);
  return name + " " + error.reason;
}

Data error_map(const std::vector<FieldError>& errors) {
  Data map{Data::type::object};
  for (const auto& error : errors) {
    // The first error for a field wins; dotted and bracketed names become underscores for mustache.
    std::string key = field_anchor(error.field);
    if (!map.get(key)) map.set(key, error_sentence(error));
  }
  return map;
}

namespace {

struct NavItem {
  const char* href;
  const char* text;
};

List nav_for(const Actor* actor, const std::string& active) {
  List nav;
  if (actor == nullptr) return nav;
  std::vector<NavItem> items = {{"/dashboard", "Dashboard"}, {"/pupils", "Pupils"}};
  if (actor->can_edit_pupils()) items.push_back({"/import", "Import"});
  items.push_back({"/calendar", "Calendar"});
  // Providers write feedback forms; schools and the LA receive the sent ones.
  if (actor->organisation_kind == OrgKind::Provider && actor->can_edit_pupils())
    items.push_back({"/feedback-forms/due", "Feedback forms due"});
  if (actor->organisation_kind != OrgKind::Provider)
    items.push_back({"/feedback-forms", "Feedback forms"});
  if (actor->organisation_kind == OrgKind::Provider)
    items.push_back({"/registers", "Registers"});
  else
    items.push_back({"/attendance/daily", "Attendance"});
  if (actor->organisation_kind == OrgKind::Provider)
    items.push_back({"/rag", "Weekly RAG"});
  else
    items.push_back({"/rag/updates", "Updates"});
  if (actor->organisation_kind == OrgKind::Provider && actor->can_edit_pupils()) {
    items.push_back({"/contacts-due", "Calls due"});
    items.push_back({"/behaviour", "Behaviour"});
  }
  if (actor->can_manage_users()) items.push_back({"/users", "Users"});
  if (actor->can_read_audit()) items.push_back({"/audit", "Audit"});
  if (actor->roles.has(Role::Admin) || actor->roles.has(Role::Head))
    items.push_back({"/settings", "Settings"});
  if (actor->can_manage_users()) items.push_back({"/admin/outbox", "Email outbox"});
  items.push_back({"/account", "Account"});
  for (const auto& item : items) {
    Data entry{Data::type::object};
    entry.set("href", item.href);
    entry.set("text", item.text);
    entry.set("current", Data(active == item.href));
    nav.push_back(entry);
  }
  return nav;
}

}  // namespace

Response render_page(const Templates& templates, const PageFrame& frame,
                     const std::string& content_template, const Data& data, int status) {
  Data page{Data::type::object};
  page.set("title", frame.errors.empty() ? frame.title : "Error: " + frame.title);
  page.set("nav", nav_for(frame.actor, frame.active_nav));
  if (frame.actor != nullptr) {
    Data user{Data::type::object};
    user.set("display_name", frame.actor->display_name);
    user.set("organisation_name", optional_text(frame.organisation_name));
    if (frame.unread_notifications >= 0) {
      Data notifications{Data::type::object};
      notifications.set("unread", frame.unread_notifications > 0
                                      ? Data(std::to_string(frame.unread_notifications))
                                      : Data(false));
      user.set("notifications", notifications);
    }
    page.set("user", user);
  }
  page.set("csrf_token", frame.csrf_token);
  if (!frame.flash.empty()) page.set("flash", frame.flash);
  if (!frame.errors.empty()) {
    List errors;
    for (const auto& error : frame.errors) {
      Data item{Data::type::object};
      item.set("href", "#" + field_anchor(error.field));
      item.set("text", error_sentence(error));
      errors.push_back(item);
    }
    Data summary{Data::type::object};
    summary.set("errors", errors);
    page.set("error_summary", summary);
  }
  page.set("content", templates.render(content_template, data));
  return Response::html(status, templates.render("layout", page));
}

}  // namespace waymark::web
