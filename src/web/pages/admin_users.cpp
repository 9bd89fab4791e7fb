// /users: an organisation's admins list, add and edit its users and reset their passwords.
#include <string>
#include <vector>

#include "app/users.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

struct RoleChoice {
  Role role;
  const char* label;
  const char* hint;
};

constexpr RoleChoice kRoleChoices[] = {
    {Role::Admin, "Admin", "Manages users and the organisation's calendar and subjects."},
    {Role::Teacher, "Teacher", "Records and edits pupils' data."},
    {Role::Head, "Head", "Everything a teacher can do, and reads the audit trail."},
    {Role::Commissioner, "Commissioner", "Sees only the pupils your organisation placed."},
    {Role::Auditor, "Auditor", "Reads everything and changes nothing."},
};

// A password exactly as typed: spaces at either end are part of it.
std::string raw_field(const Params& form, const std::string& name) {
  auto found = form.find(name);
  return found == form.end() ? std::string() : found->second;
}

const char* role_label(Role role) {
  for (const auto& choice : kRoleChoices)
    if (choice.role == role) return choice.label;
  return to_string(role);
}

// What the user form shows: a stored user, or what was typed.
struct UserForm {
  Id id = 0;
  std::string email;
  std::string display_name;
  Roles roles;
  bool active = true;
};

UserForm form_of(const User& user) {
  return UserForm{user.id, user.email, user.display_name, user.roles, user.active};
}

UserForm read_user_form(const Params& form, ErrorList& errors) {
  UserForm values;
  values.email = form_text(form, "email");
  values.display_name = form_text(form, "display_name");
  for (const auto& text : form_values(form, "roles")) {
    auto role = parse_role(text);
    if (role.ok())
      values.roles.add(*role);
    else
      errors.add("roles", "Select roles from the list");
  }
  values.active = form_checked(form, "active");
  return values;
}

const char* flash_for(const std::string& done) {
  if (done == "created") return "User added. They can now sign in with the password you set.";
  if (done == "updated") return "User details saved.";
  if (done == "password") return "Password reset. Their sessions have ended.";
  return "";
}

// The add or edit page; `values.id` 0 means add.
Response user_form_page(const Templates& templates, const Exchange& exchange,
                        const UserForm& values, const std::vector<FieldError>& errors,
                        int status = 200) {
  const bool adding = values.id == 0;
  PageFrame frame =
      page_frame(exchange, adding ? "Add a user" : "Edit " + values.display_name, "/users");
  frame.errors = errors;
  if (!adding) frame.flash = flash_for(exchange.request.param("done"));
  Data data{Data::type::object};
  data.set("csrf_token", exchange.csrf_token);
  data.set("errors", error_map(errors));
  data.set("adding", Data(adding));
  data.set("heading", adding ? std::string("Add a user") : values.display_name);
  data.set("action",
           adding ? std::string("/users/new") : "/users/" + std::to_string(values.id) + "/edit");
  data.set("password_action", "/users/" + std::to_string(values.id) + "/password");
  data.set("email", values.email);
  data.set("display_name", values.display_name);
  data.set("active", Data(values.active));
  List roles;
  bool first = true;
  for (const auto& choice : kRoleChoices) {
    // Commissioners belong to schools and local authorities, never to providers.
    if (choice.role == Role::Commissioner && exchange.actor.organisation_kind == OrgKind::Provider)
      continue;
    Data item{Data::type::object};
    item.set("id", first ? std::string("roles") : std::string("roles-") + to_string(choice.role));
    item.set("value", to_string(choice.role));
    item.set("label", choice.label);
    item.set("hint", choice.hint);
    item.set("checked", Data(values.roles.has(choice.role)));
    roles.push_back(item);
    first = false;
  }
  data.set("roles", roles);
  return render_page(templates, frame, "users_form", data, status);
}

Result<User> find_user(Exchange& exchange, Id user_id) {
  auto users = app::list_users(exchange.app, exchange.actor);
  if (!users.ok()) return std::move(users).error();
  for (auto& user : *users)
    if (user.id == user_id) return std::move(user);
  return Error::not_found("user");
}

