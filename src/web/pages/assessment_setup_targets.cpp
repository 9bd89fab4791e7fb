// /pupils/{id}/targets: the current target per subject, every revision (who, when, why), and for
// those who may set targets a form: choose a subject (a GET form, so it works without script),
// then a grade from that subject's scale for the pupil's stage, with a reason (required when
// revising; app::set_target checks again).
#include <fmt/format.h>

#include "app/calendar.h"
#include "app/grade_scales.h"
#include "app/pupils.h"
#include "app/targets.h"
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

std::string target_text(store::Connection& connection, Id organisation_id, const Target& target) {
  auto scale = app::scale_for(connection, organisation_id, target.scale_key);
  if (!scale.ok()) return target.grade_code;
  return fmt::format("{} ({})", grade_label(*scale, target.grade_code), scale->name());
}

Data target_row(store::Connection& connection, const Actor& actor, const Target& target) {
  Data row{Data::type::object};
  row.set("subject_id", std::to_string(target.subject_id));
  row.set("subject", target.subject_name);
  row.set("grade", target_text(connection, actor.organisation_id, target));
  row.set("set_by", target.set_by_name.empty() ? "Unknown" : target.set_by_name);
  row.set("set_at", format_moment(target.set_at));
  row.set("reason", target.reason);
  return row;
}

Response render(const Templates& templates, Exchange& exchange, Id pupil_id, const Params& form,
                const std::vector<FieldError>& errors, int status) {
  auto profile = app::pupil_profile(exchange.app, exchange.actor, pupil_id);
  if (!profile.ok()) return error_page(templates, exchange, profile.error());
  auto view = app::list_targets(exchange.app, exchange.actor, pupil_id);
  if (!view.ok()) return error_page(templates, exchange, view.error());
  auto& connection = exchange.app.store.connection();
  const Data error_data = error_map(errors);
  Data data{Data::type::object};
  data.set("pupil_id", std::to_string(pupil_id));
  data.set("name", profile->pupil.display_name());
  data.set("csrf_token", exchange.csrf_token);
  data.set("can_set", view->can_set);
  List current;
  for (const Target& target : view->current)
    current.push_back(target_row(connection, exchange.actor, target));
  data.set("current", current);
  data.set("has_current", !current.empty());
  List history;
  for (const Target& target : view->history)
    history.push_back(target_row(connection, exchange.actor, target));
  data.set("history", history);
  data.set("has_history", !history.empty());

  if (view->can_set) {
    const std::string chosen = form_text(form, "subject_id");
    std::vector<Option> options;
    std::optional<Subject> subject;
    for (const Subject& each : app::organisation_subjects(exchange.app, exchange.actor)) {
      options.push_back({std::to_string(each.id), each.name});
      if (std::to_string(each.id) == chosen) subject = each;
    }
    data.set("subjects", option_list(options, chosen, "Choose a subject"));
    data.set("has_subjects", !options.empty());
    data.set("subject_error", optional_text(error_for(error_data, "subject_id")));
    data.set("chosen", Data(false));
    if (subject) {
      auto scale = app::subject_scale(connection, subject->id, profile->nc_year.value_or(0));
      if (!scale.ok()) return error_page(templates, exchange, scale.error());
      std::string grade = form_text(form, "grade");
      bool revising = false;
      for (const Target& target : view->current) {
        if (target.subject_id != subject->id) continue;
        revising = true;  // start from the current grade when it is on today's scale
        if (grade.empty() && target.scale_key == scale->key()) grade = target.grade_code;
      }
      Data chosen_data{Data::type::object};
      chosen_data.set("subject_id", std::to_string(subject->id));
      chosen_data.set("subject", subject->name);
      chosen_data.set("revising", revising);
      List fields;
      fields.push_back(select_field("grade", "Target grade",
                                    grade_options(*scale, grade, "Choose a grade"), error_data,
                                    fmt::format("On the {} scale", scale->name())));
      fields.push_back(textarea_field(
          "reason", revising ? "Why is the target being changed?" : "Reason (optional)",
          form_text(form, "reason"), error_data,
          revising ? "Required: the history keeps every revision and why it was made"
                   : "For example, the baseline it was set from"));
      chosen_data.set("fields", fields);
      data.set("chosen", chosen_data);
    }
  }
  PageFrame frame = page_frame(exchange, "Targets: " + profile->pupil.display_name());
  frame.errors = errors;
  if (exchange.request.param("saved") == "target") frame.flash = "Target saved";
  return render_page(templates, frame, "targets_pupil", data, status);
}

Params query_params(const Exchange& exchange) {
  Params params;
  params.emplace("subject_id", exchange.request.param("subject_id"));
  return params;
}

Response save(const Templates& templates, Exchange& exchange, Id pupil_id) {
  const Params form = exchange.form();
  auto target =
      app::set_target(exchange.app, exchange.actor, pupil_id, read_form_id(form, "subject_id"),
                      form_text(form, "grade"), form_text(form, "reason"));
  if (!target.ok()) {
    if (ends_request(target.error())) return error_page(templates, exchange, target.error());
    return render(templates, exchange, pupil_id, form, prefixed_errors(target.error(), "", "grade"),
                  422);
  }
  return Response::redirect(fmt::format("/pupils/{}/targets?saved=target", pupil_id));
}

}  // namespace

void register_targets_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/targets", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return render(templates, exchange, *id, query_params(exchange), {}, 200);
  });
  router.page(Method::Post, "/pupils/{id}/targets", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return save(templates, exchange, *id);
  });
}

}  // namespace waymark::web
