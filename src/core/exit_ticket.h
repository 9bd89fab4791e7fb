// Exit tickets (policy 000 ¶4) and marked work (policy 000 ¶3, policy 002 "Feedback to children"):
// what a teacher records at the end of a lesson or when marking a piece of work, and the pupil's
// self-assessment, response to feedback and redraft. Pure values and their validation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"

namespace waymark {

// A teacher's mark on an exit ticket: the usual ticks, or free text ("2 of 3 steps").
inline constexpr const char* kExitTicketMarks[] = {"correct", "partial", "incorrect"};

// One exit ticket: a pupil, a subject, a lesson date and a topic. The key (pupil, subject, lesson
// date, topic) is unique, so saving the same key again updates the same ticket.
struct ExitTicket {
  Id id = 0;
  Id pupil_id = 0;
  Id organisation_id = 0;  // the provider that recorded it (the subject's organisation)
  Id subject_id = 0;
  Id teaching_group_id = 0;  // 0 when not recorded for a group
  Date lesson_date;
  std::string topic;
  // The result: a score out of a maximum, or a grade on a scale, or neither yet (not marked).
  std::optional<double> score;
  std::optional<double> max_score;
  std::string grade;            // the grade's code on `grade_scale`; "" when scored
  std::string grade_scale;      // the scale's key ("gcse_fine"); "" when scored
  std::string mark;             // one of kExitTicketMarks, or free text; "" when not marked
  std::string comment;          // the teacher's comment
  std::string self_assessment;  // the pupil's: "1".."3" or words
  std::string pupil_response;   // the pupil's response to feedback
  std::string redraft;          // the redraft (or a note of it); "" when none
  Id recorded_by = 0;
  std::int64_t recorded_at = 0;
  std::int64_t updated_at = 0;

  // The score as a percentage of the maximum, when scored.
  std::optional<double> percent() const;
};

// A piece of marked work of any kind (classwork, homework, an assessment).
struct MarkedWork {
  Id id = 0;
  Id pupil_id = 0;
  Id organisation_id = 0;
  Id subject_id = 0;
  std::string title;
  Date work_date;
  std::string feedback;  // the teacher's feedback ("red pen")
  std::string self_assessment;
  std::string pupil_response;  // "purple pen"
  std::string redraft;
  Id recorded_by = 0;
  std::int64_t recorded_at = 0;
  std::int64_t updated_at = 0;
};

inline constexpr std::size_t kMaxTopicLength = 200;
inline constexpr std::size_t kMaxCommentLength = 4000;
inline constexpr std::size_t kMaxMarkLength = 40;
inline constexpr double kMaxExitTicketScore = 1000;

// Checks an exit ticket, reporting every problem with its field: pupil_id and subject_id set;
// lesson_date not after `today`; topic 1..200 characters; a score needs max_score, is 0..max and
// max_score is above 0 and at most 1000; not both a score and a grade (field "grade"); a grade
// needs grade_scale; mark at most 40 characters; free texts at most 4000. Whether the grade is on
// its scale is the caller's check (scales are data).
Status validate_exit_ticket(const ExitTicket& ticket, Date today);

// Checks marked work: pupil_id and subject_id set; title 1..200 characters; work_date not after
// `today`; free texts at most 4000 characters.
Status validate_marked_work(const MarkedWork& work, Date today);

// Trims surrounding white space (topics are compared after trimming).
std::string trimmed(const std::string& text);

// Per subject, within a window: the distinct topics in lesson-date order (first occurrence), how
// many tickets, and the mean percentage of the scored ones.
struct SubjectTicketSummary {
  Id subject_id = 0;
  std::vector<std::string> topics;
  int count = 0;
  int scored = 0;
  std::optional<double> mean_percent;
};
// `tickets` in any order; the result is ordered by subject id.
std::vector<SubjectTicketSummary> summarise_exit_tickets(std::vector<ExitTicket> tickets);

}  // namespace waymark
