// The SQLite BaselineStore's class, shared by baseline_store.cpp (instruments, results) and
// baseline_records.cpp (SDQ bands, pathways, further assessment requests).
#pragma once

#include "store/baseline_store.h"
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

class SqliteBaselineStore final : public BaselineStore {
 public:
  explicit SqliteBaselineStore(Db& db) : db_(db) {}

  std::vector<BaselineInstrument> instruments_of(Id organisation_id) override;
  std::optional<BaselineInstrument> instrument(Id id) override;
  Result<Id> insert_instrument(const BaselineInstrument& instrument) override;
  Status update_instrument(const BaselineInstrument& instrument) override;

  std::vector<BaselineResult> results_of(Id pupil_id) override;
  std::optional<BaselineResult> result(Id id) override;
  Id insert_result(const BaselineResult& result) override;

  std::optional<SdqBands> sdq_bands(SdqVersion version) override;
  void put_sdq_bands(SdqVersion version, const SdqBands& bands) override;

  std::vector<LearningPathway> pathways_of(Id pupil_id) override;
  std::optional<LearningPathway> pathway(Id pupil_id, Id subject_id) override;
  void put_pathway(const LearningPathway& pathway) override;

  std::vector<FurtherAssessment> further_assessments_of(Id pupil_id) override;
  std::optional<FurtherAssessment> further_assessment(Id id) override;
  Id insert_further_assessment(const FurtherAssessment& request) override;
  void update_further_assessment(const FurtherAssessment& request) override;

 private:
  Db& db_;
};

}  // namespace waymark::store::sqlite
