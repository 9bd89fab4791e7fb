// The 3-weekly feedback form (policy 000 ¶4-6): one per pupil per placement per feedback period,
// with a row per subject (topics learnt, attitude to learning 1-4, the working-at grade, the
// proposed and the chosen progress indicator). A form moves draft -> ready -> sent; a sent form is
// locked, and a correction is a new version (version + 1, superseding the sent one) that starts as
// a draft. Both versions are kept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/progress_indicator.h"
#include "core/result.h"

namespace waymark {

enum class FeedbackFormStatus { Draft, Ready, Sent };
const char* to_string(FeedbackFormStatus status);  // "draft", "ready", "sent"
const char* label(FeedbackFormStatus status);      // "Draft", "Ready to send", "Sent"
Result<FeedbackFormStatus> parse_feedback_form_status(std::string_view text,
                                                      const std::string& field = "status");

// ATL (policy 000): 4 Exceptional, 3 Good, 2 Requires Improvement, 1 Poor.
const char* atl_label(int atl);  // "" outside 1..4

struct FeedbackFormSubject {
  Id subject_id = 0;
  std::string subject_name;         // filled by reads
  std::vector<std::string> topics;  // topics learnt in the period, in the order taught
  std::optional<int> atl;           // 1..4; nullopt until the teacher grades it
  std::string working_at_scale;     // grade scale key, e.g. "gcse_fine" or "ks3"; "" when none
  std::string working_at;           // the grade's code on that scale; "" when none
  std::optional<ProgressIndicator> proposed;   // Waymark's proposal (nullopt: none)
  std::string proposal_reason;                 // why, in one sentence
  std::optional<ProgressIndicator> indicator;  // the teacher's choice
  std::string override_reason;                 // required when the choice differs from proposed
  bool operator==(const FeedbackFormSubject&) const = default;
};

struct FeedbackForm {
  Id id = 0;
  Id pupil_id = 0;
  Id placement_id = 0;
  Id provider_id = 0;
  int period_number = 0;  // 1 for the placement's first period
  Date period_start;
  Date period_end;
  int version = 1;
  Id supersedes_id = 0;  // the sent form this version corrects; 0 for the first version
  FeedbackFormStatus status = FeedbackFormStatus::Draft;
  // From the registers over the period when the form is created (app/attendance_queries.h);
  // empty when no session was possible, and the form then says "not yet recorded in Waymark".
  std::optional<double> attendance_percent;
  std::string comment;  // at most kMaxFeedbackCommentLength characters
  std::vector<FeedbackFormSubject> subjects;
  Id created_by = 0;
  std::int64_t created_at = 0;
  Id updated_by = 0;
  std::int64_t updated_at = 0;  // also the record's version for stale-form checks
  Id sent_by = 0;
  std::optional<std::int64_t> sent_at;
  bool operator==(const FeedbackForm&) const = default;
};

inline constexpr std::size_t kMaxFeedbackCommentLength = 600;
inline constexpr std::size_t kMaxFeedbackTopics = 20;
inline constexpr std::size_t kMaxFeedbackTopicLength = 200;
inline constexpr std::size_t kMaxOverrideReasonLength = 600;

// Validates what a teacher can change on a form, reporting every problem with its field:
// comment at most 600 characters ("comment"); per subject (N counting from 1): a subject id
// ("subjects[N].subject_id"), no subject twice, at most 20 topics each 1..200 characters after
// trimming ("subjects[N].topics"), ATL 1..4 ("subjects[N].atl"), an override reason of at most 600
// characters, and, when an indicator is chosen, core's check_indicator_choice against the
// proposal ("subjects[N].override_reason"). Attendance, when given, 0..100 ("attendance_percent").
Status validate_feedback_form(const FeedbackForm& form);

// Stricter checks before a form may be marked ready or sent: at least one subject ("subjects"),
// and each subject with an ATL grade and an indicator chosen.
Status check_feedback_form_complete(const FeedbackForm& form);

// The allowed moves: draft -> ready, ready -> draft (back for changes), ready -> sent. A sent form
// never moves: it is corrected by a new version. Invalid on "status" otherwise, saying why.
Status check_feedback_status_change(FeedbackFormStatus from, FeedbackFormStatus to);

// Whether the form may be edited: drafts and ready forms. A sent form answers Conflict on
// "status": "this form has been sent and is locked: correct it to make a new version".
Status check_feedback_form_editable(const FeedbackForm& form);

}  // namespace waymark
