// The home school's data for one placement (policy 000 ¶1, policy 004 §4.3): Maths and English
// working-at grades, end-of-KS4 and end-of-KS3 targets, the exam boards the home school's
// departments use, KS2 scaled scores, notes; and the work the home school wants completed.
// Grades are held as a code plus the key of the scale it is on; app/ checks the code against the
// scale (core has no access to stored scales).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"

namespace waymark {

enum class ExamBoard { Aqa, PearsonEdexcel, Ocr, WjecEduqas, Other };
const char* to_string(ExamBoard board);  // "aqa", "pearson_edexcel", "ocr", "wjec_eduqas", "other"
const char* label(ExamBoard board);      // "AQA", "Pearson Edexcel", "OCR", "WJEC Eduqas", "Other"
// Accepts the stored form or the label, ignoring case. Invalid on `field`, naming the choices.
Result<ExamBoard> parse_exam_board(std::string_view text, const std::string& field);
const std::vector<ExamBoard>& all_exam_boards();

// A grade as stored: its code and the scale it is on.
struct GradeRef {
  std::string scale_key;  // "gcse_fine", "ks3"
  std::string code;       // "5+", "S-"
  bool operator==(const GradeRef&) const = default;
};

// One subject's data from the home school.
struct SubjectIntake {
  std::optional<GradeRef> working_at;
  std::optional<GradeRef> ks4_target;
  std::optional<GradeRef> ks3_target;  // where it applies (pupils in KS3)
  std::optional<ExamBoard> exam_board;
  std::string exam_board_other;  // the board's name when exam_board is Other
  bool operator==(const SubjectIntake&) const = default;
};

inline constexpr int kKs2ScaledScoreMin = 80;
inline constexpr int kKs2ScaledScoreMax = 120;
inline constexpr std::size_t kMaxIntakeNotesLength = 4000;

struct Intake {
  Id placement_id = 0;
  Id pupil_id = 0;  // the placement's pupil, filled by reads
  SubjectIntake maths;
  SubjectIntake english;
  std::optional<int> ks2_reading;  // KS2 scaled scores, 80-120
  std::optional<int> ks2_maths;
  std::string notes;
  Id updated_by = 0;
  std::int64_t updated_at = 0;
  std::string updated_by_name;  // filled by reads
};

// Checks what core can: KS2 scores 80-120 (fields "ks2_reading", "ks2_maths"); an exam board of
// Other needs its name and other boards none ("maths.exam_board_other"); the name and the notes
// not too long. Every problem is reported. Grades are checked by app/ against their scales.
Status validate_intake(const Intake& intake);

enum class WorkStatus { Set, InProgress, Completed };
const char* to_string(WorkStatus status);  // "set", "in_progress", "completed"
const char* label(WorkStatus status);      // "Set", "In progress", "Completed"
Result<WorkStatus> parse_work_status(std::string_view text, const std::string& field = "status");

inline constexpr std::size_t kMaxWorkTitleLength = 200;

// A piece of work the home school wants completed, tracked to completion.
struct HomeSchoolWork {
  Id id = 0;
  Id placement_id = 0;
  std::string title;    // "Maths revision pack, unit 4"
  std::string subject;  // free text: the home school's subject name
  std::string details;
  Date set_date;
  std::optional<Date> due_date;
  WorkStatus status = WorkStatus::Set;
  std::optional<Date> completed_date;  // only when completed
  Id updated_by = 0;
  std::int64_t updated_at = 0;
};

// Title required (at most 200 characters); subject at most 100; details at most 4000; due date not
// before the set date; a completed item has a completed date, not before the set date, and an item
// not completed has none. Every problem is reported, each on its field.
Status validate_home_school_work(const HomeSchoolWork& work);

}  // namespace waymark
