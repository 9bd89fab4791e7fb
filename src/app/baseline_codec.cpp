#include "app/baseline_codec.h"

#include <fmt/format.h>

namespace waymark::app {

namespace {

Json optional_int(const std::optional<int>& value) {
  return value ? Json(*value) : Json(nullptr);
}
Json id_json(Id id) {
  return id == 0 ? Json(nullptr) : Json(id);
}

Json items_json(const SdqResponses& responses) {
  Json items = Json::array();
  for (const auto& item : responses.items) items.push_back(optional_int(item));
  return items;
}

// An optional whole number: null clears it.
void read_optional_int(const Json& body, const char* field, std::optional<int>& into,
                       ErrorList& errors) {
  auto found = body.find(field);
  if (found == body.end()) return;
  if (found->is_null()) {
    into.reset();
  } else if (found->is_number_integer()) {
    into = found->get<int>();
  } else {
    errors.add(field, "must be a whole number");
  }
}

template <typename Enum, typename Parse>
void read_enum(const Json& body, const char* field, Enum& into, ErrorList& errors, Parse parse) {
  std::string text;
  if (!body.contains(field)) return;
  if (!read_string(body, field, text, errors)) return;
  auto parsed = parse(text, field);
  if (parsed.ok())
    into = *parsed;
  else
    errors.add_all(parsed.error());
}

}  // namespace

Json to_json(const BaselineInstrument& instrument) {
  return Json{
      {"id", instrument.id},
      {"organisation_id", instrument.organisation_id},
      {"name", instrument.name},
      {"domain", to_string(instrument.domain)},
      {"measures", instrument.measures},
      {"score_type", to_string(instrument.score_type)},
      {"max_score", optional_int(instrument.max_score)},
      {"scale_key", instrument.scale_key.empty() ? Json(nullptr) : Json(instrument.scale_key)},
      {"questionnaire", instrument.sdq_version ? Json("sdq") : Json(nullptr)},
      {"sdq_version",
       instrument.sdq_version ? Json(to_string(*instrument.sdq_version)) : Json(nullptr)},
      {"active", instrument.active},
  };
}

Json audit_json(const BaselineResult& result) {
  Json json{
      {"id", result.id},
      {"pupil_id", result.pupil_id},
      {"placement_id", id_json(result.placement_id)},
      {"instrument_id", result.instrument_id},
      {"assessed_on", result.assessed_on.iso()},
      {"raw_score", optional_int(result.raw_score)},
      {"standardised_score", optional_int(result.standardised_score)},
      {"age_equivalent", result.age_equivalent ? Json{{"years", result.age_equivalent->years},
                                                      {"months", result.age_equivalent->months}}
                                               : Json(nullptr)},
      {"grade", result.grade.empty() ? Json(nullptr) : Json(result.grade)},
      {"items", result.sdq ? items_json(*result.sdq) : Json(nullptr)},
      {"notes", result.notes},
      {"recorded_by", id_json(result.recorded_by)},
      {"recorded_at", result.recorded_at},
  };
  return json;
}

Json to_json(const BaselineView& view) {
  Json json = audit_json(view.result);
  json["instrument"] = to_json(view.instrument);
  json["summary"] = view.summary;
  json["recorded_by_name"] = view.recorded_by_name;
  if (view.sdq_scores) {
    Json scores = Json::object();
    for (SdqScale scale : kSdqScales) {
      const auto& score = view.sdq_scores->for_scale(scale);
      scores[to_string(scale)] = score ? Json{{"score", score->score},
                                              {"band", to_string(score->band)},
                                              {"band_label", label(score->band, scale)}}
                                       : Json(nullptr);
    }
    json["sdq"] = scores;
  } else {
    json["sdq"] = nullptr;
  }
  return json;
}

Json to_json(const SdqBands& bands) {
  Json json = Json::object();
  for (SdqScale scale : kSdqScales) {
    const SdqCutoffs& cutoffs = bands.for_scale(scale);
    json[to_string(scale)] = Json{{"close_to_average", cutoffs.close_to_average},
                                  {"slightly_raised", cutoffs.slightly_raised},
                                  {"high", cutoffs.high}};
  }
  return json;
}

Json audit_json(const LearningPathway& pathway) {
  return Json{{"pupil_id", pathway.pupil_id},
              {"subject_id", pathway.subject_id},
              {"starting_point", pathway.starting_point},
              {"priorities", pathway.priorities},
              {"pathway", pathway.pathway},
              {"updated_by", id_json(pathway.updated_by)},
              {"updated_at", pathway.updated_at}};
}

Json to_json(const PathwayView& view) {
  Json json = audit_json(view.pathway);
  json["subject_name"] = view.subject_name;
  json["updated_by_name"] = view.updated_by_name;
  return json;
}

Json audit_json(const FurtherAssessment& request) {
  return Json{
      {"id", request.id},
      {"pupil_id", request.pupil_id},
      {"organisation_id", request.organisation_id},
      {"kind", to_string(request.kind)},
      {"requested_by", id_json(request.requested_by)},
      {"requested_on", request.requested_on.iso()},
      {"reason", request.reason},
      {"status", to_string(request.status)},
      {"outcome", request.outcome},
      {"outcome_on", request.outcome_on ? Json(request.outcome_on->iso()) : Json(nullptr)},
  };
}

Json to_json(const FurtherAssessmentView& view) {
  Json json = audit_json(view.request);
  json["kind_label"] = label(view.request.kind);
  json["requested_by_name"] = view.requested_by_name;
  return json;
}

void read_instrument(const Json& body, BaselineInstrument& into, ErrorList& errors) {
  read_string(body, "name", into.name, errors);
  read_enum(body, "domain", into.domain, errors, [](std::string_view text, const char* field) {
    return parse_baseline_domain(text, field);
  });
  read_string(body, "measures", into.measures, errors);
  read_enum(body, "score_type", into.score_type, errors,
            [](std::string_view text, const char* field) { return parse_score_type(text, field); });
  read_optional_int(body, "max_score", into.max_score, errors);
  read_string(body, "scale_key", into.scale_key, errors);
  if (auto found = body.find("questionnaire");
      found != body.end() && !found->is_null() && !(found->is_string() && *found == "sdq"))
    errors.add("questionnaire", "the only questionnaire Waymark scores is 'sdq'");
  if (auto found = body.find("sdq_version"); found != body.end()) {
    if (found->is_null()) {
      into.sdq_version.reset();
    } else {
      SdqVersion version = SdqVersion::Teacher;
      read_enum(body, "sdq_version", version, errors, [](std::string_view text, const char* field) {
        return parse_sdq_version(text, field);
      });
      into.sdq_version = version;
    }
  }
  read_bool(body, "active", into.active, errors);
}

void read_result(const Json& body, BaselineResult& into, ErrorList& errors) {
  read_id(body, "instrument_id", into.instrument_id, errors);
  read_id(body, "placement_id", into.placement_id, errors);
  read_date(body, "assessed_on", into.assessed_on, errors);
  read_optional_int(body, "raw_score", into.raw_score, errors);
  read_optional_int(body, "standardised_score", into.standardised_score, errors);
  if (auto found = body.find("age_equivalent"); found != body.end() && !found->is_null()) {
    if (!found->is_object()) {
      errors.add("age_equivalent", "must be {\"years\": Y, \"months\": M}");
    } else {
      AgeEquivalent age;
      std::optional<int> years, months;
      read_optional_int(*found, "years", years, errors);
      read_optional_int(*found, "months", months, errors);
      if (!years) errors.add("age_equivalent.years", "is required");
      age.years = years.value_or(0);
      age.months = months.value_or(0);
      into.age_equivalent = age;
    }
  }
  read_string(body, "grade", into.grade, errors);
  if (auto found = body.find("items"); found != body.end() && !found->is_null()) {
    if (!found->is_array()) {
      errors.add("items", "must be a list of 25 item scores (0, 1, 2 or null)");
    } else {
      SdqResponses responses;
      for (std::size_t index = 0; index < found->size(); ++index) {
        const Json& item = (*found)[index];
        const std::string field = fmt::format("items[{}]", index + 1);
        if (index >= responses.items.size()) {
          errors.add(field, "the SDQ has 25 items");
        } else if (item.is_null()) {
          continue;
        } else if (!item.is_number_integer()) {
          errors.add(field, "scores 0, 1 or 2, or null when not answered");
        } else {
          responses.items[index] = item.get<int>();
        }
      }
      into.sdq = responses;
    }
  }
  read_string(body, "notes", into.notes, errors);
}

void read_pathway(const Json& body, LearningPathway& into, ErrorList& errors) {
  read_string(body, "starting_point", into.starting_point, errors);
  read_string(body, "priorities", into.priorities, errors);
  read_string(body, "pathway", into.pathway, errors);
}

void read_further_assessment(const Json& body, FurtherAssessment& into, ErrorList& errors) {
  read_enum(body, "kind", into.kind, errors, [](std::string_view text, const char* field) {
    return parse_further_assessment_kind(text, field);
  });
  read_date(body, "requested_on", into.requested_on, errors);
  read_string(body, "reason", into.reason, errors);
  read_enum(body, "status", into.status, errors, [](std::string_view text, const char* field) {
    return parse_request_status(text, field);
  });
  read_string(body, "outcome", into.outcome, errors);
  read_optional_date(body, "outcome_on", into.outcome_on, errors);
}

void read_sdq_bands(const Json& body, SdqBands& into, ErrorList& errors) {
  for (SdqScale scale : kSdqScales) {
    auto found = body.find(to_string(scale));
    if (found == body.end()) continue;
    SdqCutoffs& cutoffs = into.for_scale(scale);
    if (!found->is_object()) {
      errors.add(to_string(scale), "must be {close_to_average, slightly_raised, high}");
      continue;
    }
    ErrorList scale_errors;
    read_int(*found, "close_to_average", cutoffs.close_to_average, scale_errors);
    read_int(*found, "slightly_raised", cutoffs.slightly_raised, scale_errors);
    read_int(*found, "high", cutoffs.high, scale_errors);
    if (!scale_errors.empty())
      errors.add_all(scale_errors.to_error(), std::string(to_string(scale)) + ".");
  }
}

}  // namespace waymark::app
