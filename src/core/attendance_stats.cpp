#include "core/attendance_stats.h"

#include <algorithm>
#include <cstring>
#include <thread>
#include <tuple>

#include <fmt/format.h>

namespace waymark {

AttendanceMatrix::AttendanceMatrix(std::size_t pupils, std::size_t sessions)
    : pupils_(pupils), sessions_(sessions), cells_(pupils * sessions, kNoMark) {}

AttendanceSummary make_summary(int present, int approved, int authorised, int unauthorised) {
  AttendanceSummary summary;
  summary.present = present;
  summary.approved = approved;
  summary.authorised = authorised;
  summary.unauthorised = unauthorised;
  summary.possible = present + approved + authorised + unauthorised;
  if (summary.possible > 0) {
    summary.rate = static_cast<double>(present + approved) / summary.possible;
    const long long absent = summary.absent();
    summary.persistent = absent * 10 >= summary.possible;
    summary.severe = absent * 2 >= summary.possible;
  }
  return summary;
}

namespace {

constexpr auto kPresent = static_cast<std::uint8_t>(AttendanceCategory::Present);
constexpr auto kApproved = static_cast<std::uint8_t>(AttendanceCategory::ApprovedActivity);
constexpr auto kAuthorised = static_cast<std::uint8_t>(AttendanceCategory::Authorised);
constexpr auto kUnauthorised = static_cast<std::uint8_t>(AttendanceCategory::Unauthorised);

// The hot loop counts 16 cells at a time with the GCC/Clang vector extension (the project already
// relies on GNU extensions, see WAYMARK_TRY): one compare and one subtract per category per 16
// cells, compiled to SSE2 on x86-64 and NEON on ARM, with no branches on the data. A compare sets
// a lane to -1 where it matches, so subtracting it counts matches in 16 one-byte lane counters.
typedef std::uint8_t CellLanes __attribute__((vector_size(16)));
typedef signed char CountLanes __attribute__((vector_size(16)));
constexpr std::size_t kLanes = sizeof(CellLanes);
constexpr std::size_t kMaxBlocksPerFlush = 127;  // a signed one-byte lane counter holds 127

AttendanceSummary summarise_row(std::span<const std::uint8_t> row) {
  const std::uint8_t* cells = row.data();
  const std::size_t count = row.size();
  std::uint32_t present = 0, approved = 0, authorised = 0, unauthorised = 0;
  std::size_t cell_idx = 0;
  while (count - cell_idx >= kLanes) {
    const std::size_t blocks = std::min((count - cell_idx) / kLanes, kMaxBlocksPerFlush);
    CountLanes present_lanes{}, approved_lanes{}, authorised_lanes{}, unauthorised_lanes{};
    for (std::size_t block_idx = 0; block_idx < blocks; ++block_idx, cell_idx += kLanes) {
      CellLanes lanes;
      std::memcpy(&lanes, cells + cell_idx, kLanes);
      present_lanes -= lanes == kPresent;
      approved_lanes -= lanes == kApproved;
      authorised_lanes -= lanes == kAuthorised;
      unauthorised_lanes -= lanes == kUnauthorised;
    }
    for (std::size_t lane_idx = 0; lane_idx < kLanes; ++lane_idx) {
      present += static_cast<std::uint8_t>(present_lanes[lane_idx]);
      approved += static_cast<std::uint8_t>(approved_lanes[lane_idx]);
      authorised += static_cast<std::uint8_t>(authorised_lanes[lane_idx]);
      unauthorised += static_cast<std::uint8_t>(unauthorised_lanes[lane_idx]);
    }
  }
  for (; cell_idx < count; ++cell_idx) {
    const std::uint8_t cell = cells[cell_idx];
    present += cell == kPresent;
    approved += cell == kApproved;
    authorised += cell == kAuthorised;
    unauthorised += cell == kUnauthorised;
  }
  return make_summary(static_cast<int>(present), static_cast<int>(approved),
                      static_cast<int>(authorised), static_cast<int>(unauthorised));
}

void summarise_range(const AttendanceMatrix& matrix, std::size_t first_pupil, std::size_t end_pupil,
                     std::vector<AttendanceSummary>& out) {
  for (std::size_t pupil_idx = first_pupil; pupil_idx < end_pupil; ++pupil_idx)
    out[pupil_idx] = summarise_row(matrix.row(pupil_idx));
}

}  // namespace

std::vector<AttendanceSummary> summarise(const AttendanceMatrix& matrix, ThreadCount threads) {
  const std::size_t pupils = matrix.pupils();
  std::vector<AttendanceSummary> summaries(pupils);
  const std::size_t workers =
      std::min<std::size_t>(std::max(threads.value, 1u), std::max<std::size_t>(pupils, 1));
  const std::size_t per_worker = (pupils + workers - 1) / workers;
  std::vector<std::thread> helpers;
  helpers.reserve(workers - 1);
  for (std::size_t worker_idx = 1; worker_idx < workers; ++worker_idx) {
    const std::size_t first = std::min(pupils, worker_idx * per_worker);
    const std::size_t end = std::min(pupils, first + per_worker);
    helpers.emplace_back(summarise_range, std::cref(matrix), first, end, std::ref(summaries));
  }
  summarise_range(matrix, 0, std::min(pupils, per_worker), summaries);
  for (auto& helper : helpers) helper.join();
  return summaries;
}

Result<AttendanceSummary> summarise_marks(const std::vector<AttendanceMark>& marks,
                                          const AttendanceCodeBook& book) {
  ErrorList errors;
  int counts[4] = {0, 0, 0, 0};
  for (std::size_t mark_idx = 0; mark_idx < marks.size(); ++mark_idx) {
    const AttendanceMark& mark = marks[mark_idx];
    const std::string prefix = fmt::format("marks[{}]", mark_idx);
    auto found = book.lookup(mark.code, mark.date, prefix + ".code");
    if (!found.ok()) {
      errors.add_all(found.error());
      continue;
    }
    const AttendanceCode& code = **found;
    if (mark.minutes_late) {
      if (code.code != "L" && code.code != "U")
        errors.add(prefix + ".minutes_late", "is only recorded with L or U");
      else if (*mark.minutes_late < 1 || *mark.minutes_late > 240)
        errors.add(prefix + ".minutes_late", "must be between 1 and 240");
    }
    const auto category = static_cast<std::size_t>(code.category);
    if (category < 4) ++counts[category];
  }

  std::vector<std::size_t> order(marks.size());
  for (std::size_t mark_idx = 0; mark_idx < order.size(); ++mark_idx) order[mark_idx] = mark_idx;
  auto key = [&marks](std::size_t mark_idx) {
    return std::tuple(marks[mark_idx].date, marks[mark_idx].session, mark_idx);
  };
  std::sort(order.begin(), order.end(),
            [&key](std::size_t left, std::size_t right) { return key(left) < key(right); });
  for (std::size_t sorted_idx = 1; sorted_idx < order.size(); ++sorted_idx) {
    const AttendanceMark& first = marks[order[sorted_idx - 1]];
    const AttendanceMark& second = marks[order[sorted_idx]];
    if (first.date == second.date && first.session == second.session)
      errors.add(
          fmt::format("marks[{}]", order[sorted_idx]),
          fmt::format("is a second mark for {} {}", second.date.iso(), to_string(second.session)));
  }

  if (!errors.empty()) return errors.to_error();
  return make_summary(counts[0], counts[1], counts[2], counts[3]);
}

std::string format_rate(std::optional<double> rate) {
  if (!rate) return "-";
  return fmt::format("{:.1f}%", *rate * 100.0);
}

}  // namespace waymark
