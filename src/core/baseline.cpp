#include "core/baseline.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace waymark {

namespace {

template <typename Enum>
struct Named {
  Enum value;
  const char* key;
  const char* label;
};

constexpr Named<BaselineDomain> kDomains[] = {
    {BaselineDomain::Literacy, "literacy", "Literacy"},
    {BaselineDomain::Numeracy, "numeracy", "Numeracy"},
    {BaselineDomain::Wellbeing, "wellbeing", "Emotional wellbeing"},
    {BaselineDomain::Other, "other", "Other"},
};

constexpr Named<ScoreType> kScoreTypes[] = {
    {ScoreType::Raw, "raw", "Raw score out of a maximum"},
    {ScoreType::Standardised, "standardised", "Standardised score (40-160)"},
    {ScoreType::AgeEquivalent, "age_equivalent", "Age equivalent (years and months)"},
    {ScoreType::ScaleGrade, "scale_grade", "A grade on a grade scale"},
    {ScoreType::Questionnaire, "questionnaire", "Questionnaire (SDQ)"},
};

constexpr Named<FurtherAssessmentKind> kKinds[] = {
    {FurtherAssessmentKind::DyslexiaScreening, "dyslexia_screening", "Dyslexia screening"},
    {FurtherAssessmentKind::EducationalPsychologist, "educational_psychologist",
     "Educational psychologist"},
    {FurtherAssessmentKind::SpeechAndLanguage, "speech_and_language",
     "Speech and language therapy"},
    {FurtherAssessmentKind::OccupationalTherapy, "occupational_therapy", "Occupational therapy"},
    {FurtherAssessmentKind::Other, "other", "Other"},
};

template <typename Enum, std::size_t N>
const Named<Enum>& find(const Named<Enum> (&table)[N], Enum value) {
  for (const auto& entry : table)
    if (entry.value == value) return entry;
  return table[0];
}

template <typename Enum, std::size_t N>
Result<Enum> parse(const Named<Enum> (&table)[N], std::string_view text, const std::string& field,
                   const char* what) {
  std::string keys;
  for (const auto& entry : table) {
    if (text == entry.key) return entry.value;
    keys += (keys.empty() ? "" : ", ") + std::string(entry.key);
  }
  if (text.empty()) return Error::invalid(field, fmt::format("choose {} ({})", what, keys));
  return Error::invalid(field, fmt::format("'{}' is not {} (use one of: {})", text, what, keys));
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

constexpr std::size_t kMaxText = 4000;

}  // namespace

const char* to_string(BaselineDomain domain) {
  return find(kDomains, domain).key;
}
const char* label(BaselineDomain domain) {
  return find(kDomains, domain).label;
}
Result<BaselineDomain> parse_baseline_domain(std::string_view text, const std::string& field) {
  return parse(kDomains, text, field, "a baseline domain");
}

const char* to_string(ScoreType type) {
  return find(kScoreTypes, type).key;
}
const char* label(ScoreType type) {
  return find(kScoreTypes, type).label;
}
Result<ScoreType> parse_score_type(std::string_view text, const std::string& field) {
  return parse(kScoreTypes, text, field, "a score type");
}

const char* to_string(FurtherAssessmentKind kind) {
  return find(kKinds, kind).key;
}
const char* label(FurtherAssessmentKind kind) {
  return find(kKinds, kind).label;
}
Result<FurtherAssessmentKind> parse_further_assessment_kind(std::string_view text,
                                                            const std::string& field) {
  return parse(kKinds, text, field, "a kind of further assessment");
}

const char* to_string(RequestStatus status) {
  return status == RequestStatus::Open ? "open" : "closed";
}
Result<RequestStatus> parse_request_status(std::string_view text, const std::string& field) {
  if (text == "open") return RequestStatus::Open;
  if (text == "closed") return RequestStatus::Closed;
  return Error::invalid(field, fmt::format("'{}' is not open or closed", text));
}

Status validate_instrument(const BaselineInstrument& instrument) {
  ErrorList errors;
  if (blank(instrument.name))
    errors.add("name", "is required");
  else if (instrument.name.size() > 100)
    errors.add("name", "must be at most 100 characters");
  if (instrument.measures.size() > 1000) errors.add("measures", "must be at most 1000 characters");
  const bool raw = instrument.score_type == ScoreType::Raw;
  if (raw && !instrument.max_score)
    errors.add("max_score", "is required for a raw score");
  else if (raw && (*instrument.max_score < 1 || *instrument.max_score > kMaxRawScore))
    errors.add("max_score", fmt::format("must be 1 to {}", kMaxRawScore));
  else if (!raw && instrument.max_score)
    errors.add("max_score", "applies only to a raw score");
  const bool grade = instrument.score_type == ScoreType::ScaleGrade;
  if (grade && instrument.scale_key.empty())
    errors.add("scale_key", "is required for a grade on a scale");
  else if (!grade && !instrument.scale_key.empty())
    errors.add("scale_key", "applies only to a grade on a scale");
  const bool questionnaire = instrument.score_type == ScoreType::Questionnaire;
  if (questionnaire && !instrument.sdq_version)
    errors.add("sdq_version", "is required for the SDQ (teacher, parent or self_report)");
  else if (!questionnaire && instrument.sdq_version)
    errors.add("sdq_version", "applies only to a questionnaire");
  if (!errors.empty()) return errors.to_error();
  return {};
}

std::string format_age(const AgeEquivalent& age) {
  return fmt::format("{}y {}m", age.years, age.months);
}

Status validate_result(const BaselineResult& result, const BaselineInstrument& instrument,
                       const GradeScale* scale, Date today) {
  ErrorList errors;
  if (result.assessed_on > today) errors.add("assessed_on", "is in the future");
  const ScoreType type = instrument.score_type;
  auto check_absent = [&](bool present, ScoreType owner, const char* field) {
    if (present && type != owner)
      errors.add(field,
                 fmt::format("does not apply to this instrument, which records: {}", label(type)));
  };
  check_absent(result.raw_score.has_value(), ScoreType::Raw, "raw_score");
  check_absent(result.standardised_score.has_value(), ScoreType::Standardised,
               "standardised_score");
  check_absent(result.age_equivalent.has_value(), ScoreType::AgeEquivalent, "age_equivalent");
  check_absent(!result.grade.empty(), ScoreType::ScaleGrade, "grade");
  check_absent(result.sdq.has_value(), ScoreType::Questionnaire, "items");
  switch (type) {
    case ScoreType::Raw: {
      const int max = instrument.max_score.value_or(0);
      if (!result.raw_score)
        errors.add("raw_score", fmt::format("is required (a score out of {})", max));
      else if (*result.raw_score < 0 || *result.raw_score > max)
        errors.add("raw_score", fmt::format("must be 0 to {}", max));
      break;
    }
    case ScoreType::Standardised:
      if (!result.standardised_score)
        errors.add("standardised_score", "is required");
      else if (*result.standardised_score < kMinStandardised ||
               *result.standardised_score > kMaxStandardised)
        errors.add("standardised_score",
                   fmt::format("must be {} to {}", kMinStandardised, kMaxStandardised));
      break;
    case ScoreType::AgeEquivalent:
      if (!result.age_equivalent) {
        errors.add("age_equivalent", "is required (years and months)");
      } else {
        if (result.age_equivalent->years < 0 || result.age_equivalent->years > 25)
          errors.add("age_equivalent.years", "must be 0 to 25");
        if (result.age_equivalent->months < 0 || result.age_equivalent->months > 11)
          errors.add("age_equivalent.months", "must be 0 to 11");
      }
      break;
    case ScoreType::ScaleGrade:
      if (scale != nullptr) {
        auto grade = scale->parse(result.grade, "grade");
        if (!grade.ok())
          errors.add_all(grade.error());
        else if (grade->code != result.grade)
          errors.add("grade", fmt::format("write the grade as its code, '{}'", grade->code));
      }
      break;
    case ScoreType::Questionnaire:
      if (!result.sdq) {
        errors.add("items", "the 25 item scores are required");
      } else {
        int answered = 0;
        for (std::size_t index = 0; index < result.sdq->items.size(); ++index) {
          const auto& item = result.sdq->items[index];
          if (!item) continue;
          ++answered;
          if (*item < 0 || *item > 2)
            errors.add(fmt::format("items[{}]", index + 1),
                       fmt::format("scores 0, 1 or 2, not {}", *item));
        }
        if (answered == 0) errors.add("items", "answer at least some of the 25 items");
      }
      break;
  }
  if (result.notes.size() > kMaxText)
    errors.add("notes", fmt::format("must be at most {} characters", kMaxText));
  if (!errors.empty()) return errors.to_error();
  return {};
}

std::string sdq_items_text(const SdqResponses& responses) {
  std::string text;
  for (const auto& item : responses.items) text += item ? static_cast<char>('0' + *item) : '-';
  return text;
}

Result<SdqResponses> parse_sdq_items_text(std::string_view text, const std::string& field) {
  if (text.size() != static_cast<std::size_t>(kSdqItemCount))
    return Error::invalid(field, "must hold 25 item scores");
  SdqResponses responses;
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    if (c == '-') continue;
    if (c < '0' || c > '2') return Error::invalid(field, "item scores are 0, 1, 2 or -");
    responses.items[index] = c - '0';
  }
  return responses;
}

