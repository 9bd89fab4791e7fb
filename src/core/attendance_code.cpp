#include "core/attendance_code.h"

#include <cctype>
#include <utility>

#include <fmt/format.h>

namespace waymark {

const char* to_string(AttendanceCategory category) {
  switch (category) {
    case AttendanceCategory::Present:
      return "present";
    case AttendanceCategory::ApprovedActivity:
      return "approved_activity";
    case AttendanceCategory::Authorised:
      return "authorised";
    case AttendanceCategory::Unauthorised:
      return "unauthorised";
    case AttendanceCategory::NotCounted:
      return "not_counted";
    case AttendanceCategory::Administrative:
      return "administrative";
  }
  return "not_counted";
}

const char* label(AttendanceCategory category) {
  switch (category) {
    case AttendanceCategory::Present:
      return "Present";
    case AttendanceCategory::ApprovedActivity:
      return "Attending approved educational activity";
    case AttendanceCategory::Authorised:
      return "Authorised absence";
    case AttendanceCategory::Unauthorised:
      return "Unauthorised absence";
    case AttendanceCategory::NotCounted:
      return "Not counted in possible sessions";
    case AttendanceCategory::Administrative:
      return "Administrative, not counted";
  }
  return "";
}

namespace {

using Category = AttendanceCategory;

// A code in force throughout (it existed before 2024 and still does).
AttendanceCode always(std::string code, std::string meaning, Category category) {
  return AttendanceCode{std::move(code), std::move(meaning), category,
                        std::nullopt,    std::nullopt,       ""};
}

// A code brought in by the 2024 regulations.
AttendanceCode from_2024(std::string code, std::string meaning, Category category) {
  return AttendanceCode{std::move(code), std::move(meaning),
                        category,        attendance_codes_2024_from(),
                        std::nullopt,    ""};
}

// A code withdrawn by the 2024 regulations.
AttendanceCode until_2024(std::string code, std::string meaning, Category category,
                          std::string replaced_by) {
  return AttendanceCode{std::move(code),
                        std::move(meaning),
                        category,
                        std::nullopt,
                        attendance_codes_2024_withdrawn(),
                        std::move(replaced_by)};
}

std::vector<AttendanceCode> build_table() {
  return {
      always("/", "present (AM)", Category::Present),
      always("\\", "present (PM)", Category::Present),
      always("L", "late, arrived before the register closed", Category::Present),
      from_2024("K", "attending education provision arranged by the local authority",
                Category::ApprovedActivity),
      always("V", "educational visit or trip", Category::ApprovedActivity),
      always("P", "approved sporting activity", Category::ApprovedActivity),
      always("W", "work experience", Category::ApprovedActivity),
      always("B", "any other approved educational activity", Category::ApprovedActivity),
      always("D", "dual registered, attending the other school", Category::NotCounted),
      from_2024("C1", "leave: regulated performance or employment abroad", Category::Authorised),
      always("M", "leave: medical or dental appointment", Category::Authorised),
      from_2024("J1", "leave: interview", Category::Authorised),
      always("S", "leave: study leave for a public examination", Category::Authorised),
      always("X", "not of compulsory school age, not required to attend", Category::NotCounted),
      from_2024("C2", "leave: compulsory school age pupil on a part-time timetable",
                Category::Authorised),
      from_2024("C", "leave: exceptional circumstances", Category::Authorised),
      always("T", "traveller pupil travelling for occupational purposes", Category::Authorised),
      always("R", "religious observance", Category::Authorised),
      always("I", "illness (not medical or dental appointment)", Category::Authorised),
      always("E", "suspended or permanently excluded, no alternative provision made",
             Category::Authorised),
      from_2024("Q", "unable to attend: lack of access arrangements", Category::NotCounted),
      from_2024("Y1", "unable to attend: transport normally provided not available",
                Category::NotCounted),
      from_2024("Y2", "unable to attend: widespread disruption to travel", Category::NotCounted),
      from_2024("Y3", "unable to attend: part of school premises closed", Category::NotCounted),
      from_2024("Y4", "unable to attend: whole school site unexpectedly closed",
                Category::NotCounted),
      from_2024("Y5", "unable to attend: in criminal justice detention", Category::NotCounted),
      from_2024("Y6", "unable to attend: public health guidance or law", Category::NotCounted),
      from_2024("Y7", "unable to attend: any other unavoidable cause", Category::NotCounted),
      always("G", "holiday not granted by the school", Category::Unauthorised),
      always("N", "reason not yet established", Category::Unauthorised),
      always("O", "absent in other or unknown circumstances", Category::Unauthorised),
      always("U", "arrived after the register closed", Category::Unauthorised),
      always("Z", "prospective pupil not on admission register", Category::Administrative),
      always("#", "planned whole or partial school closure", Category::Administrative),
      // Withdrawn on 18 August 2024. Before 2024 an interview (J) counted as approved educational
      // activity; its successor J1 is authorised leave.
      until_2024("H", "holiday agreed by the school (withdrawn 2024)", Category::Authorised,
                 "C or G"),
      until_2024("J", "interview (withdrawn 2024)", Category::ApprovedActivity, "J1"),
      until_2024("Y", "unable to attend due to exceptional circumstances (withdrawn 2024)",
                 Category::NotCounted, "Y1 to Y7"),
      until_2024("C", "other authorised circumstances (meaning before 2024)", Category::Authorised,
                 "C, C1 or C2"),
  };
}

std::string normalise(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  std::string result;
  for (std::size_t char_idx = begin; char_idx < end; ++char_idx)
    result += static_cast<char>(std::toupper(static_cast<unsigned char>(text[char_idx])));
  return result;
}

}  // namespace

const std::vector<AttendanceCode>& dfe_attendance_codes() {
  static const std::vector<AttendanceCode> codes = build_table();
  return codes;
}

AttendanceCodeBook AttendanceCodeBook::standard() {
  return AttendanceCodeBook(dfe_attendance_codes());
}

AttendanceCodeBook::AttendanceCodeBook(std::vector<AttendanceCode> codes)
    : codes_(std::move(codes)) {}

Result<const AttendanceCode*> AttendanceCodeBook::lookup(std::string_view code, Date on,
                                                         const std::string& field) const {
  std::string wanted = normalise(code);
  if (wanted.empty())
    return Error::invalid(field, "is required (an attendance code such as / or N)");
  const AttendanceCode* withdrawn = nullptr;
  const AttendanceCode* not_yet = nullptr;
  for (const auto& entry : codes_) {
    if (entry.code != wanted) continue;
    if (entry.valid_on(on)) return &entry;
    if (entry.valid_to && *entry.valid_to < on) withdrawn = &entry;
    if (entry.valid_from && on < *entry.valid_from) not_yet = &entry;
  }
  if (withdrawn != nullptr) {
    std::string hint =
        withdrawn->replaced_by.empty() ? "" : fmt::format("; use {}", withdrawn->replaced_by);
    return Error::invalid(field, fmt::format("'{}' is not a valid attendance code on {} (withdrawn "
                                             "on {}{})",
                                             wanted, on.iso(), withdrawn->valid_to->iso(), hint));
  }
  if (not_yet != nullptr)
    return Error::invalid(field, fmt::format("'{}' is not a valid attendance code on {} (in use "
                                             "from {})",
                                             wanted, on.iso(), not_yet->valid_from->iso()));
  return Error::invalid(field, fmt::format("'{}' is not an attendance code", wanted));
}

std::uint8_t AttendanceCodeBook::index_of(const AttendanceCode* entry) const {
  return static_cast<std::uint8_t>(entry - codes_.data());
}

}  // namespace waymark
