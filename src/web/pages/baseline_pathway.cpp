// GET/POST /pupils/{id}/pathway[?subject_id=N]: write or change the learning pathway for one
// subject (the starting point, the priorities and the pathway in words), drawn from the baseline.
// For those who may write the pupil's baseline records (else 403); app::save_pathway checks again.
#include <fmt/format.h>

#include "app/baselines.h"
#include "app/calendar.h"
#include "app/pupils.h"
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

Response render(const Templates& templates, Exchange& exchange, Id pupil_id, const Params& form,
                const std::vector<FieldError>& errors, int status) {
  auto profile = app::pupil_profile(exchange.app, exchange.actor, pupil_id);
  if (!profile.ok()) return error_page(templates, exchange, profile.error());
  if (auto writer =
          app::require_baseline_writer(exchange.app.store.connection(), exchange.actor, pupil_id);
      !writer.ok())
    return error_page(templates, exchange, writer.error());
  const Data error_data = error_map(errors);
  std::vector<Option> subjects;
  for (const Subject& subject : app::organisation_subjects(exchange.app, exchange.actor))
    subjects.push_back({std::to_string(subject.id), subject.name});
  List fields;
  fields.push_back(select_field(
      "subject_id", "Subject",
      option_list(subjects, form_text(form, "subject_id"), "Choose a subject"), error_data));
  fields.push_back(textarea_field("starting_point", "Starting point",
                                  form_text(form, "starting_point"), error_data,
                                  "Where the baseline shows the pupil is"));
  fields.push_back(textarea_field("priorities", "Priorities", form_text(form, "priorities"),
                                  error_data, "What to work on first"));
  fields.push_back(textarea_field("pathway", "The pathway", form_text(form, "pathway"), error_data,
                                  "How the pupil will get there, in words"));
  Data data{Data::type::object};
  data.set("pupil_id", std::to_string(pupil_id));
  data.set("name", profile->pupil.display_name());
  data.set("csrf_token", exchange.csrf_token);
  data.set("fields", fields);
  PageFrame frame = page_frame(exchange, "Learning pathway: " + profile->pupil.display_name());
  frame.errors = errors;
  return render_page(templates, frame, "baseline_pathway", data, status);
}

// The stored pathway for the subject in the query, as the form's starting values.
Params pathway_params(Exchange& exchange, Id pupil_id) {
  Params form;
  const std::string subject = exchange.request.param("subject_id");
  form.emplace("subject_id", subject);
  if (subject.empty()) return form;
  auto views = app::pupil_pathways(exchange.app, exchange.actor, pupil_id);
  if (!views.ok()) return form;  // render reports the pupil's visibility
  for (const app::PathwayView& view : *views) {
    if (std::to_string(view.pathway.subject_id) != subject) continue;
    form.emplace("starting_point", view.pathway.starting_point);
    form.emplace("priorities", view.pathway.priorities);
    form.emplace("pathway", view.pathway.pathway);
  }
  return form;
}

Response save(const Templates& templates, Exchange& exchange, Id pupil_id) {
  const Params form = exchange.form();
  LearningPathway pathway;
  pathway.pupil_id = pupil_id;
  pathway.subject_id = read_form_id(form, "subject_id");
  pathway.starting_point = form_text(form, "starting_point");
  pathway.priorities = form_text(form, "priorities");
  pathway.pathway = form_text(form, "pathway");
  if (pathway.subject_id == 0)
    return render(templates, exchange, pupil_id, form, {{"subject_id", "Choose a subject"}}, 422);
  auto saved = app::save_pathway(exchange.app, exchange.actor, pathway);
  if (!saved.ok()) {
    if (ends_request(saved.error())) return error_page(templates, exchange, saved.error());
    return render(templates, exchange, pupil_id, form,
                  prefixed_errors(saved.error(), "", "starting_point"), 422);
  }
  return Response::redirect(fmt::format("/pupils/{}/baselines?saved=pathway#pathway", pupil_id));
}

}  // namespace

void register_baseline_pathway_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/pathway", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return render(templates, exchange, *id, pathway_params(exchange, *id), {}, 200);
  });
  router.page(Method::Post, "/pupils/{id}/pathway", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return save(templates, exchange, *id);
  });
}

}  // namespace waymark::web
