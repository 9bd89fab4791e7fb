// /pupils/{id}/baselines: the pupil's baseline results (SDQ results with each subscale, total
// difficulties and band), links to record a result with each of the organisation's active
// instruments, the learning pathway per subject, and further-assessment requests with forms to add
// one and record its outcome (the writes are in baseline_further.cpp).
#include <fmt/format.h>

#include "app/baselines.h"
#include "app/pupils.h"
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

List sdq_rows(const SdqScores& scores) {
  List rows;
  for (SdqScale scale : kSdqScales) {
    Data row{Data::type::object};
    row.set("scale", label(scale));
    const auto& score = scores.for_scale(scale);
    row.set("score", score ? std::to_string(score->score) : std::string("Not scored"));
    row.set("band", score ? label(score->band, scale) : "Too few items answered");
    row.set("total", scale == SdqScale::TotalDifficulties);
    rows.push_back(row);
  }
  return rows;
}

List result_rows(const std::vector<app::BaselineView>& views) {
  List rows;
  for (const app::BaselineView& view : views) {
    Data row{Data::type::object};
    row.set("id", std::to_string(view.result.id));
    row.set("date", format_date(view.result.assessed_on));
    row.set("instrument", view.instrument.name);
    row.set("domain", label(view.instrument.domain));
    row.set("summary", view.summary);
    row.set("notes", optional_text(view.result.notes));
    row.set("recorded_by", view.recorded_by_name.empty() ? "Unknown" : view.recorded_by_name);
    row.set("has_sdq", view.sdq_scores.has_value());
    row.set("sdq", view.sdq_scores ? sdq_rows(*view.sdq_scores) : List{});
    rows.push_back(row);
  }
  return rows;
}

List pathway_cards(const std::vector<app::PathwayView>& views, Id pupil_id) {
  List cards;
  for (const app::PathwayView& view : views) {
    Data card{Data::type::object};
    card.set("subject", view.subject_name);
    card.set("edit_href",
             fmt::format("/pupils/{}/pathway?subject_id={}", pupil_id, view.pathway.subject_id));
    auto text = [](const std::string& value) {
      return value.empty() ? std::string("Not given") : value;
    };
    card.set("starting_point", text(view.pathway.starting_point));
    card.set("priorities", text(view.pathway.priorities));
    card.set("pathway", text(view.pathway.pathway));
    card.set("updated",
             fmt::format("{} by {}", format_moment(view.pathway.updated_at),
                         view.updated_by_name.empty() ? "unknown" : view.updated_by_name));
    cards.push_back(card);
  }
  return cards;
}

