// Demo classwork: for every pupil in a current Balance or Bridges placement, a half term of exit
// tickets in Mathematics, English and Science (two or three lessons a week each, topics in
// scheme-of-work order, scores out of 10 drifting upwards with noise), and a few pieces of marked
// work with feedback and responses. No evidence files: the demo keeps no uploads.
#include <algorithm>
#include <cmath>

#include "app/demo_seed.h"
#include "store/classwork_store.h"

namespace waymark::app::demo {

namespace {

struct SubjectPlan {
  const char* name;
  std::vector<const char*> topics;
  std::vector<const char*> work_titles;
};

const std::vector<SubjectPlan>& plans() {
  static const std::vector<SubjectPlan> all = {
      {"Mathematics",
       {"Place value", "Negative numbers", "Fractions of amounts", "Equivalent fractions",
        "Percentages", "Ratio and proportion", "Simplifying expressions", "Solving equations",
        "Angles in polygons", "Area and perimeter", "Probability", "Averages"},
       {"Fractions assessment", "Equations homework"}},
      {"English",
       {"Inference", "Language analysis", "Structure", "Descriptive writing", "Persuasive writing",
        "Punctuation for effect", "An Inspector Calls: Act 1", "An Inspector Calls: themes",
        "Poetry: Power and conflict", "Comparing poems", "Spelling patterns", "Speech writing"},
       {"Descriptive writing draft", "Letter to the council"}},
      {"Science",
       {"Cells", "Microscopy", "Diffusion and osmosis", "Atomic structure", "The periodic table",
        "Energy stores", "Electric circuits", "Forces", "Acids and alkalis", "Ecosystems",
        "Required practical: osmosis", "Rates of reaction"},
       {"Osmosis practical write-up"}},
  };
  return all;
}

const std::vector<std::string> kComments = {
    "Good method",  "Check your working", "Well explained",    "Re-read the question",
    "Nearly there", "Excellent effort",   "Use the key words", "Show each step"};
const std::vector<std::string> kFeedback = {
    "Clear ideas and good use of evidence. Next step: explain how each example answers the "
    "question.",
    "Accurate working on most questions. Next step: check units and show each step.",
    "A confident start. Next step: vary your sentence openings and paragraph your answer."};
const std::vector<std::string> kResponses = {"I have added the steps in purple pen.",
                                             "I rewrote my second paragraph with better evidence.",
                                             "I corrected questions 3 and 4."};

std::string mark_for(double score, double max) {
  const double fraction = score / max;
  if (fraction >= 0.8) return "correct";
  if (fraction >= 0.4) return "partial";
  return "incorrect";
}

}  // namespace

void seed_classwork(store::Connection& connection, const DemoWorld& world, Random& random) {
  auto& classwork = connection.classwork();
  const Date today = world.today;
  const Date first = today.plus_days(-7 * 7);
  for (const Id provider : {world.organisations.balance, world.organisations.bridges}) {
    const auto terms = connection.terms_of(provider);
    const auto closures = connection.closure_days_of(provider);
    const auto groups = connection.teaching_groups_of(provider);
    std::map<std::string, Id> subject_ids;
    for (const Subject& subject : connection.subjects_of(provider))
      subject_ids[subject.name] = subject.id;
    const Id teacher = provider == world.organisations.balance
                           ? world.users.at("teacher@balance.example")
                           : world.users.at("admin@bridges.example");
    for (const Placement& placement : world.placements) {
      if (placement.provider_id != provider || !placement.current_on(today)) continue;
      const Date start = std::max(first, placement.start_date.value_or(first));
      for (const SubjectPlan& plan : plans()) {
        auto subject = subject_ids.find(plan.name);
        if (subject == subject_ids.end()) continue;
        Id group_id = 0;
        for (const TeachingGroup& group : groups)
          if (group.subject_id == subject->second &&
              std::count(group.pupil_ids.begin(), group.pupil_ids.end(), placement.pupil_id))
            group_id = group.id;
        double level = random.between(25, 70) / 10.0;  // out of 10
        std::size_t topic_index = static_cast<std::size_t>(random.below(3));
        int lesson = 0;
        for (Date day = start; day <= today; day = day.plus_days(1)) {
          if (!is_school_day(day, terms, closures)) continue;
          // Two or three lessons a week: Monday, Wednesday and (mostly) Friday.
          const unsigned weekday = day.weekday();
          if (weekday != 1 && weekday != 3 && !(weekday == 5 && random.percent(60))) continue;
          ExitTicket ticket;
          ticket.pupil_id = placement.pupil_id;
          ticket.organisation_id = provider;
          ticket.subject_id = subject->second;
          ticket.teaching_group_id = group_id;
          ticket.lesson_date = day;
          ticket.topic = plan.topics[topic_index % plan.topics.size()];
          if (++lesson % 2 == 0) ++topic_index;
          level = std::clamp(level + random.between(-8, 14) / 40.0, 1.0, 9.5);
          const double score =
              std::clamp(std::round(level + random.between(-15, 15) / 10.0), 0.0, 10.0);
          ticket.score = score;
          ticket.max_score = 10;
          ticket.mark = mark_for(score, 10);
          ticket.comment = random.percent(60) ? random.pick(kComments) : std::string();
          ticket.self_assessment = std::to_string(random.between(1, 3));
          if (ticket.mark != "correct" && random.percent(30))
            ticket.pupil_response = "Corrected in purple pen";
          ticket.recorded_by = teacher;
          require_valid(validate_exit_ticket(ticket, today), "exit ticket");
          if (classwork.exit_ticket_by_key(ticket.pupil_id, ticket.subject_id, ticket.lesson_date,
                                           ticket.topic))
            continue;
          classwork.insert_exit_ticket(ticket, world.now);
        }
        // A piece of marked work in most subjects.
        if (!random.percent(70)) continue;
        MarkedWork work;
        work.pupil_id = placement.pupil_id;
        work.organisation_id = provider;
        work.subject_id = subject->second;
        work.title = random.pick(plan.work_titles);
        work.work_date = std::min(today, start.plus_days(random.between(3, 30)));
        while (work.work_date > start && !is_school_day(work.work_date, terms, closures))
          work.work_date = work.work_date.plus_days(-1);
        work.feedback = random.pick(kFeedback);
        work.self_assessment = std::to_string(random.between(1, 3));
        if (random.percent(70)) work.pupil_response = random.pick(kResponses);
        if (random.percent(30)) work.redraft = "Redrafted opening paragraph";
        work.recorded_by = teacher;
        require_valid(validate_marked_work(work, today), "marked work");
        classwork.insert_marked_work(work, world.now);
      }
    }
  }
}

}  // namespace waymark::app::demo
