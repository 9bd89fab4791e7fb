// DfE attendance and absence codes (England), held as data: each code's meaning, statistical
// category and the dates it may be used on. The table follows the School Attendance (Pupil
// Registration) (England) Regulations 2024 (docs: /work/shared/reference/attendance-codes.md) and
// keeps the codes withdrawn on 19 August 2024 (H, J, Y and the old meaning of C) so that registers
// taken before then still read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace waymark {

// How a code counts in attendance statistics. The numeric values are stored in the one-byte cells
// of an AttendanceMatrix (core/attendance_stats.h); do not renumber.
enum class AttendanceCategory : std::uint8_t {
  Present = 0,  // in the session: /, \, L
  ApprovedActivity =
      1,             // off-site approved educational activity, counted as attending: K, V, P, W, B
  Authorised = 2,    // authorised absence (leave, illness, ...)
  Unauthorised = 3,  // G, N, O, U
  NotCounted = 4,    // not a possible session: D, X, Q, Y1-Y7
  Administrative = 5,  // not a possible session: Z, #
};
const char* to_string(AttendanceCategory category);  // "present", "approved_activity", ...
const char* label(AttendanceCategory category);      // "Attending approved educational activity"

// Whether the category is one of the "possible sessions" that an attendance rate is taken over.
constexpr bool counts_as_possible(AttendanceCategory category) {
  return category != AttendanceCategory::NotCounted &&
         category != AttendanceCategory::Administrative;
}

struct AttendanceCode {
  std::string code;     // as written in the register: "/", "\\", "L", "J1", "#"
  std::string meaning;  // the DfE description
  AttendanceCategory category = AttendanceCategory::Present;
  std::optional<Date> valid_from;  // first day the code may be used; none: before records began
  std::optional<Date> valid_to;    // last day the code may be used; none: still in force
  std::string replaced_by;         // for a withdrawn code, what to use now ("J1"); else empty

  bool valid_on(Date on) const {
    return (!valid_from || *valid_from <= on) && (!valid_to || on <= *valid_to);
  }
};

// The day the 2024 regulations brought in the new codes, and the last day of the old ones.
inline Date attendance_codes_2024_from() {
  return Date::from_ymd(2024, 8, 19);
}
inline Date attendance_codes_2024_withdrawn() {
  return Date::from_ymd(2024, 8, 18);
}

// Every DfE code: those in force from 19 August 2024 (codes that existed before then carry no
// valid_from, since they were valid throughout) and the withdrawn ones with valid_to 18 August
// 2024. A code may appear twice with different validity (C changed its meaning). Fewer than 255
// entries, so an entry's position fits a std::uint8_t.
const std::vector<AttendanceCode>& dfe_attendance_codes();

// Looks codes up by the text in a register, on a date. Thread safety: const methods may be called
// from any number of threads.
class AttendanceCodeBook {
 public:
  // The book over dfe_attendance_codes().
  static AttendanceCodeBook standard();

  // REQUIRES: fewer than 255 codes (255 is the matrix's "no mark").
  explicit AttendanceCodeBook(std::vector<AttendanceCode> codes);

  // The entry for `code` valid on `on`. Surrounding whitespace is ignored and letters may be lower
  // case ("j1" is J1). The pointer stays valid for the book's lifetime.
  // Fails with Invalid on `field`:
  //   "'QQ' is not an attendance code"
  //   "'J' is not a valid attendance code on 2025-09-10 (withdrawn on 2024-08-18; use J1)"
  //   "'K' is not a valid attendance code on 2023-09-11 (in use from 2024-08-19)"
  //   "is required (an attendance code such as / or N)" for blank text.
  Result<const AttendanceCode*> lookup(std::string_view code, Date on,
                                       const std::string& field = "code") const;

  // A compact handle for storing marks by the million: the entry's position in the book.
  // REQUIRES: `entry` points into this book (as lookup returns).
  std::uint8_t index_of(const AttendanceCode* entry) const;
  // REQUIRES: index < size().
  const AttendanceCode& at(std::uint8_t index) const { return codes_[index]; }
  std::size_t size() const { return codes_.size(); }

 private:
  std::vector<AttendanceCode> codes_;
};

}  // namespace waymark