std::string result_summary(const BaselineResult& result, const BaselineInstrument& instrument,
                           const GradeScale* scale, const std::optional<SdqScores>& scores) {
  switch (instrument.score_type) {
    case ScoreType::Raw:
      return fmt::format("{} {}/{}", instrument.name, result.raw_score.value_or(0),
                         instrument.max_score.value_or(0));
    case ScoreType::Standardised:
      return fmt::format("{} {} (standardised)", instrument.name,
                         result.standardised_score.value_or(0));
    case ScoreType::AgeEquivalent:
      return fmt::format("{} {}", instrument.name,
                         format_age(result.age_equivalent.value_or(AgeEquivalent{})));
    case ScoreType::ScaleGrade: {
      std::string shown = result.grade;
      if (scale != nullptr)
        if (auto grade = scale->find(result.grade)) shown = grade->label;
      return fmt::format("{} {}", instrument.name, shown);
    }
    case ScoreType::Questionnaire: {
      if (!scores || !scores->total_difficulties)
        return fmt::format("{}: total difficulties not scored (too few items answered)",
                           instrument.name);
      const SdqScore& total = *scores->total_difficulties;
      std::string band = label(total.band, SdqScale::TotalDifficulties);
      for (char& c : band) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return fmt::format("{}: total difficulties {} ({})", instrument.name, total.score, band);
    }
  }
  return instrument.name;
}

