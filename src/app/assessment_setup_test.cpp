// Assessment setup against a real SQLite store: scales (stored standard scales equal core's),
// subject scales, KS3 expectations, intake, home-school work and targets, with their error paths.
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <stdexcept>

#include <gtest/gtest.h>

#include "app/grade_scales.h"
#include "app/intake.h"
#include "app/targets.h"
#include "store/assessment_setup_store.h"
#include "store/sqlite/sqlite_store.h"

namespace waymark::app {
namespace {

const Date kToday = Date::from_ymd(2025, 11, 3);
constexpr std::int64_t kNow = 1'762'160'000;

class AssessmentSetupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "waymark-setup-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    store_ = store::sqlite::open((std::filesystem::path(dir_) / "t.db").string()).value();
    context_ = std::make_unique<Context>(Context{*store_});
    context_->clock.now_seconds = [] { return kNow; };
    context_->clock.today = [] { return kToday; };
    auto& connection = store_->connection();
    auto org = [&](OrgKind kind, const char* name) {
      Organisation organisation;
      organisation.kind = kind;
      organisation.name = name;
      return connection.insert_organisation(organisation);
    };
    provider_ = org(OrgKind::Provider, "Balance");
    school_ = org(OrgKind::School, "Ashfield");
    other_school_ = org(OrgKind::School, "Kingsway");
    Pupil pupil;
    pupil.legal_forename = "Sam";
    pupil.legal_surname = "Smith";
    pupil.dob = Date::from_ymd(2010, 1, 10);  // Year 10 in 2025/26
    pupil_ = connection.insert_pupil(pupil, kNow).value();
    connection.insert_enrolment(Enrolment{.id = 0,
                                          .pupil_id = pupil_,
                                          .school_id = school_,
                                          .admission_date = Date::from_ymd(2021, 9, 1),
                                          .leaving_date = std::nullopt,
                                          .registration = RegistrationType::Main});
    Placement placement;
    placement.pupil_id = pupil_;
    placement.provider_id = provider_;
    placement.commissioner_id = school_;
    placement.referral_date = Date::from_ymd(2025, 9, 10);
    placement.status = PlacementStatus::Active;
    placement.start_date = Date::from_ymd(2025, 9, 15);
    placement_ = connection.insert_placement(placement, kNow);
    maths_ = connection
                 .insert_subject(
                     {.id = 0, .organisation_id = provider_, .name = "Mathematics", .code = "MA"})
                 .value();
    auto user = [&](Id organisation, Roles roles, OrgKind kind) {
      User record{.id = 0,
                  .organisation_id = organisation,
                  .email = fmt_email(),
                  .display_name = "T",
                  .roles = roles,
                  .active = true};
      Id id = connection.insert_user(record, "x").value();
      return Actor{id, organisation, kind, roles, "T"};
    };
    teacher_ = user(provider_, {Role::Teacher}, OrgKind::Provider);
    admin_ = user(provider_, {Role::Admin}, OrgKind::Provider);
    senco_ = user(school_, {Role::Commissioner}, OrgKind::School);
    stranger_ = user(other_school_, {Role::Admin}, OrgKind::School);
  }
  void TearDown() override {
    context_.reset();
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string fmt_email() { return "u" + std::to_string(++users_) + "@example.com"; }

  std::string dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
  Id provider_ = 0, school_ = 0, other_school_ = 0, pupil_ = 0, placement_ = 0, maths_ = 0;
  Actor teacher_, admin_, senco_, stranger_;
  int users_ = 0;
};

TEST_F(AssessmentSetupTest, StoredStandardScalesEqualCore) {
  auto scales = list_grade_scales(*context_, teacher_);
  ASSERT_TRUE(scales.ok());
  ASSERT_EQ(scales->size(), standard_scales().size());
  for (std::size_t index = 0; index < scales->size(); ++index) {
    EXPECT_EQ((*scales)[index].key(), standard_scales()[index].key());
    EXPECT_EQ((*scales)[index].grades(), standard_scales()[index].grades());
    EXPECT_EQ((*scales)[index].points_scheme(), standard_scales()[index].points_scheme());
  }
}

TEST_F(AssessmentSetupTest, AdminAddsAScaleOthersMayNot) {
  std::vector<std::pair<std::string, std::string>> grades = {
      {"b", "Bronze"}, {"s", "Silver"}, {"g", "Gold"}};
  EXPECT_EQ(add_grade_scale(*context_, teacher_, "award", "Award", grades, PointsScheme::None)
                .error()
                .kind,
            ErrorKind::Forbidden);
  ASSERT_TRUE(
      add_grade_scale(*context_, admin_, "award", "Award", grades, PointsScheme::None).ok());
  EXPECT_EQ(
      add_grade_scale(*context_, admin_, "award", "Award", grades, PointsScheme::None).error().kind,
      ErrorKind::Conflict);
  EXPECT_EQ(add_grade_scale(*context_, admin_, "gcse", "Mine", grades, PointsScheme::None)
                .error()
                .fields[0]
                .field,
            "key");
  EXPECT_EQ(add_grade_scale(*context_, admin_, "Bad Key", "", {}, PointsScheme::None).error().kind,
            ErrorKind::Invalid);
  auto& connection = store_->connection();
  auto scale = scale_for(connection, provider_, "award");
  ASSERT_TRUE(scale.ok());
  EXPECT_GT(GradeScale::compare(*scale->find("g"), *scale->find("s")), 0);
  EXPECT_EQ(scale_for(connection, school_, "award").error().kind, ErrorKind::NotFound);
}

TEST_F(AssessmentSetupTest, SubjectScaleByStageAndGradeNotOnScale) {
  auto& connection = store_->connection();
  EXPECT_EQ(subject_scale(connection, maths_, 8)->key(), "ks3");
  EXPECT_EQ(subject_scale(connection, maths_, 11)->key(), "gcse_fine");
  EXPECT_EQ(subject_scale(connection, 9999, 11).error().kind, ErrorKind::NotFound);
  auto bad = parse_subject_grade(connection, maths_, 11, "S+", "grade");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields[0].field, "grade");
  EXPECT_NE(bad.error().fields[0].reason.find("GCSE 9-1 (fine grades)"), std::string::npos);
  EXPECT_EQ(set_subject_scales(*context_, teacher_, {maths_, "ks3", "gcse"}).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(set_subject_scales(*context_, admin_, {maths_, "ks3", "nope"}).error().fields[0].field,
            "ks4_scale_key");
  EXPECT_EQ(get_subject_scales(*context_, stranger_, maths_).error().kind, ErrorKind::NotFound);
  ASSERT_TRUE(set_subject_scales(*context_, admin_, {maths_, "ks3", "gcse"}).ok());
  EXPECT_EQ(subject_scale(connection, maths_, 11)->key(), "gcse");
}

TEST_F(AssessmentSetupTest, Ks3ExpectationsDefaultThenEdited) {
  auto& connection = store_->connection();
  EXPECT_EQ(ks3_expectations(connection, provider_).size(), default_ks3_expectations().size());
  std::vector<Ks3Expectation> table = {{7, SchoolTerm::Autumn, "F+", "S-"}};
  EXPECT_EQ(set_ks3_expectations(*context_, teacher_, table).error().kind, ErrorKind::Forbidden);
  std::vector<Ks3Expectation> bad = {{7, SchoolTerm::Autumn, "F+", "Z"}};
  EXPECT_EQ(set_ks3_expectations(*context_, admin_, bad).error().kind, ErrorKind::Invalid);
  ASSERT_TRUE(set_ks3_expectations(*context_, admin_, table).ok());
  auto stored = ks3_expectations(connection, provider_);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].meeting_to, "S-");
}

