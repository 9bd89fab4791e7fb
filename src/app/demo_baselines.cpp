// Demo baselines: each provider's default instruments, and for every active placement a literacy,
// a numeracy and an SDQ (teacher) baseline, pathways in Maths and English, and a few requests for
// further assessment (one closed with its outcome).
#include <fmt/format.h>

#include "app/demo_seed.h"
#include "store/baseline_store.h"

namespace waymark::app::demo {

namespace {

struct ProviderInstruments {
  Id reading = 0;      // standardised
  Id reading_age = 0;  // age equivalent
  Id numeracy = 0;     // raw /50
  Id sdq = 0;          // teacher version
};

Id add_instrument(store::Connection& connection, Id organisation_id, const char* name,
                  BaselineDomain domain, const char* measures, ScoreType type,
                  std::optional<int> max_score = std::nullopt, std::string scale_key = "",
                  std::optional<SdqVersion> version = std::nullopt) {
  BaselineInstrument instrument{.id = 0,
                                .organisation_id = organisation_id,
                                .name = name,
                                .domain = domain,
                                .measures = measures,
                                .score_type = type,
                                .max_score = max_score,
                                .scale_key = std::move(scale_key),
                                .sdq_version = version,
                                .active = true};
  require_valid(validate_instrument(instrument), std::string("instrument ") + name);
  return require_stored(connection.baselines().insert_instrument(instrument), name);
}

ProviderInstruments seed_instruments(store::Connection& connection, Id provider_id) {
  ProviderInstruments ids;
  ids.reading = add_instrument(connection, provider_id, "Reading (NGRT)", BaselineDomain::Literacy,
                               "Reading comprehension and sentence completion, standardised "
                               "against pupils of the same age",
                               ScoreType::Standardised);
  ids.reading_age = add_instrument(connection, provider_id, "Reading age", BaselineDomain::Literacy,
                                   "Single-word reading age", ScoreType::AgeEquivalent);
  ids.numeracy = add_instrument(
      connection, provider_id, "Numeracy baseline", BaselineDomain::Numeracy,
      "Number, calculation, fractions and measures (our own paper, 50 marks)", ScoreType::Raw, 50);
  add_instrument(connection, provider_id, "Maths working-at grade", BaselineDomain::Numeracy,
                 "The GCSE grade the pupil works at on entry", ScoreType::ScaleGrade, std::nullopt,
                 "gcse_fine");
  ids.sdq = add_instrument(connection, provider_id, "SDQ (teacher)", BaselineDomain::Wellbeing,
                           "Strengths and Difficulties Questionnaire, completed by the key worker",
                           ScoreType::Questionnaire, std::nullopt, "", SdqVersion::Teacher);
  add_instrument(connection, provider_id, "SDQ (self-report)", BaselineDomain::Wellbeing,
                 "Strengths and Difficulties Questionnaire, completed by the pupil (11-17)",
                 ScoreType::Questionnaire, std::nullopt, "", SdqVersion::SelfReport);
  return ids;
}

// Plausible answers for a pupil with some level of difficulty (0 mild .. 3 marked): difficulty
// items lean towards "certainly true" as the level rises, positive items the other way.
SdqResponses sdq_answers(int level, Random& random) {
  constexpr int kPositive[] = {1, 4, 7, 9, 11, 14, 17, 20, 21, 25};
  SdqResponses responses;
  for (int item = 1; item <= kSdqItemCount; ++item) {
    bool positive = false;
    for (int number : kPositive) positive = positive || number == item;
    int tick = random.below(100) < 20 + level * 20 ? 2 : (random.percent(45) ? 1 : 0);
    if (positive) tick = 2 - tick;
    responses.items[static_cast<std::size_t>(item - 1)] = tick;
  }
  if (random.percent(15)) responses.items[static_cast<std::size_t>(random.below(25))].reset();
  return responses;
}

Id subject_named(const std::vector<Subject>& subjects, const char* name) {
  for (const auto& subject : subjects)
    if (subject.name == name) return subject.id;
  return 0;
}

struct PathwayText {
  const char* starting_point;
  const char* priorities;
  const char* pathway;
};

constexpr PathwayText kMaths[] = {
    {"Secure with place value and the four operations with whole numbers; unsure with fractions.",
     "Fractions, decimals and percentages; ratio; reading scales.",
     "Short daily fluency starters, then a unit on equivalent fractions using bar models before "
     "moving to ratio. Exit tickets each lesson to check."},
    {"Working at a low Foundation level; gaps in times tables knock confidence.",
     "Times tables to 12; negative numbers; area and perimeter.",
     "One-to-one catch-up twice a week alongside the group; practical measuring tasks."},
    {"Confident with number; algebra not yet started at the home school.",
     "Expressions and equations; sequences; exam technique for the home school's board.",
     "Follow the home school's scheme so the pupil can rejoin Year 10 mid-topic."},
};
constexpr PathwayText kEnglish[] = {
    {"Reads fluently but avoids writing more than a few lines.",
     "Extended writing; paragraphing; spelling of common words.",
     "Writing frames faded over the half term; purple-pen redrafts every week."},
    {"Reading age well below chronological age; decodes slowly.",
     "Phonics gaps; reading stamina; vocabulary.",
     "Daily paired reading with a high-interest, low-reading-age book; weekly spelling check."},
    {"Strong spoken English; analysis of texts is brief.",
     "Point-evidence-explain paragraphs; the home school's set text.",
     "Teach the set text alongside model paragraphs; feedback focused on explanation."},
};

struct RequestText {
  FurtherAssessmentKind kind;
  const char* reason;
  const char* outcome;
};
constexpr RequestText kRequests[] = {
    {FurtherAssessmentKind::DyslexiaScreening,
     "Reading age well below chronological age and slow decoding despite good comprehension "
     "when read to.",
     "Screening indicates a moderate probability of dyslexia; coloured overlay and extra time "
     "recommended; referred to the home school SENCo."},
    {FurtherAssessmentKind::SpeechAndLanguage,
     "Difficulty following multi-step spoken instructions; limited expressive vocabulary.", ""},
    {FurtherAssessmentKind::EducationalPsychologist,
     "SDQ total difficulties very high and little progress over the initial assessment period.",
     ""},
};

}  // namespace

void seed_baselines(store::Connection& connection, const DemoWorld& world, Random& random) {
  std::map<Id, ProviderInstruments> instruments;
  for (Id provider_id : {world.organisations.balance, world.organisations.bridges})
    instruments[provider_id] = seed_instruments(connection, provider_id);
  const Id balance_teacher = world.users.at("teacher@balance.example");
  const Id bridges_admin = world.users.at("admin@bridges.example");

  int request_count = 0;
  for (const Placement& placement : world.placements) {
    if (placement.status != PlacementStatus::Active || !placement.start_date) continue;
    const auto found = instruments.find(placement.provider_id);
    if (found == instruments.end()) continue;
    const ProviderInstruments& ids = found->second;
    const Id recorder =
        placement.provider_id == world.organisations.balance ? balance_teacher : bridges_admin;
    Date assessed = *placement.start_date;
    if (assessed.plus_days(3) <= world.today) assessed = assessed.plus_days(random.between(0, 3));

    auto add = [&](Id instrument_id, auto&& fill) {
      BaselineResult result;
      result.pupil_id = placement.pupil_id;
      result.placement_id = placement.id;
      result.instrument_id = instrument_id;
      result.assessed_on = assessed;
      result.recorded_by = recorder;
      result.recorded_at = world.now;
      fill(result);
      connection.baselines().insert_result(result);
    };
    const int standardised = random.between(68, 112);
    add(ids.reading, [&](BaselineResult& result) { result.standardised_score = standardised; });
    add(ids.reading_age, [&](BaselineResult& result) {
      result.age_equivalent = AgeEquivalent{random.between(8, 14), random.between(0, 11)};
      if (standardised < 80) result.notes = "Decoding slow; guessed at longer words.";
    });
    add(ids.numeracy, [&](BaselineResult& result) { result.raw_score = random.between(9, 44); });
    add(ids.sdq,
        [&](BaselineResult& result) { result.sdq = sdq_answers(random.below(4), random); });

    const auto subjects = connection.subjects_of(placement.provider_id);
    const Id maths = subject_named(subjects, "Mathematics");
    const Id english = subject_named(subjects, "English");
    for (auto [subject_id, texts] : {std::pair{maths, kMaths}, std::pair{english, kEnglish}}) {
      if (subject_id == 0) continue;
      const PathwayText& text = texts[random.below(3)];
      connection.baselines().put_pathway(LearningPathway{.pupil_id = placement.pupil_id,
                                                         .subject_id = subject_id,
                                                         .starting_point = text.starting_point,
                                                         .priorities = text.priorities,
                                                         .pathway = text.pathway,
                                                         .updated_by = recorder,
                                                         .updated_at = world.now});
    }

    if (request_count < 3 && (standardised < 82 || random.percent(10))) {
      const RequestText& text = kRequests[request_count];
      FurtherAssessment request{.id = 0,
                                .pupil_id = placement.pupil_id,
                                .organisation_id = placement.provider_id,
                                .kind = text.kind,
                                .requested_by = recorder,
                                .requested_on = assessed,
                                .reason = text.reason,
                                .status = RequestStatus::Open,
                                .outcome = "",
                                .outcome_on = std::nullopt};
      if (*text.outcome != '\0' && assessed.plus_days(14) <= world.today) {
        request.status = RequestStatus::Closed;
        request.outcome = text.outcome;
        request.outcome_on = assessed.plus_days(14);
      }
      require_valid(validate_further_assessment(request, world.today), "further assessment");
      connection.baselines().insert_further_assessment(request);
      ++request_count;
    }
  }
}

}  // namespace waymark::app::demo
