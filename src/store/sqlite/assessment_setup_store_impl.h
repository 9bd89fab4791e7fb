// Internal to the SQLite backend: the AssessmentSetupStore implementation's class, defined across
// assessment_setup_store.cpp (scales, subject scales, KS3 expectations) and
// assessment_setup_records.cpp (intake, home-school work, targets).
#pragma once

#include "store/assessment_setup_store.h"
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

class SqliteAssessmentSetupStore final : public AssessmentSetupStore {
 public:
  explicit SqliteAssessmentSetupStore(Db& db) : db_(db) {}

  std::vector<GradeScaleRecord> grade_scales(Id organisation_id) override;
  std::optional<GradeScaleRecord> grade_scale(Id organisation_id, const std::string& key) override;
  Result<Id> insert_grade_scale(const GradeScaleRecord& record, std::int64_t now) override;

  std::optional<Subject> subject(Id subject_id) override;
  std::optional<SubjectScales> subject_scales(Id subject_id) override;
  void put_subject_scales(const SubjectScales& scales) override;

  std::vector<Ks3Expectation> ks3_expectations(Id organisation_id) override;
  void replace_ks3_expectations(Id organisation_id,
                                const std::vector<Ks3Expectation>& expectations) override;

  std::optional<Intake> intake(Id placement_id) override;
  void put_intake(const Intake& intake) override;

  std::vector<HomeSchoolWork> home_school_work(Id placement_id) override;
  std::optional<HomeSchoolWork> home_school_work_item(Id id) override;
  Id insert_home_school_work(const HomeSchoolWork& work) override;
  void update_home_school_work(const HomeSchoolWork& work) override;

  std::vector<Target> targets_of(Id pupil_id) override;
  Id insert_target(const Target& target) override;

 private:
  void fill_grades(GradeScaleRecord& record);

  Db& db_;
};

}  // namespace waymark::store::sqlite
