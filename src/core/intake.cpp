#include "core/intake.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace waymark {

namespace {

struct BoardInfo {
  ExamBoard board;
  const char* key;
  const char* label;
};
constexpr BoardInfo kBoards[] = {
    {ExamBoard::Aqa, "aqa", "AQA"},
    {ExamBoard::PearsonEdexcel, "pearson_edexcel", "Pearson Edexcel"},
    {ExamBoard::Ocr, "ocr", "OCR"},
    {ExamBoard::WjecEduqas, "wjec_eduqas", "WJEC Eduqas"},
    {ExamBoard::Other, "other", "Other"},
};

std::string lower_trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

void check_subject(ErrorList& errors, const std::string& prefix, const SubjectIntake& subject) {
  const bool other = subject.exam_board == ExamBoard::Other;
  if (other && blank(subject.exam_board_other))
    errors.add(prefix + ".exam_board_other", "give the exam board's name");
  if (!other && !subject.exam_board_other.empty())
    errors.add(prefix + ".exam_board_other", "is only for an exam board of Other");
  if (subject.exam_board_other.size() > 100)
    errors.add(prefix + ".exam_board_other", "must be at most 100 characters");
}

void check_score(ErrorList& errors, const char* field, const std::optional<int>& score) {
  if (score && (*score < kKs2ScaledScoreMin || *score > kKs2ScaledScoreMax))
    errors.add(field, fmt::format("a KS2 scaled score is {} to {}", kKs2ScaledScoreMin,
                                  kKs2ScaledScoreMax));
}

struct StatusInfo {
  WorkStatus status;
  const char* key;
  const char* label;
};
constexpr StatusInfo kStatuses[] = {
    {WorkStatus::Set, "set", "Set"},
    {WorkStatus::InProgress, "in_progress", "In progress"},
    {WorkStatus::Completed, "completed", "Completed"},
};

}  // namespace

const char* to_string(ExamBoard board) {
  for (const auto& info : kBoards)
    if (info.board == board) return info.key;
  return "other";
}

const char* label(ExamBoard board) {
  for (const auto& info : kBoards)
    if (info.board == board) return info.label;
  return "Other";
}

Result<ExamBoard> parse_exam_board(std::string_view text, const std::string& field) {
  const std::string wanted = lower_trimmed(text);
  for (const auto& info : kBoards)
    if (wanted == info.key || wanted == lower_trimmed(info.label)) return info.board;
  return Error::invalid(field, fmt::format("'{}' is not an exam board (use AQA, Pearson Edexcel, "
                                           "OCR, WJEC Eduqas or Other)",
                                           text));
}

const std::vector<ExamBoard>& all_exam_boards() {
  static const std::vector<ExamBoard> boards = {ExamBoard::Aqa, ExamBoard::PearsonEdexcel,
                                                ExamBoard::Ocr, ExamBoard::WjecEduqas,
                                                ExamBoard::Other};
  return boards;
}

Status validate_intake(const Intake& intake) {
  ErrorList errors;
  check_subject(errors, "maths", intake.maths);
  check_subject(errors, "english", intake.english);
  check_score(errors, "ks2_reading", intake.ks2_reading);
  check_score(errors, "ks2_maths", intake.ks2_maths);
  if (intake.notes.size() > kMaxIntakeNotesLength)
    errors.add("notes", fmt::format("must be at most {} characters", kMaxIntakeNotesLength));
  if (!errors.empty()) return errors.to_error();
  return {};
}

const char* to_string(WorkStatus status) {
  for (const auto& info : kStatuses)
    if (info.status == status) return info.key;
  return "set";
}

const char* label(WorkStatus status) {
  for (const auto& info : kStatuses)
    if (info.status == status) return info.label;
  return "Set";
}

Result<WorkStatus> parse_work_status(std::string_view text, const std::string& field) {
  const std::string wanted = lower_trimmed(text);
  for (const auto& info : kStatuses)
    if (wanted == info.key || wanted == lower_trimmed(info.label)) return info.status;
  return Error::invalid(
      field, fmt::format("'{}' is not a status (use set, in_progress or completed)", text));
}

Status validate_home_school_work(const HomeSchoolWork& work) {
  ErrorList errors;
  if (blank(work.title))
    errors.add("title", "is required");
  else if (work.title.size() > kMaxWorkTitleLength)
    errors.add("title", fmt::format("must be at most {} characters", kMaxWorkTitleLength));
  if (work.subject.size() > 100) errors.add("subject", "must be at most 100 characters");
  if (work.details.size() > 4000) errors.add("details", "must be at most 4000 characters");
  if (work.due_date && *work.due_date < work.set_date)
    errors.add("due_date", "must not be before the date the work was set");
  if (work.status == WorkStatus::Completed) {
    if (!work.completed_date)
      errors.add("completed_date", "give the date the work was completed");
    else if (*work.completed_date < work.set_date)
      errors.add("completed_date", "must not be before the date the work was set");
  } else if (work.completed_date) {
    errors.add("completed_date", "is only for completed work");
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace waymark
