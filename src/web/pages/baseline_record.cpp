// GET/POST /pupils/{id}/baselines/new?instrument_id=N: record a baseline result with one of the
// organisation's instruments. The form follows the instrument's score type: a raw score out of
// its maximum, a standardised score, an age (years and months), a grade from its scale, or the
// SDQ's 25 items (each as ticked, before reverse scoring; app scores them). The questionnaire's
// wording is copyright, so the items are numbered, not worded.
#include <fmt/format.h>

#include "app/baselines.h"
#include "app/pupils.h"
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

struct RecordPage {
  BaselineInstrument instrument;
  std::string pupil_name;
};

Result<RecordPage> load(Exchange& exchange, Id pupil_id, Id instrument_id) {
  auto profile = WAYMARK_TRY(app::pupil_profile(exchange.app, exchange.actor, pupil_id));
  WAYMARK_TRY_STATUS(
      app::require_baseline_writer(exchange.app.store.connection(), exchange.actor, pupil_id));
  for (const BaselineInstrument& instrument : app::list_instruments(exchange.app, exchange.actor))
    if (instrument.id == instrument_id && instrument.active)
      return RecordPage{instrument, profile.pupil.display_name()};
  return Error::not_found("baseline instrument");
}

std::string item_field(int item) {
  return fmt::format("item_{}", item);
}

List score_fields(const BaselineInstrument& instrument, const Params& form, const Data& errors) {
  List fields;
  switch (instrument.score_type) {
    case ScoreType::Raw:
      fields.push_back(number_field("raw_score", "Score", form_text(form, "raw_score"), errors,
                                    fmt::format("Out of {}", instrument.max_score.value_or(0))));
      break;
    case ScoreType::Standardised:
      fields.push_back(number_field(
          "standardised_score", "Standardised score", form_text(form, "standardised_score"), errors,
          fmt::format("From {} to {} (100 is average)", kMinStandardised, kMaxStandardised)));
      break;
    case ScoreType::AgeEquivalent:
      fields.push_back(number_field("age_equivalent_years", "Age equivalent: years",
                                    form_text(form, "age_equivalent_years"), errors));
      fields.push_back(number_field("age_equivalent_months", "Age equivalent: months",
                                    form_text(form, "age_equivalent_months"), errors,
                                    "From 0 to 11"));
      break;
    case ScoreType::ScaleGrade:
      if (const GradeScale* scale = app::instrument_scale(instrument.scale_key))
        fields.push_back(select_field(
            "grade", "Grade", grade_options(*scale, form_text(form, "grade"), "Choose a grade"),
            errors, fmt::format("On the {} scale", scale->name())));
      break;
    case ScoreType::Questionnaire:
      break;  // the items, below
  }
  return fields;
}

List item_fields(const BaselineInstrument& instrument, const Params& form, const Data& errors) {
  List items;
  if (instrument.score_type != ScoreType::Questionnaire) return items;
  const std::vector<Option> answers = {
      {"0", "0: Not true"}, {"1", "1: Somewhat true"}, {"2", "2: Certainly true"}};
  for (int item = 1; item <= kSdqItemCount; ++item)
    items.push_back(select_field(
        item_field(item), fmt::format("Item {}", item),
        option_list(answers, form_text(form, item_field(item)), "Not answered"), errors));
  return items;
}

Response render(const Templates& templates, Exchange& exchange, Id pupil_id, const RecordPage& page,
                const Params& form, const std::vector<FieldError>& errors, int status) {
  const Data error_data = error_map(errors);
  Data data{Data::type::object};
  data.set("pupil_id", std::to_string(pupil_id));
  data.set("name", page.pupil_name);
  data.set("instrument_id", std::to_string(page.instrument.id));
  data.set("instrument", page.instrument.name);
  data.set("domain", label(page.instrument.domain));
  data.set("measures", optional_text(page.instrument.measures));
  data.set("csrf_token", exchange.csrf_token);
  const std::string assessed_on = form_text(form, "assessed_on");
  List fields;
  fields.push_back(date_field("assessed_on", "Date assessed",
                              assessed_on.empty() ? exchange.app.clock.today().iso() : assessed_on,
                              error_data));
  data.set("fields", fields);
  data.set("score_fields", score_fields(page.instrument, form, error_data));
  List items = item_fields(page.instrument, form, error_data);
  data.set("questionnaire", !items.empty());
  data.set("items", items);
  data.set("items_error", optional_text(error_for(error_data, "items")));
  List notes;
  notes.push_back(textarea_field("notes", "Notes", form_text(form, "notes"), error_data));
  data.set("notes_fields", notes);
  PageFrame frame = page_frame(exchange, page.instrument.name + ": " + page.pupil_name);
  frame.errors = errors;
  return render_page(templates, frame, "baseline_record", data, status);
}