TEST_F(AssessmentSetupTest, IntakeByCommissionerWithGradesOnScales) {
  auto change = [](const char* working_at) {
    return [working_at](Intake& intake, ErrorList&) {
      intake.maths.working_at = GradeRef{"", working_at};
      intake.maths.exam_board = ExamBoard::Aqa;
      intake.ks2_maths = 96;
    };
  };
  EXPECT_EQ(put_intake(*context_, teacher_, placement_, change("5")).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(put_intake(*context_, stranger_, placement_, change("5")).error().kind,
            ErrorKind::NotFound);
  auto bad = put_intake(*context_, senco_, placement_, change("S+"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields[0].field, "maths.working_at");
  auto saved = put_intake(*context_, senco_, placement_, change(" 5+ "));
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->maths.working_at->scale_key, "gcse_fine");
  EXPECT_EQ(saved->maths.working_at->code, "5+");
  auto low = put_intake(*context_, admin_, placement_,
                        [](Intake& intake, ErrorList&) { intake.ks2_reading = 70; });
  EXPECT_EQ(low.error().fields[0].field, "ks2_reading");
  auto found = intake_for_pupil(store_->connection(), pupil_);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->ks2_maths, 96);
  EXPECT_FALSE(store_->connection().audit_of_pupil(pupil_, 10).empty());
}

