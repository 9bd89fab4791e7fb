// Intake, home-school work and target validation: every rejection.
#include <gtest/gtest.h>

#include "core/intake.h"
#include "core/target.h"

namespace waymark {
namespace {

std::string first_field(const Status& status) {
  return status.ok() ? "" : status.error().fields.at(0).field;
}

TEST(IntakeValidation, ExamBoardsAndScores) {
  EXPECT_EQ(*parse_exam_board("Pearson Edexcel", "b"), ExamBoard::PearsonEdexcel);
  EXPECT_EQ(*parse_exam_board("wjec_eduqas", "b"), ExamBoard::WjecEduqas);
  EXPECT_FALSE(parse_exam_board("Cambridge", "maths.exam_board").ok());
  Intake intake;
  EXPECT_TRUE(validate_intake(intake).ok());
  intake.maths.exam_board = ExamBoard::Other;
  EXPECT_EQ(first_field(validate_intake(intake)), "maths.exam_board_other");
  intake.maths.exam_board_other = "CCEA";
  EXPECT_TRUE(validate_intake(intake).ok());
  intake.english.exam_board_other = "CCEA";
  EXPECT_EQ(first_field(validate_intake(intake)), "english.exam_board_other");
  intake.english.exam_board_other.clear();
  intake.ks2_reading = 79;
  EXPECT_EQ(first_field(validate_intake(intake)), "ks2_reading");
  intake.ks2_reading = 120;
  intake.ks2_maths = 121;
  EXPECT_EQ(first_field(validate_intake(intake)), "ks2_maths");
  intake.ks2_maths = 80;
  intake.notes = std::string(kMaxIntakeNotesLength + 1, 'x');
  EXPECT_EQ(first_field(validate_intake(intake)), "notes");
}

TEST(HomeSchoolWorkValidation, Rejections) {
  HomeSchoolWork work;
  work.title = "Essay";
  work.set_date = Date::from_ymd(2025, 10, 1);
  EXPECT_TRUE(validate_home_school_work(work).ok());
  struct Case {
    const char* name;
    void (*change)(HomeSchoolWork&);
    const char* field;
  };
  const Case cases[] = {
      {"blank title", [](HomeSchoolWork& w) { w.title = "  "; }, "title"},
      {"long title", [](HomeSchoolWork& w) { w.title = std::string(201, 'x'); }, "title"},
      {"due before set", [](HomeSchoolWork& w) { w.due_date = Date::from_ymd(2025, 9, 1); },
       "due_date"},
      {"completed without date", [](HomeSchoolWork& w) { w.status = WorkStatus::Completed; },
       "completed_date"},
      {"completed before set",
       [](HomeSchoolWork& w) {
         w.status = WorkStatus::Completed;
         w.completed_date = Date::from_ymd(2025, 9, 1);
       },
       "completed_date"},
      {"date but not completed",
       [](HomeSchoolWork& w) { w.completed_date = Date::from_ymd(2025, 10, 2); }, "completed_date"},
  };
  for (const Case& test : cases) {
    HomeSchoolWork changed = work;
    test.change(changed);
    EXPECT_EQ(first_field(validate_home_school_work(changed)), test.field) << test.name;
  }
  EXPECT_EQ(*parse_work_status("In progress"), WorkStatus::InProgress);
  EXPECT_FALSE(parse_work_status("done").ok());
}

TEST(TargetValidation, RevisionNeedsAReason) {
  Target target;
  target.pupil_id = 1;
  target.subject_id = 2;
  target.scale_key = "gcse";
  target.grade_code = "5";
  EXPECT_TRUE(validate_target(target, IsRevision::No).ok());
  EXPECT_EQ(first_field(validate_target(target, IsRevision::Yes)), "reason");
  target.reason = std::string(kMaxTargetReasonLength + 1, 'x');
  EXPECT_EQ(first_field(validate_target(target, IsRevision::Yes)), "reason");
  const Target empty;
  EXPECT_EQ(first_field(validate_target(empty, IsRevision::No)), "pupil_id");
}

}  // namespace
}  // namespace waymark