// Reads the score fields for the instrument's type; the use case checks ranges and the rest.
void read_scores(const Params& form, const BaselineInstrument& instrument, BaselineResult& result,
                 ErrorList& errors) {
  switch (instrument.score_type) {
    case ScoreType::Raw:
      result.raw_score = read_form_int(form, "raw_score", errors);
      break;
    case ScoreType::Standardised:
      result.standardised_score = read_form_int(form, "standardised_score", errors);
      break;
    case ScoreType::AgeEquivalent: {
      const auto years = read_form_int(form, "age_equivalent_years", errors);
      const auto months = read_form_int(form, "age_equivalent_months", errors);
      if (years || months)
        result.age_equivalent =
            AgeEquivalent{.years = years.value_or(0), .months = months.value_or(0)};
      break;
    }
    case ScoreType::ScaleGrade:
      result.grade = form_text(form, "grade");
      break;
    case ScoreType::Questionnaire: {
      SdqResponses responses;
      for (int item = 1; item <= kSdqItemCount; ++item)
        responses.items[static_cast<std::size_t>(item - 1)] =
            read_form_int(form, item_field(item), errors);
      result.sdq = responses;
      break;
    }
  }
}

// The use case's field names as the form's: "items[3]" -> "item_3", "age_equivalent.years" ->
// "age_equivalent_years" (field_anchor does the dots), "age_equivalent" -> its years field.
std::vector<FieldError> form_field_errors(const Error& error) {
  std::vector<FieldError> fields = prefixed_errors(error, "", "assessed_on");
  for (FieldError& field : fields) {
    if (field.field.starts_with("items[") && field.field.ends_with("]"))
      field.field = "item_" + field.field.substr(6, field.field.size() - 7);
    else if (field.field == "age_equivalent")
      field.field = "age_equivalent_years";
    else if (field.field == "instrument_id" || field.field == "placement_id")
      field.field = "assessed_on";
  }
  return fields;
}

Response save(const Templates& templates, Exchange& exchange, Id pupil_id) {
  const Params form = exchange.form();
  auto page = load(exchange, pupil_id, read_form_id(form, "instrument_id"));
  if (!page.ok()) return error_page(templates, exchange, page.error());
  ErrorList errors;
  BaselineResult result;
  result.pupil_id = pupil_id;
  result.instrument_id = page->instrument.id;
  result.assessed_on = read_form_date(form, "assessed_on", Required::Yes, errors)
                           .value_or(exchange.app.clock.today());
  read_scores(form, page->instrument, result, errors);
  result.notes = form_text(form, "notes");
  if (!errors.empty())
    return render(templates, exchange, pupil_id, *page, form, errors.fields(), 422);
  auto recorded = app::record_baseline(exchange.app, exchange.actor, result);
  if (!recorded.ok()) {
    if (ends_request(recorded.error())) return error_page(templates, exchange, recorded.error());
    return render(templates, exchange, pupil_id, *page, form, form_field_errors(recorded.error()),
                  422);
  }
  return Response::redirect(fmt::format("/pupils/{}/baselines?saved=result", pupil_id));
}

}  // namespace

void register_baseline_record_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/baselines/new", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    Params query;
    query.emplace("instrument_id", exchange.request.param("instrument_id"));
    auto page = load(exchange, *id, read_form_id(query, "instrument_id"));
    if (!page.ok()) return error_page(templates, exchange, page.error());
    return render(templates, exchange, *id, *page, {}, {}, 200);
  });
  router.page(Method::Post, "/pupils/{id}/baselines", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return save(templates, exchange, *id);
  });
}

}  // namespace waymark::web
