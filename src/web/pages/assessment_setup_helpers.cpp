#include "web/pages/assessment_setup_helpers.h"

#include <fmt/format.h>

#include "web/pages/form_helpers.h"

namespace waymark::web {

List grade_options(const GradeScale& scale, const std::string& selected, const std::string& blank) {
  std::vector<Option> options;
  const auto& grades = scale.grades();
  for (auto grade = grades.rbegin(); grade != grades.rend(); ++grade)
    options.push_back({grade->code, grade->label == grade->code
                                        ? grade->code
                                        : fmt::format("{} ({})", grade->label, grade->code)});
  return option_list(options, selected, blank);
}

std::string grade_label(const GradeScale& scale, const std::string& code) {
  const auto grade = scale.find(code);
  return grade ? grade->label : code;
}

std::vector<FieldError> prefixed_errors(const Error& error, const std::string& prefix,
                                        const std::string& fallback) {
  std::vector<FieldError> fields;
  for (const auto& field : error.fields)
    fields.push_back({prefix + field.field, error_sentence(field)});
  if (fields.empty()) {
    std::string message = error.message.empty() ? "Check this" : error.message;
    message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
    fields.push_back({prefix + fallback, message});
  }
  return fields;
}

bool ends_request(const Error& error) {
  return error.kind != ErrorKind::Invalid && error.kind != ErrorKind::Conflict;
}

bool is_admin_or_head(const Actor& actor) {
  return actor.roles.has(Role::Admin) || actor.roles.has(Role::Head);
}

namespace {

Data field(const std::string& name, const std::string& label, const std::string& value,
           const Data& errors, const std::string& hint, const char* control) {
  Data data{Data::type::object};
  const std::string id = field_anchor(name);
  const std::string error = error_for(errors, name);
  data.set("id", id);
  data.set("name", name);
  data.set("label", label);
  data.set("value", value);
  data.set("hint", optional_text(hint));
  data.set("error", optional_text(error));
  std::string described_by;
  if (!hint.empty()) described_by = id + "-hint";
  if (!error.empty()) described_by += (described_by.empty() ? "" : " ") + id + "-error";
  data.set("described_by", optional_text(described_by));
  for (const char* kind : {"input", "select", "textarea"})
    data.set(kind, Data(std::string(kind) == control));
  data.set("type", "text");
  data.set("inputmode", Data(false));
  data.set("classes", "");
  return data;
}

}  // namespace

Data text_field(const std::string& name, const std::string& label, const std::string& value,
                const Data& errors, const std::string& hint, const std::string& classes) {
  Data data = field(name, label, value, errors, hint, "input");
  data.set("classes", classes);
  return data;
}

Data number_field(const std::string& name, const std::string& label, const std::string& value,
                  const Data& errors, const std::string& hint) {
  Data data = field(name, label, value, errors, hint, "input");
  data.set("classes", "govuk-input--width-4");
  data.set("inputmode", "numeric");
  return data;
}

Data date_field(const std::string& name, const std::string& label, const std::string& value,
                const Data& errors, const std::string& hint) {
  Data data = field(name, label, value, errors, hint, "input");
  data.set("classes", "govuk-input--width-10");
  data.set("type", "date");
  return data;
}

Data select_field(const std::string& name, const std::string& label, const List& options,
                  const Data& errors, const std::string& hint) {
  Data data = field(name, label, "", errors, hint, "select");
  data.set("options", options);
  return data;
}

Data textarea_field(const std::string& name, const std::string& label, const std::string& value,
                    const Data& errors, const std::string& hint) {
  return field(name, label, value, errors, hint, "textarea");
}

std::string format_moment(std::int64_t seconds) {
  const std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const std::int64_t of_day = seconds - days * 86400;
  return fmt::format("{} at {:02}:{:02} UTC", format_date(Date::from_days(days)), of_day / 3600,
                     (of_day % 3600) / 60);
}

}  // namespace waymark::web
