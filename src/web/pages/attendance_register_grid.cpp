// /registers/{date}/{session}: one register as a keyboard grid. Every pupil starts present (the
// session's / or \) unless already marked; the whole register posts in one request and is saved
// in one transaction. web/static/js/register_grid.js adds the keys (arrows and Enter move between
// rows, codes upper-case as typed, minutes for L and U); without JavaScript the form still works.
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "app/attendance_codec.h"
#include "app/attendance_registers.h"
#include "web/pages/attendance_pages.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

Result<std::pair<Date, Session>> register_key(const Exchange& exchange) {
  auto date = Date::parse(exchange.path.at("date"), "date");
  auto session = app::parse_session(exchange.path.at("session"));
  if (!date.ok() || !session.ok()) return Error::not_found("register");
  return std::pair{*date, *session};
}

std::string present_code(Session session) {
  return session == Session::Am ? "/" : "\\";
}

Response render_grid(const Templates& templates, Exchange& exchange, Date date, Session session,
                     const Params* posted, const std::vector<FieldError>& errors,
                     const std::string& flash) {
  auto found = app::get_register(exchange.app, exchange.actor, date, session);
  if (!found.ok()) return error_page(templates, exchange, found.error());
  const Data error_data = error_map(errors);
  List rows;
  int row_number = 0;
  for (const auto& row : found->rows) {
    const std::string key = std::to_string(row.pupil_id);
    auto value = [&](const std::string& name, const std::string& stored) {
      return posted ? form_text(*posted, name + "_" + key) : stored;
    };
    Data item{Data::type::object};
    item.set("pupil_id", key);
    item.set("row", std::to_string(++row_number));
    item.set("name", row.name);
    item.set("upn", optional_text(row.upn));
    item.set("code", value("code", row.mark ? row.mark->code : present_code(session)));
    item.set("minutes", value("minutes", row.mark && row.mark->minutes_late
                                             ? std::to_string(*row.mark->minutes_late)
                                             : ""));
    item.set("reason", value("reason", ""));
    item.set("has_mark", row.mark.has_value());
    item.set("not_expected", !row.expected);
    if (row.mark) {
      const AttendanceCode* entry = app::code_entry(row.mark->code, row.mark->date);
      item.set("saved_meaning", entry ? entry->meaning : row.mark->code);
      item.set("version", std::to_string(row.mark->version));
      item.set("changed", row.mark->version > 1);
    }
    for (const char* field : {"code", "minutes", "reason"})
      item.set(std::string(field) + "_error",
               optional_text(error_for(error_data, std::string(field) + "_" + key)));
    rows.push_back(item);
  }
  List codes;
  for (const AttendanceCode& code : dfe_attendance_codes()) {
    if (!code.valid_on(date)) continue;
    Data option{Data::type::object};
    option.set("code", code.code);
    option.set("meaning", code.meaning);
    codes.push_back(option);
  }
  const std::string session_label = session == Session::Am ? "AM" : "PM";
  PageFrame frame = page_frame(
      exchange, fmt::format("Register: {} {}", format_date(date), session_label), "/registers");
  frame.errors = errors;
  frame.flash = flash;
  Data data{Data::type::object};
  data.set("date", date.iso());
  data.set("date_label", format_date(date));
  data.set("session", session_label);
  data.set("present_code", present_code(session));
  data.set("rows", rows);
  data.set("has_rows", !rows.empty());
  data.set("codes", codes);
  data.set("school_day", found->school_day);
  data.set("taken", found->taken.has_value());
  data.set("can_write", found->can_write);
  data.set("csrf_token", exchange.csrf_token);
  data.set("action", fmt::format("/registers/{}/{}", date.iso(), session_label));
  return render_page(templates, frame, "attendance_register", data);
}

// The app's field names ("marks[3].code") as the form's ("code_<pupil id>").
std::vector<FieldError> form_field_errors(const Error& error, const std::vector<Id>& pupil_ids,
                                          const std::map<Id, std::string>& names) {
  std::vector<FieldError> errors;
  for (const FieldError& field : error.fields) {
    unsigned index = 0;
    char name[32] = {0};
    if (std::sscanf(field.field.c_str(), "marks[%u].%31s", &index, name) == 2 &&
        index < pupil_ids.size()) {
      std::string form_name = name;
      if (form_name == "minutes_late") form_name = "minutes";
      if (form_name == "pupil_id") form_name = "code";
      const Id pupil_id = pupil_ids[index];
      errors.push_back(
          {form_name + "_" + std::to_string(pupil_id), names.at(pupil_id) + ": " + field.reason});
    } else {
      errors.push_back({"register", field.reason});
    }
  }
  if (errors.empty()) errors.push_back({"register", error.message});
  return errors;
}

}  // namespace

void register_register_grid_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/registers/{date}/{session}", [&templates](Exchange& exchange) {
    auto key = register_key(exchange);
    if (!key.ok()) return error_page(templates, exchange, key.error());
    const std::string saved = exchange.request.param("saved");
    return render_grid(templates, exchange, key->first, key->second, nullptr, {},
                       saved.empty() ? "" : "Register saved");
  });
  router.page(Method::Post, "/registers/{date}/{session}", [&templates](Exchange& exchange) {
    auto key = register_key(exchange);
    if (!key.ok()) return error_page(templates, exchange, key.error());
    const Params form = exchange.form();
    auto current = app::get_register(exchange.app, exchange.actor, key->first, key->second);
    if (!current.ok()) return error_page(templates, exchange, current.error());
    std::vector<app::MarkEntry> entries;
    std::vector<Id> pupil_ids;
    std::map<Id, std::string> names;
    ErrorList parse_errors;
    for (const auto& row : current->rows) {
      const std::string suffix = "_" + std::to_string(row.pupil_id);
      names[row.pupil_id] = row.name;
      app::MarkEntry entry;
      entry.pupil_id = row.pupil_id;
      entry.code = form_text(form, "code" + suffix);
      if (entry.code.empty()) continue;  // left blank: not marked yet
      entry.minutes_late = read_form_int(form, "minutes" + suffix, parse_errors);
      entry.reason = form_text(form, "reason" + suffix);
      entries.push_back(std::move(entry));
      pupil_ids.push_back(row.pupil_id);
    }
    if (!parse_errors.empty()) {
      std::vector<FieldError> errors;
      for (const auto& error : parse_errors.fields()) {
        const Id pupil_id = std::atoll(error.field.substr(error.field.find('_') + 1).c_str());
        errors.push_back({error.field, names[pupil_id] + ": minutes late " + error.reason});
      }
      return render_grid(templates, exchange, key->first, key->second, &form, errors, "");
    }
    auto saved = app::save_register(exchange.app, exchange.actor, key->first, key->second, entries);
    if (saved.ok())
      return Response::redirect(
          fmt::format("/registers/{}/{}?saved=1", key->first.iso(), to_string(key->second)));
    if (saved.error().kind == ErrorKind::Forbidden || saved.error().kind == ErrorKind::NotFound)
      return error_page(templates, exchange, saved.error());
    return render_grid(templates, exchange, key->first, key->second, &form,
                       form_field_errors(saved.error(), pupil_ids, names), "");
  });
}

}  // namespace waymark::web
