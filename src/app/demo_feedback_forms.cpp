// Demo feedback forms (policy 000 ¶4-6): for every pupil in a current Balance or Bridges placement,
// each finished feedback period gets a form built the way create_feedback_form builds one (topics
// prefilled from the period's exit tickets, proposals from the pupil's grades), graded and sent by
// a teacher of the pupil's groups. The latest finished period is often still due: not started, or
// a draft, and a few of those are overdue, so the due list and the schools' lists both have
// something to show.
#include <algorithm>

#include "app/classwork_access.h"
#include "app/demo_seed.h"
#include "app/feedback_form_due.h"
#include "app/feedback_form_prefill.h"
#include "store/feedback_form_store.h"

namespace waymark::app::demo {

namespace {

enum class Fate { NotStarted, Draft, Sent };

// A period before the pupil's first exit tickets is the initial assessment period (policy 004 ¶4).
constexpr const char* kInductionTopic = "Initial assessment and induction";

const std::vector<std::string> kComments = {
    "Settling in well and asking for help when stuck.",
    "A positive three weeks: arrives on time and starts tasks promptly.",
    "Good effort in lessons; next step is to check written answers before handing them in.",
    "Some difficult days this period, but engagement improved towards the end.",
    "Working well with staff and beginning to take pride in presentation.",
    "Confident in practical work; needs encouragement to write at length."};
const std::vector<std::string> kOverrideReasons = {
    "Classwork this period is stronger than the latest exit ticket shows.",
    "Missed several lessons, so the grade reflects only part of the period.",
    "Exit tickets fell after a difficult week; the longer-term picture is better."};

// The staff member who writes a pupil's forms: the first teacher of their groups at the provider,
// as the due list assigns them, else the provider's fallback writer.
Id writer_of(const std::vector<TeachingGroup>& groups, Id pupil_id, Id fallback) {
  for (const TeachingGroup& group : groups)
    if (!group.staff_ids.empty() &&
        std::count(group.pupil_ids.begin(), group.pupil_ids.end(), pupil_id) != 0)
      return group.staff_ids.front();
  return fallback;
}

// Mostly sent; the latest finished period is the one still being written, more often while it is
// recent than once it is overdue.
Fate fate_of(bool latest, bool overdue, Random& random) {
  if (!latest) return Fate::Sent;
  const int unsent = overdue ? 25 : 70;
  if (!random.percent(unsent)) return Fate::Sent;
  return random.percent(45) ? Fate::Draft : Fate::NotStarted;
}

// ATL 1-4, mostly Good or Requires Improvement.
int atl_grade(Random& random) {
  const int roll = random.below(100);
  if (roll < 10) return 1;
  if (roll < 40) return 2;
  if (roll < 85) return 3;
  return 4;
}

ProgressIndicator other_than(ProgressIndicator proposed, Random& random) {
  static const std::vector<ProgressIndicator> all = {
      ProgressIndicator::WorkingTowards, ProgressIndicator::Meeting, ProgressIndicator::Exceeding};
  std::vector<ProgressIndicator> others;
  for (ProgressIndicator indicator : all)
    if (indicator != proposed) others.push_back(indicator);
  return random.pick(others);
}

// The working-at grade a teacher enters where the exit tickets gave none, on the row's scale.
std::string working_at_grade(const std::string& scale_key, Random& random) {
  static const std::vector<std::string> ks3 = {"F+", "S-", "S-", "S", "S", "S+", "E-"};
  static const std::vector<std::string> gcse_fine = {"3", "3+", "4-", "4", "4+", "5-", "5", "6-"};
  static const std::vector<std::string> gcse = {"3", "4", "4", "5", "5", "6"};
  if (scale_key == "ks3") return random.pick(ks3);
  if (scale_key == "gcse_fine") return random.pick(gcse_fine);
  if (scale_key == "gcse") return random.pick(gcse);
  return "";
}

// Grades every row as a teacher would: ATL, the proposal confirmed or (sometimes) overridden with a
// reason, or a choice where Waymark has no proposal.
void grade_subjects(FeedbackForm& form, Random& random) {
  for (FeedbackFormSubject& subject : form.subjects) {
    subject.atl = atl_grade(random);
    if (subject.proposed && !random.percent(20)) {
      subject.indicator = subject.proposed;
    } else if (subject.proposed) {
      subject.indicator = other_than(*subject.proposed, random);
      subject.override_reason = random.pick(kOverrideReasons);
    } else {
      subject.indicator =
          random.percent(70) ? ProgressIndicator::Meeting : ProgressIndicator::WorkingTowards;
    }
  }
}

std::int64_t seconds_at(Date day, int hour) {
  return day.days() * 86400 + hour * 3600;
}

}  // namespace

void seed_feedback_forms(store::Connection& connection, const DemoWorld& world, Random& random) {
  auto& forms = connection.feedback_forms();
  const Date today = world.today;
  for (const Id provider : {world.organisations.balance, world.organisations.bridges}) {
    const auto groups = connection.teaching_groups_of(provider);
    const std::vector<Subject> ticket_subjects = exit_ticket_subjects(connection, provider);
    const Id fallback_writer = provider == world.organisations.balance
                                   ? world.users.at("teacher@balance.example")
                                   : world.users.at("admin@bridges.example");
    for (const Placement& placement : world.placements) {
      if (placement.provider_id != provider || placement.status != PlacementStatus::Active ||
          !placement.current_on(today))
        continue;
      const auto pupil = connection.pupil(placement.pupil_id);
      if (!pupil) throw std::logic_error("demo data: a placed pupil is missing");
      const Id writer = writer_of(groups, placement.pupil_id, fallback_writer);
      std::vector<FeedbackPeriod> finished = placement_periods(connection, placement, today);
      std::erase_if(finished, [&](const FeedbackPeriod& period) { return period.end > today; });
      for (const FeedbackPeriod& period : finished) {
        const bool latest = period.number == finished.back().number;
        const bool overdue =
            more_school_days_after(connection, provider, period.end, today, kOverdueSchoolDays);
        const Fate fate = fate_of(latest, overdue, random);
        if (fate == Fate::NotStarted) continue;
        FeedbackForm form =
            prefilled_feedback_form(connection, *pupil, placement, period, writer,
                                    std::min(world.now, seconds_at(period.end, 13)));
        if (form.subjects.empty()) {
          for (const Subject& subject : ticket_subjects) {
            FeedbackFormSubject row;
            row.subject_id = subject.id;
            row.topics = {kInductionTopic};
            form.subjects.push_back(std::move(row));
          }
          ErrorList errors;
          propose_indicators(connection, *pupil, form, errors);
          if (!errors.empty()) require_valid(errors.to_error(), "feedback form proposals");
        }
        if (form.subjects.empty()) continue;  // a provider with no exit-ticket subjects
        if (fate == Fate::Sent) {
          for (FeedbackFormSubject& row : form.subjects)
            if (row.working_at.empty())
              row.working_at = working_at_grade(row.working_at_scale, random);
          ErrorList grade_errors;
          propose_indicators(connection, *pupil, form, grade_errors);
          if (!grade_errors.empty()) require_valid(grade_errors.to_error(), "working-at grades");
          grade_subjects(form, random);
          form.comment = random.pick(kComments);
          form.status = FeedbackFormStatus::Sent;
          form.sent_by = form.updated_by = writer;
          form.sent_at = form.updated_at =
              std::min(world.now, seconds_at(period.end.plus_days(random.between(0, 3)), 16));
          require_valid(check_feedback_form_complete(form), "sent feedback form");
        } else if (random.percent(50)) {
          // A draft the teacher has started: the first subject graded, no comment yet.
          form.subjects.front().atl = atl_grade(random);
        }
        require_valid(validate_feedback_form(form), "feedback form");
        require_stored(forms.insert_form(form), "feedback form");
      }
    }
  }
}

}  // namespace waymark::app::demo