List request_rows(const std::vector<app::FurtherAssessmentView>& views, const Params& form,
                  const Data& errors, Date today) {
  List rows;
  for (const app::FurtherAssessmentView& view : views) {
    const FurtherAssessment& request = view.request;
    const std::string prefix = fmt::format("request_{}_", request.id);
    Data row{Data::type::object};
    row.set("id", std::to_string(request.id));
    row.set("kind", label(request.kind));
    row.set("requested_by", view.requested_by_name.empty() ? "Unknown" : view.requested_by_name);
    row.set("requested_on", format_date(request.requested_on));
    row.set("reason", request.reason);
    const bool open = request.status == RequestStatus::Open;
    row.set("open", open);
    row.set("outcome", optional_text(request.outcome));
    row.set("outcome_on", format_date(request.outcome_on, ""));
    List fields;
    fields.push_back(
        textarea_field(prefix + "outcome", "Outcome", form_text(form, prefix + "outcome"), errors));
    std::string outcome_on = form_text(form, prefix + "outcome_on");
    fields.push_back(date_field(prefix + "outcome_on", "Date of the outcome",
                                outcome_on.empty() ? today.iso() : outcome_on, errors));
    row.set("fields", fields);
    row.set("form_open", !error_for(errors, prefix + "outcome").empty() ||
                             !error_for(errors, prefix + "outcome_on").empty());
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Response render_baseline_page(const Templates& templates, Exchange& exchange, Id pupil_id,
                              const Params& form, const std::vector<FieldError>& errors,
                              int status) {
  auto profile = app::pupil_profile(exchange.app, exchange.actor, pupil_id);
  if (!profile.ok()) return error_page(templates, exchange, profile.error());
  auto results = app::pupil_baselines(exchange.app, exchange.actor, pupil_id);
  if (!results.ok()) return error_page(templates, exchange, results.error());
  auto pathways = app::pupil_pathways(exchange.app, exchange.actor, pupil_id);
  if (!pathways.ok()) return error_page(templates, exchange, pathways.error());
  auto requests = app::pupil_further_assessments(exchange.app, exchange.actor, pupil_id);
  if (!requests.ok()) return error_page(templates, exchange, requests.error());
  const bool can_write =
      app::require_baseline_writer(exchange.app.store.connection(), exchange.actor, pupil_id).ok();
  const Data error_data = error_map(errors);
  const Date today = exchange.app.clock.today();

  Data data{Data::type::object};
  data.set("pupil_id", std::to_string(pupil_id));
  data.set("name", profile->pupil.display_name());
  data.set("csrf_token", exchange.csrf_token);
  data.set("can_write", can_write);
  List results_list = result_rows(*results);
  data.set("has_results", !results_list.empty());
  data.set("results", results_list);
  List instruments;
  if (can_write) {
    for (const BaselineInstrument& instrument :
         app::list_instruments(exchange.app, exchange.actor)) {
      if (!instrument.active) continue;
      Data item{Data::type::object};
      item.set("name", instrument.name);
      item.set("domain", label(instrument.domain));
      item.set("href",
               fmt::format("/pupils/{}/baselines/new?instrument_id={}", pupil_id, instrument.id));
      instruments.push_back(item);
    }
  }
  data.set("instruments", instruments);
  data.set("has_instruments", !instruments.empty());
  List pathway_list = pathway_cards(*pathways, pupil_id);
  data.set("has_pathways", !pathway_list.empty());
  data.set("pathways", pathway_list);
  List request_list = request_rows(*requests, form, error_data, today);
  data.set("has_requests", !request_list.empty());
  data.set("requests", request_list);
  std::vector<Option> kinds;
  for (FurtherAssessmentKind kind :
       {FurtherAssessmentKind::DyslexiaScreening, FurtherAssessmentKind::EducationalPsychologist,
        FurtherAssessmentKind::SpeechAndLanguage, FurtherAssessmentKind::OccupationalTherapy,
        FurtherAssessmentKind::Other})
    kinds.push_back({to_string(kind), label(kind)});
  List fields;
  fields.push_back(select_field("kind", "Assessment needed",
                                option_list(kinds, form_text(form, "kind"), "Choose an assessment"),
                                error_data));
  fields.push_back(textarea_field("reason", "Why it is needed", form_text(form, "reason"),
                                  error_data, "What the baseline showed"));
  const std::string requested_on = form_text(form, "requested_on");
  fields.push_back(date_field("requested_on", "Date of the request",
                              requested_on.empty() ? today.iso() : requested_on, error_data));
  data.set("request_fields", fields);
  bool request_failed = false;
  for (const char* name : {"kind", "reason", "requested_on"})
    request_failed = request_failed || !error_for(error_data, name).empty();
  data.set("request_open", request_failed);

  PageFrame frame = page_frame(exchange, "Baseline: " + profile->pupil.display_name());
  frame.errors = errors;
  const std::string saved = exchange.request.param("saved");
  if (saved == "result") frame.flash = "Baseline result recorded";
  if (saved == "pathway") frame.flash = "Learning pathway saved";
  if (saved == "request") frame.flash = "Further assessment requested";
  if (saved == "outcome") frame.flash = "Outcome recorded";
  return render_page(templates, frame, "baseline_pupil", data, status);
}

void register_baseline_pupil_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/baselines", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return render_baseline_page(templates, exchange, *id, {}, {}, 200);
  });
}

}  // namespace waymark::web
