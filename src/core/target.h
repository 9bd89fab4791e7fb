// Targets (policy 004 §4.5): a subject teacher sets a target grade per pupil and subject, on that
// subject's scale, from the baseline. Every revision is kept (who, when, why); the current target
// is the latest. A revision must say why.
#pragma once

#include <cstdint>
#include <string>

#include "core/ids.h"
#include "core/result.h"

namespace waymark {

inline constexpr std::size_t kMaxTargetReasonLength = 1000;

struct Target {
  Id id = 0;
  Id pupil_id = 0;
  Id subject_id = 0;
  std::string scale_key;   // the scale the grade is on: the subject's scale for the pupil's stage
  std::string grade_code;  // a code on that scale, checked by app/
  std::string reason;      // why it was set or revised
  Id set_by = 0;
  std::int64_t set_at = 0;
  std::string set_by_name;   // filled by reads
  std::string subject_name;  // filled by reads
};

enum class IsRevision { No, Yes };

// A target's own fields: pupil and subject given (fields "pupil_id", "subject_id"), a grade code
// ("grade"), the reason at most 1000 characters, and a reason given when it revises an earlier
// target ("reason": "say why the target is being changed").
Status validate_target(const Target& target, IsRevision revision);

}  // namespace waymark
