#include "core/exit_ticket.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

namespace waymark {

std::optional<double> ExitTicket::percent() const {
  if (!score || !max_score || *max_score <= 0) return std::nullopt;
  return *score * 100.0 / *max_score;
}

std::string trimmed(const std::string& text) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  auto begin = std::find_if_not(text.begin(), text.end(), space);
  auto end = std::find_if_not(text.rbegin(), text.rend(), space).base();
  return begin < end ? std::string(begin, end) : std::string();
}

namespace {

void check_text(ErrorList& errors, const char* field, const std::string& text, std::size_t limit) {
  if (text.size() > limit) errors.add(field, fmt::format("must be at most {} characters", limit));
}

void check_title(ErrorList& errors, const char* field, const std::string& text) {
  if (trimmed(text).empty())
    errors.add(field, "is required");
  else
    check_text(errors, field, text, kMaxTopicLength);
}

}  // namespace

Status validate_exit_ticket(const ExitTicket& ticket, Date today) {
  ErrorList errors;
  if (ticket.pupil_id <= 0) errors.add("pupil_id", "is required");
  if (ticket.subject_id <= 0) errors.add("subject_id", "is required");
  if (ticket.lesson_date > today) errors.add("lesson_date", "is in the future");
  check_title(errors, "topic", ticket.topic);
  if (ticket.max_score) {
    if (*ticket.max_score <= 0 || *ticket.max_score > kMaxExitTicketScore)
      errors.add("max_score", fmt::format("must be above 0 and at most {}", kMaxExitTicketScore));
  }
  if (ticket.score) {
    if (!ticket.max_score)
      errors.add("max_score", "is required with a score (the score is out of what?)");
    else if (*ticket.score < 0 || *ticket.score > *ticket.max_score)
      errors.add("score", fmt::format("must be 0 to {}", *ticket.max_score));
    if (!ticket.grade.empty()) errors.add("grade", "give a score or a grade, not both");
  }
  if (!ticket.grade.empty() && ticket.grade_scale.empty())
    errors.add("grade_scale", "is required with a grade");
  check_text(errors, "mark", ticket.mark, kMaxMarkLength);
  check_text(errors, "comment", ticket.comment, kMaxCommentLength);
  check_text(errors, "self_assessment", ticket.self_assessment, kMaxCommentLength);
  check_text(errors, "pupil_response", ticket.pupil_response, kMaxCommentLength);
  check_text(errors, "redraft", ticket.redraft, kMaxCommentLength);
  if (!errors.empty()) return errors.to_error();
  return {};
}

Status validate_marked_work(const MarkedWork& work, Date today) {
  ErrorList errors;
  if (work.pupil_id <= 0) errors.add("pupil_id", "is required");
  if (work.subject_id <= 0) errors.add("subject_id", "is required");
  check_title(errors, "title", work.title);
  if (work.work_date > today) errors.add("work_date", "is in the future");
  check_text(errors, "feedback", work.feedback, kMaxCommentLength);
  check_text(errors, "self_assessment", work.self_assessment, kMaxCommentLength);
  check_text(errors, "pupil_response", work.pupil_response, kMaxCommentLength);
  check_text(errors, "redraft", work.redraft, kMaxCommentLength);
  if (!errors.empty()) return errors.to_error();
  return {};
}

std::vector<SubjectTicketSummary> summarise_exit_tickets(std::vector<ExitTicket> tickets) {
  std::stable_sort(tickets.begin(), tickets.end(), [](const ExitTicket& a, const ExitTicket& b) {
    return a.lesson_date < b.lesson_date;
  });
  std::map<Id, SubjectTicketSummary> by_subject;
  std::map<Id, double> percent_total;
  for (const ExitTicket& ticket : tickets) {
    SubjectTicketSummary& summary = by_subject[ticket.subject_id];
    summary.subject_id = ticket.subject_id;
    ++summary.count;
    if (std::find(summary.topics.begin(), summary.topics.end(), ticket.topic) ==
        summary.topics.end())
      summary.topics.push_back(ticket.topic);
    if (auto percent = ticket.percent()) {
      ++summary.scored;
      percent_total[ticket.subject_id] += *percent;
    }
  }
  std::vector<SubjectTicketSummary> result;
  for (auto& [subject_id, summary] : by_subject) {
    if (summary.scored > 0) summary.mean_percent = percent_total[subject_id] / summary.scored;
    result.push_back(std::move(summary));
  }
  return result;
}

}  // namespace waymark