Status validate_pathway(const LearningPathway& pathway) {
  ErrorList errors;
  auto check = [&](const std::string& text, const char* field) {
    if (text.size() > kMaxText)
      errors.add(field, fmt::format("must be at most {} characters", kMaxText));
  };
  check(pathway.starting_point, "starting_point");
  check(pathway.priorities, "priorities");
  check(pathway.pathway, "pathway");
  if (blank(pathway.starting_point) && blank(pathway.priorities) && blank(pathway.pathway))
    errors.add("pathway", "write the starting point, the priorities or the pathway");
  if (!errors.empty()) return errors.to_error();
  return {};
}

Status validate_further_assessment(const FurtherAssessment& request, Date today) {
  ErrorList errors;
  if (blank(request.reason))
    errors.add("reason", "is required: say why the assessment is needed");
  else if (request.reason.size() > kMaxText)
    errors.add("reason", fmt::format("must be at most {} characters", kMaxText));
  if (request.requested_on > today) errors.add("requested_on", "is in the future");
  if (request.outcome.size() > kMaxText)
    errors.add("outcome", fmt::format("must be at most {} characters", kMaxText));
  if (request.status == RequestStatus::Closed) {
    if (blank(request.outcome)) errors.add("outcome", "is required to close the request");
    if (!request.outcome_on)
      errors.add("outcome_on", "is required to close the request");
    else if (*request.outcome_on < request.requested_on)
      errors.add("outcome_on", "is before the request was made");
    else if (*request.outcome_on > today)
      errors.add("outcome_on", "is in the future");
  } else if (request.outcome_on) {
    errors.add("outcome_on", "is set only when the request is closed");
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace waymark