Response list_page(const Templates& templates, Exchange& exchange) {
  auto users = app::list_users(exchange.app, exchange.actor);
  if (!users.ok()) return error_page(templates, exchange, users.error());
  List rows;
  for (const auto& user : *users) {
    Data row{Data::type::object};
    row.set("href", "/users/" + std::to_string(user.id) + "/edit");
    row.set("display_name", user.display_name);
    row.set("email", user.email);
    List tags;
    for (Role role : user.roles.list()) {
      Data tag{Data::type::object};
      tag.set("text", role_label(role));
      tags.push_back(tag);
    }
    row.set("roles", tags);
    row.set("active", Data(user.active));
    rows.push_back(row);
  }
  Data data{Data::type::object};
  data.set("users", rows);
  data.set("count", std::to_string(users->size()) + (users->size() == 1 ? " user" : " users"));
  PageFrame frame = page_frame(exchange, "Users", "/users");
  frame.flash = flash_for(exchange.request.param("done"));
  return render_page(templates, frame, "users_list", data);
}

}  // namespace

void register_user_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/users",
              [&templates](Exchange& exchange) { return list_page(templates, exchange); });

  router.page(Method::Get, "/users/new", [&templates](Exchange& exchange) {
    if (!exchange.actor.can_manage_users())
      return error_page(templates, exchange,
                        Error::forbidden("only your organisation's admins manage users"));
    return user_form_page(templates, exchange, UserForm{}, {});
  });

  router.page(Method::Post, "/users/new", [&templates](Exchange& exchange) {
    const Params form = exchange.form();
    ErrorList errors;
    UserForm values = read_user_form(form, errors);
    values.active = true;
    if (!errors.empty()) return user_form_page(templates, exchange, values, errors.fields(), 422);
    User user;
    user.email = values.email;
    user.display_name = values.display_name;
    user.roles = values.roles;
    auto created =
        app::create_user(exchange.app, exchange.actor, user, raw_field(form, "password"));
    if (created.ok()) return Response::redirect("/users?done=created");
    const Error& error = created.error();
    if (error.kind != ErrorKind::Invalid && error.kind != ErrorKind::Conflict)
      return error_page(templates, exchange, error);
    return user_form_page(templates, exchange, values, error.fields, 422);
  });

  router.page(Method::Get, "/users/{id}/edit", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "user");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    auto user = find_user(exchange, *id);
    if (!user.ok()) return error_page(templates, exchange, user.error());
    return user_form_page(templates, exchange, form_of(*user), {});
  });

  router.page(Method::Post, "/users/{id}/edit", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "user");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    const Params form = exchange.form();
    ErrorList form_problems;
    UserForm values = read_user_form(form, form_problems);
    values.id = *id;
    auto updated =
        app::update_user(exchange.app, exchange.actor, *id, [&](User& user, ErrorList& errors) {
          user.email = values.email;
          user.display_name = values.display_name;
          user.roles = values.roles;
          user.active = values.active;
          for (const auto& problem : form_problems.fields())
            errors.add(problem.field, problem.reason);
        });
    if (updated.ok()) return Response::redirect("/users?done=updated");
    const Error& error = updated.error();
    if (error.kind != ErrorKind::Invalid && error.kind != ErrorKind::Conflict)
      return error_page(templates, exchange, error);
    return user_form_page(templates, exchange, values, error.fields, 422);
  });

  router.page(Method::Post, "/users/{id}/password", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "user");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    auto reset = app::reset_user_password(exchange.app, exchange.actor, *id,
                                          raw_field(exchange.form(), "password"));
    if (reset.ok())
      return Response::redirect("/users/" + std::to_string(*id) + "/edit?done=password");
    if (reset.error().kind != ErrorKind::Invalid)
      return error_page(templates, exchange, reset.error());
    auto user = find_user(exchange, *id);
    if (!user.ok()) return error_page(templates, exchange, user.error());
    return user_form_page(templates, exchange, form_of(*user), reset.error().fields, 422);
  });
}

}  // namespace waymark::web
