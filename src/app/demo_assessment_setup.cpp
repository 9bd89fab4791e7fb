// Demo assessment setup: for every demo pupil with a placement, the home school's intake data
// (grades consistent with the pupil's year, exam boards), 0-2 pieces of home-school work (some
// completed) and, at Balance and Bridges, targets in Maths, English and Science, some revised.
#include <algorithm>

#include <fmt/format.h>

#include "app/demo_seed.h"
#include "app/grade_scales.h"
#include "store/assessment_setup_store.h"

namespace waymark::app::demo {

namespace {

// A GCSE working-at grade around `centre` (a whole grade), with a fine step.
std::string fine_grade(int centre, Random& random) {
  const int whole = std::clamp(centre + random.between(-1, 1), 1, 9);
  static const char* const kSteps[] = {"-", "", "+"};
  return std::to_string(whole) + kSteps[random.below(3)];
}

std::string ks3_grade(int nc_year, Random& random) {
  // Pupils in AP are mostly below the expectation; Year 9s a little further on.
  static const char* const kLow[] = {"F", "F+", "S-", "S-", "S"};
  static const char* const kHigh[] = {"F+", "S-", "S", "S", "S+"};
  return nc_year >= 9 ? kHigh[random.below(5)] : kLow[random.below(5)];
}

SubjectIntake subject_intake(int nc_year, Random& random) {
  SubjectIntake subject;
  const int centre = random.between(2, 5);
  if (nc_year >= 10) {
    subject.working_at = GradeRef{"gcse_fine", fine_grade(centre, random)};
  } else {
    subject.working_at = GradeRef{"ks3", ks3_grade(nc_year, random)};
    subject.ks3_target = GradeRef{"ks3", random.percent(50) ? "S" : "S+"};
  }
  subject.ks4_target = GradeRef{"gcse", std::to_string(std::min(9, centre + random.between(1, 2)))};
  static const ExamBoard kBoards[] = {ExamBoard::Aqa, ExamBoard::Aqa, ExamBoard::PearsonEdexcel,
                                      ExamBoard::Ocr, ExamBoard::WjecEduqas};
  subject.exam_board = kBoards[random.below(5)];
  return subject;
}

const char* const kWorkTitles[][2] = {
    {"Mathematics", "Revision booklet: fractions, decimals and percentages"},
    {"English", "An Inspector Calls: character essay on Sheila Birling"},
    {"Science", "Required practical write-up: rates of reaction"},
    {"English", "Macbeth quotation bank, Acts 1-3"},
    {"Mathematics", "Sparx homework tasks for the half term"},
    {"History", "Coursework: source analysis on the Weimar Republic"},
};

Id subject_id(store::Connection& connection, Id organisation_id, const std::string& code) {
  for (const Subject& subject : connection.subjects_of(organisation_id))
    if (subject.code == code) return subject.id;
  return 0;
}

}  // namespace

void seed_assessment_setup(store::Connection& connection, const DemoWorld& world, Random& random) {
  auto& setup = connection.assessment_setup();
  std::map<Id, const DemoPupil*> pupils;
  for (const DemoPupil& pupil : world.pupils) pupils[pupil.id] = &pupil;
  std::map<Id, bool> targeted;  // pupils whose targets are already set, by provider too

  for (const Placement& placement : world.placements) {
    const DemoPupil* pupil =
        pupils.count(placement.pupil_id) ? pupils[placement.pupil_id] : nullptr;
    if (pupil == nullptr) continue;
    const int nc_year = pupil->nc_year;

    Intake intake;
    intake.placement_id = placement.id;
    intake.maths = subject_intake(nc_year, random);
    intake.english = subject_intake(nc_year, random);
    if (random.percent(80)) {
      intake.ks2_reading = random.between(88, 108);
      intake.ks2_maths = random.between(86, 106);
    }
    if (random.percent(40))
      intake.notes = "Please keep the home school informed of progress on coursework.";
    intake.updated_at = world.now;
    require_valid(validate_intake(intake), "intake");
    setup.put_intake(intake);

    const int work_items = random.below(3);
    const Date start = placement.start_date.value_or(placement.referral_date);
    for (int item = 0; item < work_items; ++item) {
      const auto& [subject, title] = kWorkTitles[random.below(6)];
      HomeSchoolWork work;
      work.placement_id = placement.id;
      work.title = title;
      work.subject = subject;
      work.set_date = std::min(start.plus_days(item * 7), world.today);
      work.due_date = work.set_date.plus_days(21);
      const int progress = random.below(3);
      work.status = progress == 0   ? WorkStatus::Set
                    : progress == 1 ? WorkStatus::InProgress
                                    : WorkStatus::Completed;
      if (work.status == WorkStatus::Completed)
        work.completed_date = std::min(work.set_date.plus_days(14), world.today);
      work.updated_at = world.now;
      require_valid(validate_home_school_work(work), "home-school work");
      setup.insert_home_school_work(work);
    }

    // Targets: at the provider, by its teacher, from the baseline.
    const bool at_balance = placement.provider_id == world.organisations.balance;
    const bool at_bridges = placement.provider_id == world.organisations.bridges;
    if ((!at_balance && !at_bridges) || placement.status == PlacementStatus::Referred ||
        targeted[placement.pupil_id])
      continue;
    targeted[placement.pupil_id] = true;
    const std::string teacher_email =
        at_balance ? "teacher@balance.example" : "admin@bridges.example";
    const Id teacher = world.users.count(teacher_email) ? world.users.at(teacher_email) : 0;
    const std::int64_t set_at = world.now - 40 * 86400;
    for (const char* code : {"MA", "EN", "SC"}) {
      const Id subject = subject_id(connection, placement.provider_id, code);
      if (subject == 0) continue;
      const GradeScale scale = subject_scale(connection, subject, nc_year).value();
      const bool gcse = scale.points_scheme() == PointsScheme::Gcse;
      const std::string first = gcse ? fine_grade(random.between(3, 5), random) : "S-";
      Target target{.id = 0,
                    .pupil_id = placement.pupil_id,
                    .subject_id = subject,
                    .scale_key = scale.key(),
                    .grade_code = first,
                    .reason = "Set from the baseline assessment",
                    .set_by = teacher,
                    .set_at = set_at,
                    .set_by_name = "",
                    .subject_name = ""};
      require_valid(validate_target(target, IsRevision::No), "target");
      setup.insert_target(target);
      if (random.percent(30)) {
        target.grade_code = gcse ? fine_grade(random.between(4, 6), random) : "S";
        target.reason = "Revised after strong exit tickets this half term";
        target.set_at = world.now - 7 * 86400;
        require_valid(validate_target(target, IsRevision::Yes), "target revision");
        setup.insert_target(target);
      }
    }
  }
}

}  // namespace waymark::app::demo
