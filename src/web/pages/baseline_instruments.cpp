// /settings/baseline-instruments: the organisation's baseline instruments (what each measures and
// how it scores), and for admins and heads a form to add one (app::create_instrument decides).
#include <fmt/format.h>

#include "app/baselines.h"
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

constexpr BaselineDomain kDomains[] = {BaselineDomain::Literacy, BaselineDomain::Numeracy,
                                       BaselineDomain::Wellbeing, BaselineDomain::Other};
constexpr ScoreType kScoreTypes[] = {ScoreType::Raw, ScoreType::Standardised,
                                     ScoreType::AgeEquivalent, ScoreType::ScaleGrade,
                                     ScoreType::Questionnaire};
constexpr SdqVersion kSdqVersions[] = {SdqVersion::Teacher, SdqVersion::Parent,
                                       SdqVersion::SelfReport};

const char* version_label(SdqVersion version) {
  switch (version) {
    case SdqVersion::Teacher:
      return "SDQ, teacher-completed";
    case SdqVersion::Parent:
      return "SDQ, parent-completed";
    case SdqVersion::SelfReport:
      return "SDQ, self-report (ages 11 to 17)";
  }
  return "";
}

std::string scoring(const BaselineInstrument& instrument) {
  switch (instrument.score_type) {
    case ScoreType::Raw:
      return fmt::format("Raw score out of {}", instrument.max_score.value_or(0));
    case ScoreType::ScaleGrade: {
      const GradeScale* scale = app::instrument_scale(instrument.scale_key);
      return fmt::format("Grade on the {} scale", scale ? scale->name() : instrument.scale_key);
    }
    case ScoreType::Questionnaire:
      return instrument.sdq_version ? version_label(*instrument.sdq_version) : "Questionnaire";
    default:
      return label(instrument.score_type);
  }
}

Response render(const Templates& templates, Exchange& exchange, const Params& form,
                const std::vector<FieldError>& errors, int status) {
  const Data error_data = error_map(errors);
  List items;
  for (const BaselineInstrument& instrument : app::list_instruments(exchange.app, exchange.actor)) {
    Data item{Data::type::object};
    item.set("name", instrument.name);
    item.set("domain", label(instrument.domain));
    item.set("measures", instrument.measures);
    item.set("scoring", scoring(instrument));
    item.set("active", instrument.active);
    items.push_back(item);
  }
  std::vector<Option> domains, types, scales, versions;
  for (BaselineDomain domain : kDomains) domains.push_back({to_string(domain), label(domain)});
  for (ScoreType type : kScoreTypes) types.push_back({to_string(type), label(type)});
  for (const GradeScale& scale : standard_scales()) scales.push_back({scale.key(), scale.name()});
  for (SdqVersion version : kSdqVersions)
    versions.push_back({to_string(version), version_label(version)});
  List fields;
  fields.push_back(text_field("name", "Name", form_text(form, "name"), error_data));
  fields.push_back(select_field("domain", "Area",
                                option_list(domains, form_text(form, "domain"), "Choose an area"),
                                error_data));
  fields.push_back(
      textarea_field("measures", "What it measures", form_text(form, "measures"), error_data));
  fields.push_back(select_field(
      "score_type", "How it scores",
      option_list(types, form_text(form, "score_type"), "Choose how it scores"), error_data));
  fields.push_back(number_field("max_score", "Maximum score", form_text(form, "max_score"),
                                error_data, "Only for a raw score"));
  fields.push_back(select_field("scale_key", "Grade scale",
                                option_list(scales, form_text(form, "scale_key"), "None"),
                                error_data, "Only for a grade on a scale"));
  fields.push_back(select_field("sdq_version", "Questionnaire",
                                option_list(versions, form_text(form, "sdq_version"), "None"),
                                error_data, "Only for a questionnaire"));
  Data data{Data::type::object};
  data.set("instruments", items);
  data.set("has_instruments", !items.empty());
  data.set("can_add", is_admin_or_head(exchange.actor));
  data.set("add_open", !errors.empty());
  data.set("csrf_token", exchange.csrf_token);
  data.set("fields", fields);
  PageFrame frame = page_frame(exchange, "Baseline instruments", "/settings");
  frame.errors = errors;
  if (exchange.request.param("saved") == "instrument") frame.flash = "Instrument added";
  return render_page(templates, frame, "baseline_instruments", data, status);
}

Response add(const Templates& templates, Exchange& exchange) {
  const Params form = exchange.form();
  ErrorList errors;
  BaselineInstrument instrument;
  instrument.organisation_id = exchange.actor.organisation_id;
  instrument.name = form_text(form, "name");
  instrument.measures = form_text(form, "measures");
  if (auto domain = parse_baseline_domain(form_text(form, "domain"), "domain"); domain.ok())
    instrument.domain = *domain;
  else
    errors.add("domain", "Choose the area it assesses");
  if (auto type = parse_score_type(form_text(form, "score_type"), "score_type"); type.ok())
    instrument.score_type = *type;
  else
    errors.add("score_type", "Choose how it scores");
  instrument.max_score = read_form_int(form, "max_score", errors);
  instrument.scale_key = form_text(form, "scale_key");
  if (const std::string version = form_text(form, "sdq_version"); !version.empty()) {
    if (auto parsed = parse_sdq_version(version, "sdq_version"); parsed.ok())
      instrument.sdq_version = *parsed;
    else
      errors.add_all(parsed.error());
  }
  if (!errors.empty()) return render(templates, exchange, form, errors.fields(), 422);
  auto created = app::create_instrument(exchange.app, exchange.actor, instrument);
  if (!created.ok()) {
    if (ends_request(created.error())) return error_page(templates, exchange, created.error());
    return render(templates, exchange, form, prefixed_errors(created.error(), "", "name"), 422);
  }
  return Response::redirect("/settings/baseline-instruments?saved=instrument");
}

}  // namespace

void register_baseline_instruments_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/settings/baseline-instruments", [&templates](Exchange& exchange) {
    return render(templates, exchange, {}, {}, 200);
  });
  router.page(Method::Post, "/settings/baseline-instruments",
              [&templates](Exchange& exchange) { return add(templates, exchange); });
}

}  // namespace waymark::web
