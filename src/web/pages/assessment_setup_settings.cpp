// /settings (an index of the organisation's assessment settings), /settings/grade-scales (every
// scale the organisation sees, its grades in order; admins add a scale) and /settings/subjects
// (the scale each subject uses at KS3 and KS4; admins and heads change it). Anyone signed in
// reads; the use cases decide who writes.
#include <sstream>

#include <fmt/format.h>

#include "app/calendar.h"
#include "app/grade_scales.h"
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

Response settings_index(const Templates& templates, Exchange& exchange) {
  Data data{Data::type::object};
  data.set("can_edit", is_admin_or_head(exchange.actor));
  return render_page(templates, page_frame(exchange, "Settings", "/settings"), "scales_settings",
                     data);
}

// ---- Grade scales ----------------------------------------------------------------------------

// "S-, Secure-" per line, worst first; a line with only a code uses it as the label.
std::vector<std::pair<std::string, std::string>> read_grade_lines(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> grades;
  std::istringstream lines(text);
  std::string line;
  auto trim = [](std::string value) {
    const auto first = value.find_first_not_of(" \t\r");
    if (first == std::string::npos) return std::string();
    return value.substr(first, value.find_last_not_of(" \t\r") - first + 1);
  };
  while (std::getline(lines, line)) {
    line = trim(line);
    if (line.empty()) continue;
    const auto comma = line.find(',');
    if (comma == std::string::npos) {
      grades.emplace_back(line, line);
    } else {
      grades.emplace_back(trim(line.substr(0, comma)), trim(line.substr(comma + 1)));
    }
  }
  return grades;
}

Response scales_page(const Templates& templates, Exchange& exchange, const Params& form,
                     const std::vector<FieldError>& errors, int status) {
  auto scales = app::list_grade_scales(exchange.app, exchange.actor);
  if (!scales.ok()) return error_page(templates, exchange, scales.error());
  const Data error_data = error_map(errors);
  List items;
  for (const GradeScale& scale : *scales) {
    Data item{Data::type::object};
    item.set("key", scale.key());
    item.set("name", scale.name());
    item.set("points", scale.points_scheme() == PointsScheme::Gcse ? "GCSE points" : "No points");
    List grades;
    for (const Grade& grade : scale.grades()) {
      Data entry{Data::type::object};
      entry.set("code", grade.code);
      entry.set("label", grade.label);
      grades.push_back(entry);
    }
    item.set("grades", grades);
    items.push_back(item);
  }
  Data data{Data::type::object};
  data.set("scales", items);
  data.set("csrf_token", exchange.csrf_token);
  data.set("can_add", exchange.actor.roles.has(Role::Admin));
  data.set("add_open", !errors.empty());
  List fields;
  fields.push_back(text_field("key", "Key", form_text(form, "key"), error_data,
                              "Lower-case letters, digits and underscores, such as reading_band",
                              "govuk-input--width-20"));
  fields.push_back(text_field("name", "Name", form_text(form, "name"), error_data));
  fields.push_back(select_field(
      "points_scheme", "Points",
      option_list({{"none", "No points: ordered labels"}, {"gcse", "GCSE points (U and 1-9)"}},
                  form_text(form, "points_scheme")),
      error_data));
  fields.push_back(textarea_field(
      "grades", "Grades, worst first", form_text(form, "grades"), error_data,
      "One grade a line: its code, a comma, then its label (for example: S-, Secure-). A line "
      "with only a code uses the code as the label."));
  data.set("fields", fields);
  PageFrame frame = page_frame(exchange, "Grade scales", "/settings");
  frame.errors = errors;
  if (exchange.request.param("saved") == "scale") frame.flash = "Grade scale added";
  return render_page(templates, frame, "scales_grade_scales", data, status);
}

Response add_scale(const Templates& templates, Exchange& exchange) {
  const Params form = exchange.form();
  const std::string points_text = form_text(form, "points_scheme");
  const PointsScheme points = points_text == "gcse" ? PointsScheme::Gcse : PointsScheme::None;
  auto added = app::add_grade_scale(exchange.app, exchange.actor, form_text(form, "key"),
                                    form_text(form, "name"),
                                    read_grade_lines(form_text(form, "grades")), points);
  if (!added.ok()) {
    if (ends_request(added.error())) return error_page(templates, exchange, added.error());
    std::vector<FieldError> fields;
    for (const FieldError& field : added.error().fields) {
      // "grades[3]" names a line of the textarea, counting from 1: show it there by its line.
      if (field.field.starts_with("grades[")) {
        const std::string line = field.field.substr(7, field.field.find(']') - 7);
        fields.push_back({"grades", "Grades, line " + line + ": " + field.reason});
      } else {
        fields.push_back({field.field, error_sentence(field)});
      }
    }
    if (fields.empty()) fields = prefixed_errors(added.error(), "", "key");
    return scales_page(templates, exchange, form, fields, 422);
  }
  return Response::redirect("/settings/grade-scales?saved=scale");
}

