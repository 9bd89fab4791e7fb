#include "core/target.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace waymark {

Status validate_target(const Target& target, IsRevision revision) {
  ErrorList errors;
  if (target.pupil_id <= 0) errors.add("pupil_id", "is required");
  if (target.subject_id <= 0) errors.add("subject_id", "choose a subject");
  if (target.grade_code.empty()) errors.add("grade", "enter a target grade");
  const bool blank_reason = std::all_of(target.reason.begin(), target.reason.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c));
  });
  if (revision == IsRevision::Yes && blank_reason)
    errors.add("reason", "say why the target is being changed");
  if (target.reason.size() > kMaxTargetReasonLength)
    errors.add("reason", fmt::format("must be at most {} characters", kMaxTargetReasonLength));
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace waymark