TEST_F(AssessmentSetupTest, HomeSchoolWorkTrackedToCompletion) {
  HomeSchoolWork work;
  work.title = "Revision pack";
  work.set_date = Date::from_ymd(2025, 10, 1);
  EXPECT_EQ(add_home_school_work(*context_, teacher_, placement_, work).error().kind,
            ErrorKind::Forbidden);
  HomeSchoolWork untitled = work;
  untitled.title = " ";
  EXPECT_EQ(add_home_school_work(*context_, senco_, placement_, untitled).error().fields[0].field,
            "title");
  auto added = add_home_school_work(*context_, senco_, placement_, work);
  ASSERT_TRUE(added.ok());
  auto done = update_home_school_work(
      *context_, teacher_, added->id,
      [](HomeSchoolWork& item, ErrorList&) { item.status = WorkStatus::Completed; });
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->completed_date, kToday);
  EXPECT_EQ(
      update_home_school_work(*context_, stranger_, added->id, [](HomeSchoolWork&, ErrorList&) {})
          .error()
          .kind,
      ErrorKind::NotFound);
  auto reopened = update_home_school_work(
      *context_, teacher_, added->id,
      [](HomeSchoolWork& item, ErrorList&) { item.status = WorkStatus::InProgress; });
  EXPECT_FALSE(reopened->completed_date);
}

TEST_F(AssessmentSetupTest, TargetsKeepEveryRevision) {
  EXPECT_EQ(set_target(*context_, senco_, pupil_, maths_, "6", "").error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(set_target(*context_, stranger_, pupil_, maths_, "6", "").error().kind,
            ErrorKind::NotFound);
  auto off_scale = set_target(*context_, teacher_, pupil_, maths_, "S", "");
  ASSERT_FALSE(off_scale.ok());
  EXPECT_EQ(off_scale.error().fields[0].field, "grade");
  ASSERT_TRUE(set_target(*context_, teacher_, pupil_, maths_, "5", "from baseline").ok());
  EXPECT_EQ(set_target(*context_, teacher_, pupil_, maths_, "6", " ").error().fields[0].field,
            "reason");
  ASSERT_TRUE(set_target(*context_, teacher_, pupil_, maths_, "6-", "strong start").ok());
  auto view = list_targets(*context_, senco_, pupil_);
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->current.size(), 1u);
  EXPECT_EQ(view->current[0].grade_code, "6-");
  ASSERT_EQ(view->history.size(), 2u);
  EXPECT_EQ(view->history[1].reason, "from baseline");
  EXPECT_FALSE(view->can_set);
  EXPECT_EQ(list_targets(*context_, stranger_, pupil_).error().kind, ErrorKind::NotFound);
}

}  // namespace
}  // namespace waymark::app