// ---- Subject scales --------------------------------------------------------------------------

Response subjects_page(const Templates& templates, Exchange& exchange, Id failed_subject,
                       const Params& form, const std::vector<FieldError>& errors, int status) {
  auto scales = app::list_grade_scales(exchange.app, exchange.actor);
  if (!scales.ok()) return error_page(templates, exchange, scales.error());
  std::vector<Option> options;
  for (const GradeScale& scale : *scales) options.push_back({scale.key(), scale.name()});
  const Data error_data = error_map(errors);
  const bool can_edit = is_admin_or_head(exchange.actor);
  List subjects;
  for (const Subject& subject : app::organisation_subjects(exchange.app, exchange.actor)) {
    auto current = app::get_subject_scales(exchange.app, exchange.actor, subject.id);
    if (!current.ok()) return error_page(templates, exchange, current.error());
    const std::string prefix = fmt::format("subject_{}_", subject.id);
    std::string ks3 = current->ks3_scale_key;
    std::string ks4 = current->ks4_scale_key;
    if (subject.id == failed_subject) {  // show what was sent, with its errors
      ks3 = form_text(form, prefix + "ks3_scale_key");
      ks4 = form_text(form, prefix + "ks4_scale_key");
    }
    auto scale_name = [&](const std::string& key) {
      for (const GradeScale& scale : *scales)
        if (scale.key() == key) return scale.name();
      return key;
    };
    Data item{Data::type::object};
    item.set("id", std::to_string(subject.id));
    item.set("name", subject.name);
    item.set("ks3", scale_name(current->ks3_scale_key));
    item.set("ks4", scale_name(current->ks4_scale_key));
    List fields;
    fields.push_back(select_field(prefix + "ks3_scale_key", "Key Stage 3 (Years 7 to 9)",
                                  option_list(options, ks3), error_data));
    fields.push_back(select_field(prefix + "ks4_scale_key", "Key Stage 4 (Years 10 and 11)",
                                  option_list(options, ks4), error_data));
    item.set("fields", fields);
    item.set("open", subject.id == failed_subject);
    subjects.push_back(item);
  }
  Data data{Data::type::object};
  data.set("subjects", subjects);
  data.set("has_subjects", !subjects.empty());
  data.set("can_edit", can_edit);
  data.set("csrf_token", exchange.csrf_token);
  PageFrame frame = page_frame(exchange, "Subject grade scales", "/settings");
  frame.errors = errors;
  if (exchange.request.param("saved") == "subject") frame.flash = "Subject scales saved";
  return render_page(templates, frame, "scales_subjects", data, status);
}

Response save_subject(const Templates& templates, Exchange& exchange, Id subject_id) {
  const Params form = exchange.form();
  const std::string prefix = fmt::format("subject_{}_", subject_id);
  store::SubjectScales scales{.subject_id = subject_id,
                              .ks3_scale_key = form_text(form, prefix + "ks3_scale_key"),
                              .ks4_scale_key = form_text(form, prefix + "ks4_scale_key")};
  auto saved = app::set_subject_scales(exchange.app, exchange.actor, scales);
  if (!saved.ok()) {
    if (ends_request(saved.error())) return error_page(templates, exchange, saved.error());
    return subjects_page(templates, exchange, subject_id, form,
                         prefixed_errors(saved.error(), prefix, "ks3_scale_key"), 422);
  }
  return Response::redirect("/settings/subjects?saved=subject");
}

}  // namespace

void register_settings_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/settings",
              [&templates](Exchange& exchange) { return settings_index(templates, exchange); });
  router.page(Method::Get, "/settings/grade-scales", [&templates](Exchange& exchange) {
    return scales_page(templates, exchange, {}, {}, 200);
  });
  router.page(Method::Post, "/settings/grade-scales",
              [&templates](Exchange& exchange) { return add_scale(templates, exchange); });
  router.page(Method::Get, "/settings/subjects", [&templates](Exchange& exchange) {
    return subjects_page(templates, exchange, 0, {}, {}, 200);
  });
  router.page(Method::Post, "/settings/subjects/{id}", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "subject");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return save_subject(templates, exchange, *id);
  });
}

}  // namespace waymark::web
