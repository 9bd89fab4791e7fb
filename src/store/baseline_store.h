// Persistence for the baseline area (issue 3, item 3): instruments per organisation, results per
// pupil (SDQ results as their 25 item scores), SDQ band cut-offs as data, learning pathways and
// requests for further assessment. Reached as connection.baselines(), so its writes share the
// connection's transaction.
//
// Contract: reads return nullopt / empty when nothing matches and do no authorisation (app/ does);
// values are bound as parameters; database faults throw StoreFault.
#pragma once

#include <optional>
#include <vector>

#include "core/baseline.h"
#include "core/ids.h"
#include "core/result.h"
#include "core/sdq.h"

namespace waymark::store {

class BaselineStore {
 public:
  virtual ~BaselineStore() = default;

  // Instruments, ordered by domain then name.
  virtual std::vector<BaselineInstrument> instruments_of(Id organisation_id) = 0;
  virtual std::optional<BaselineInstrument> instrument(Id id) = 0;
  // Conflict on field "name" when the organisation already has an instrument of that name.
  virtual Result<Id> insert_instrument(const BaselineInstrument& instrument) = 0;
  virtual Status update_instrument(const BaselineInstrument& instrument) = 0;

  // Results of a pupil, oldest assessment first (ties by id).
  virtual std::vector<BaselineResult> results_of(Id pupil_id) = 0;
  virtual std::optional<BaselineResult> result(Id id) = 0;
  virtual Id insert_result(const BaselineResult& result) = 0;

  // The stored SDQ cut-offs for a version, or nullopt when none are stored (use core's defaults).
  virtual std::optional<SdqBands> sdq_bands(SdqVersion version) = 0;
  // Replaces the version's cut-offs. REQUIRES: validate_sdq_bands(bands) succeeds.
  virtual void put_sdq_bands(SdqVersion version, const SdqBands& bands) = 0;

  // Pathways of a pupil, by subject id; one current pathway per pupil and subject.
  virtual std::vector<LearningPathway> pathways_of(Id pupil_id) = 0;
  virtual std::optional<LearningPathway> pathway(Id pupil_id, Id subject_id) = 0;
  virtual void put_pathway(const LearningPathway& pathway) = 0;  // insert or replace

  // Further assessment requests of a pupil, newest request first.
  virtual std::vector<FurtherAssessment> further_assessments_of(Id pupil_id) = 0;
  virtual std::optional<FurtherAssessment> further_assessment(Id id) = 0;
  virtual Id insert_further_assessment(const FurtherAssessment& request) = 0;
  virtual void update_further_assessment(const FurtherAssessment& request) = 0;
};

}  // namespace waymark::store
