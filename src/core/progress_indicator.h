// The progress indicator on each feedback form: Working Towards, Meeting or Exceeding. Waymark
// proposes it and the teacher confirms or overrides it, giving a reason for an override.
//   KS3 (Years 7-9): the working-at grade against the expectation for the pupil's year and term,
//   taken from an editable table.
//   KS4 (Years 10-11): the working-at grade against the pupil's own KS4 target, compared by whole
//   GCSE grade, so 6-, 6 and 6+ all meet a target of 6.
// Outside Years 7-11, or when data is missing, there is no proposal, only a reason.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/grade_scale.h"
#include "core/result.h"

namespace waymark {

enum class ProgressIndicator { WorkingTowards, Meeting, Exceeding };

// "working_towards", "meeting", "exceeding": the stored form, and the codes of the standard
// "progress" grade scale.
const char* to_string(ProgressIndicator indicator);
const char* label(ProgressIndicator indicator);  // "Working Towards", "Meeting", "Exceeding"
// Accepts the stored form or the label, ignoring case and surrounding spaces. Fails with Invalid on
// `field`, naming the three choices.
Result<ProgressIndicator> parse_progress_indicator(std::string_view text,
                                                   const std::string& field = "progress_indicator");

enum class SchoolTerm { Autumn, Spring, Summer };

const char* label(SchoolTerm term);  // "Autumn", "Spring", "Summer"

// What Meeting means for one KS3 year group in one term: a working-at grade from `meeting_from` to
// `meeting_to` inclusive (codes on the working-at grade's scale, normally "ks3"). Below is Working
// Towards, above is Exceeding. A single expected grade is a range of one.
struct Ks3Expectation {
  int nc_year = 7;  // 7, 8 or 9
  SchoolTerm term = SchoolTerm::Autumn;
  std::string meeting_from;
  std::string meeting_to;
};

// The default table, for every KS3 year and term: Meeting is Secure (S-, S or S+). The KS3 scale's
// descriptors are relative to the pupil's stage (policy: Secure means "the expected level ...
// appropriate for their stage"), so Secure is the expectation in every year and term, and - and +
// are fine steps within it, as 6- and 6+ are within a GCSE 6. A school whose grades are
// cumulative across the key stage edits the table (data, not code).
const std::vector<Ks3Expectation>& default_ks3_expectations();

// Checks an edited table against the scale its codes belong to: years 7-9, both codes on `scale`,
// `meeting_from` no better than `meeting_to`, and each year and term at most once. Fails with
// Invalid on fields such as "expectations[3].meeting_to" (counting from 1), listing every problem.
Status validate_ks3_expectations(const std::vector<Ks3Expectation>& expectations,
                                 const GradeScale& scale);

// A grade with the scale it was recorded on. `scale` must outlive the value.
struct GradeOnScale {
  const GradeScale* scale = nullptr;  // REQUIRES: not null
  Grade grade;
};

struct ProposalInput {
  int nc_year = 0;  // the pupil's National Curriculum year
  SchoolTerm term = SchoolTerm::Autumn;
  std::optional<GradeOnScale> working_at = std::nullopt;
  std::optional<GradeOnScale> ks4_target = std::nullopt;  // used in Years 10-11 only
};

struct ProgressProposal {
  std::optional<ProgressIndicator> indicator =
      std::nullopt;  // nullopt: no proposal; `reason` says why
  // One sentence for the teacher, e.g. "Working at 5 against a KS4 target of 6: Working Towards"
  // or "No KS4 target recorded".
  std::string reason;
};

// Proposes an indicator. Never fails: missing or incomparable data gives no proposal, with a
// reason. REQUIRES: `expectations` passes validate_ks3_expectations for the working-at scale, or
// its codes are simply not found on it (then no proposal).
ProgressProposal propose_indicator(
    const ProposalInput& input,
    const std::vector<Ks3Expectation>& expectations = default_ks3_expectations());

// The teacher's decision. Choosing an indicator other than the proposed one is an override and
// needs a reason; with no proposal, any choice stands without one. Fails with Invalid on `field`
// ("give a reason for choosing Meeting rather than the proposed Working Towards").
Status check_indicator_choice(const ProgressProposal& proposal, ProgressIndicator chosen,
                              std::string_view override_reason,
                              const std::string& field = "override_reason");

}  // namespace waymark
