// Attendance statistics: sessions possible and attended, the attendance rate and the persistent
// (10%+) and severe (50%+) absence flags, per pupil over a period. The period is whatever
// sessions the caller supplies (a half term, a term, the year to date).
//
// Two entry points: summarise() over an AttendanceMatrix, a columnar store of one byte per pupil
// per session for whole-cohort reports (50,000 pupils x 380 sessions in a few milliseconds), and
// summarise_marks() over one pupil's register marks as the app layer holds them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/attendance_code.h"
#include "core/date.h"
#include "core/placement.h"
#include "core/result.h"

namespace waymark {

// How many threads a computation may use, counting the caller's. 0 is treated as 1.
struct ThreadCount {
  unsigned value = 1;
};

// One byte per pupil per session, pupil-major (a pupil's sessions are contiguous). A cell holds
// an AttendanceCategory's value or kNoMark (no register mark: not on roll, not timetabled, or not
// yet taken). Any other value is counted as kNoMark.
class AttendanceMatrix {
 public:
  static constexpr std::uint8_t kNoMark = 255;

  // Every cell starts as kNoMark.
  AttendanceMatrix(std::size_t pupils, std::size_t sessions);

  std::size_t pupils() const { return pupils_; }
  std::size_t sessions() const { return sessions_; }

  // REQUIRES: pupil_idx < pupils(), session_idx < sessions().
  void set(std::size_t pupil_idx, std::size_t session_idx, AttendanceCategory category) {
    cells_[pupil_idx * sessions_ + session_idx] = static_cast<std::uint8_t>(category);
  }
  void clear(std::size_t pupil_idx, std::size_t session_idx) {
    cells_[pupil_idx * sessions_ + session_idx] = kNoMark;
  }
  std::uint8_t at(std::size_t pupil_idx, std::size_t session_idx) const {
    return cells_[pupil_idx * sessions_ + session_idx];
  }
  // A pupil's sessions, for filling or reading in bulk. REQUIRES: pupil_idx < pupils().
  std::span<std::uint8_t> row(std::size_t pupil_idx) {
    return {cells_.data() + pupil_idx * sessions_, sessions_};
  }
  std::span<const std::uint8_t> row(std::size_t pupil_idx) const {
    return {cells_.data() + pupil_idx * sessions_, sessions_};
  }

 private:
  std::size_t pupils_;
  std::size_t sessions_;
  std::vector<std::uint8_t> cells_;
};

struct AttendanceSummary {
  int possible = 0;      // present + approved + authorised + unauthorised
  int present = 0;       // includes late before the register closed (L)
  int approved = 0;      // approved educational activity (B, K, P, V, W)
  int authorised = 0;    // authorised absence
  int unauthorised = 0;  // unauthorised absence (including U, late after the register closed)
  // (present + approved) / possible, from 0 to 1. None when there are no possible sessions: a
  // pupil with nothing to attend has no rate, which is different from a rate of 0.
  std::optional<double> rate;
  bool persistent = false;  // absent from 10% or more of possible sessions (never when none)
  bool severe = false;      // absent from 50% or more of possible sessions (never when none)

  int absent() const { return authorised + unauthorised; }
  bool operator==(const AttendanceSummary&) const = default;
};

// The summary for these counts. The thresholds are compared in whole numbers (absent * 10 >=
// possible), so exactly 10% and exactly 50% set the flags. Negative counts are the caller's bug.
AttendanceSummary make_summary(int present, int approved, int authorised, int unauthorised);

// One summary per pupil, in pupil order. Splits the pupils into `threads` contiguous ranges, one
// std::thread each (the caller's thread takes the first). NotCounted, Administrative and no-mark
// cells are not possible sessions. Thread safety: reads `matrix` only; do not modify it meanwhile.
std::vector<AttendanceSummary> summarise(const AttendanceMatrix& matrix, ThreadCount threads);

// A register mark as the app layer holds it.
struct AttendanceMark {
  Date date;
  Session session = Session::Am;
  std::string code;                 // as recorded: "/", "L", "N", ...
  std::optional<int> minutes_late;  // with L or U only: minutes after the session began
};

// One pupil's summary over `marks` (any order). Every problem is reported at once, as Invalid with
// fields "marks[i].code" (not a code valid on that date, see AttendanceCodeBook::lookup),
// "marks[i].minutes_late" (only with L or U; 1 to 240) and "marks[i]" (a second mark for the same
// date and session).
Result<AttendanceSummary> summarise_marks(const std::vector<AttendanceMark>& marks,
                                          const AttendanceCodeBook& book);

// A rate as a percentage to one decimal place, as DfE statistics publish it: "93.3%"; "-" when
// there is no rate.
std::string format_rate(std::optional<double> rate);

}  // namespace waymark
