#include "core/feedback_form.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

namespace waymark {

namespace {

std::string lower_trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

// Characters, not bytes: UTF-8 continuation bytes are not counted.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

const char* to_string(FeedbackFormStatus status) {
  switch (status) {
    case FeedbackFormStatus::Draft:
      return "draft";
    case FeedbackFormStatus::Ready:
      return "ready";
    case FeedbackFormStatus::Sent:
      return "sent";
  }
  return "draft";
}

const char* label(FeedbackFormStatus status) {
  switch (status) {
    case FeedbackFormStatus::Draft:
      return "Draft";
    case FeedbackFormStatus::Ready:
      return "Ready to send";
    case FeedbackFormStatus::Sent:
      return "Sent";
  }
  return "Draft";
}

Result<FeedbackFormStatus> parse_feedback_form_status(std::string_view text,
                                                      const std::string& field) {
  const std::string key = lower_trimmed(text);
  for (auto status :
       {FeedbackFormStatus::Draft, FeedbackFormStatus::Ready, FeedbackFormStatus::Sent})
    if (key == to_string(status)) return status;
  return Error::invalid(field, "must be draft, ready or sent");
}

const char* atl_label(int atl) {
  switch (atl) {
    case 4:
      return "Exceptional";
    case 3:
      return "Good";
    case 2:
      return "Requires Improvement";
    case 1:
      return "Poor";
    default:
      return "";
  }
}

Status validate_feedback_form(const FeedbackForm& form) {
  ErrorList errors;
  if (characters(form.comment) > kMaxFeedbackCommentLength)
    errors.add("comment", fmt::format("must be at most {} characters", kMaxFeedbackCommentLength));
  if (form.attendance_percent &&
      (*form.attendance_percent < 0.0 || *form.attendance_percent > 100.0))
    errors.add("attendance_percent", "must be between 0 and 100");
  std::set<Id> seen;
  for (std::size_t subject_idx = 0; subject_idx < form.subjects.size(); ++subject_idx) {
    const FeedbackFormSubject& subject = form.subjects[subject_idx];
    const std::string prefix = fmt::format("subjects[{}].", subject_idx + 1);
    if (subject.subject_id <= 0) {
      errors.add(prefix + "subject_id", "choose a subject");
    } else if (!seen.insert(subject.subject_id).second) {
      errors.add(prefix + "subject_id", "is on the form twice");
    }
    if (subject.topics.size() > kMaxFeedbackTopics)
      errors.add(prefix + "topics", fmt::format("list at most {} topics", kMaxFeedbackTopics));
    for (const std::string& topic : subject.topics) {
      if (blank(topic)) {
        errors.add(prefix + "topics", "a topic cannot be blank");
        break;
      }
      if (characters(topic) > kMaxFeedbackTopicLength) {
        errors.add(prefix + "topics", fmt::format("each topic must be at most {} characters",
                                                  kMaxFeedbackTopicLength));
        break;
      }
    }
    if (subject.atl && (*subject.atl < 1 || *subject.atl > 4))
      errors.add(prefix + "atl",
                 "must be 1 (Poor), 2 (Requires Improvement), 3 (Good) or 4 (Exceptional)");
    if (characters(subject.override_reason) > kMaxOverrideReasonLength) {
      errors.add(prefix + "override_reason",
                 fmt::format("must be at most {} characters", kMaxOverrideReasonLength));
    } else if (subject.indicator) {
      ProgressProposal proposal{subject.proposed, subject.proposal_reason};
      if (auto choice = check_indicator_choice(proposal, *subject.indicator,
                                               subject.override_reason, prefix + "override_reason");
          !choice.ok())
        errors.add_all(choice.error());
    }
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

Status check_feedback_form_complete(const FeedbackForm& form) {
  ErrorList errors;
  if (form.subjects.empty()) errors.add("subjects", "add at least one subject");
  for (std::size_t subject_idx = 0; subject_idx < form.subjects.size(); ++subject_idx) {
    const FeedbackFormSubject& subject = form.subjects[subject_idx];
    const std::string prefix = fmt::format("subjects[{}].", subject_idx + 1);
    if (!subject.atl) errors.add(prefix + "atl", "give an attitude to learning grade (1-4)");
    if (!subject.indicator)
      errors.add(prefix + "indicator", "choose Exceeding, Meeting or Working Towards");
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

Status check_feedback_status_change(FeedbackFormStatus from, FeedbackFormStatus to) {
  using S = FeedbackFormStatus;
  if (from == S::Sent)
    return Error::invalid(
        "status", "this form has been sent and is locked: correct it to make a new version");
  if ((from == S::Draft && to == S::Ready) || (from == S::Ready && to == S::Draft) ||
      (from == S::Ready && to == S::Sent))
    return {};
  if (from == S::Draft && to == S::Sent)
    return Error::invalid("status", "mark the form as ready before sending it");
  return Error::invalid("status", fmt::format("the form is already {}", label(from)));
}

Status check_feedback_form_editable(const FeedbackForm& form) {
  if (form.status == FeedbackFormStatus::Sent)
    return Error::conflict(
        "status", "this form has been sent and is locked: correct it to make a new version");
  return {};
}

}  // namespace waymark
