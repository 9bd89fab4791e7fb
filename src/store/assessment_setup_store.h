// Persistence for assessment setup (issue 3, items 1, 2 and 4): grade scales, which scale each
// subject uses, the KS3 expectation table, intake data per placement, home-school work, targets.
// Reached as connection.assessment_setup(), so it shares the connection's transaction.
//
// Reads return nullopt / empty when nothing matches. Writes bind every value; a fault of the
// database throws StoreFault. Callers (app/) authorise and validate first.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "core/grade_scale.h"
#include "core/intake.h"
#include "core/progress_indicator.h"
#include "core/result.h"
#include "core/target.h"

namespace waymark::store {

// A scale as stored. organisation_id 0 = a standard scale (seeded by migration 002).
struct GradeScaleRecord {
  Id id = 0;
  Id organisation_id = 0;
  std::string key;
  std::string name;
  PointsScheme points = PointsScheme::None;
  std::vector<std::pair<std::string, std::string>> grades;  // (code, label), worst first
};

// Which scale a subject's grades are on at KS3 (Years 7-9) and at KS4 (Years 10 and above).
struct SubjectScales {
  Id subject_id = 0;
  std::string ks3_scale_key = "ks3";
  std::string ks4_scale_key = "gcse_fine";
};

class AssessmentSetupStore {
 public:
  virtual ~AssessmentSetupStore() = default;

  // Grade scales: the standard ones and those of `organisation_id`, standard first, then by name.
  virtual std::vector<GradeScaleRecord> grade_scales(Id organisation_id) = 0;
  // The organisation's own scale with this key, else the standard one; nullopt when neither.
  virtual std::optional<GradeScaleRecord> grade_scale(Id organisation_id,
                                                      const std::string& key) = 0;
  // Conflict on field "key" when the organisation already has a scale with the key.
  // REQUIRES: record.organisation_id != 0.
  virtual Result<Id> insert_grade_scale(const GradeScaleRecord& record, std::int64_t now) = 0;

  // The subject (any organisation's), for checking ownership; nullopt when there is none.
  virtual std::optional<Subject> subject(Id subject_id) = 0;
  // The stored row, or nullopt when the subject uses the defaults.
  virtual std::optional<SubjectScales> subject_scales(Id subject_id) = 0;
  virtual void put_subject_scales(const SubjectScales& scales) = 0;  // insert or replace

  // The organisation's table; empty when it has not edited it (then core's defaults apply).
  virtual std::vector<Ks3Expectation> ks3_expectations(Id organisation_id) = 0;
  virtual void replace_ks3_expectations(Id organisation_id,
                                        const std::vector<Ks3Expectation>& expectations) = 0;

  // Intake per placement; pupil_id and updated_by_name are filled.
  virtual std::optional<Intake> intake(Id placement_id) = 0;
  virtual void put_intake(const Intake& intake) = 0;  // insert or replace

  // Home-school work of a placement, by set date then id.
  virtual std::vector<HomeSchoolWork> home_school_work(Id placement_id) = 0;
  virtual std::optional<HomeSchoolWork> home_school_work_item(Id id) = 0;
  virtual Id insert_home_school_work(const HomeSchoolWork& work) = 0;
  virtual void update_home_school_work(const HomeSchoolWork& work) = 0;

  // Every target revision of a pupil, oldest first, with set_by_name and subject_name filled.
  virtual std::vector<Target> targets_of(Id pupil_id) = 0;
  virtual Id insert_target(const Target& target) = 0;
};

}  // namespace waymark::store
